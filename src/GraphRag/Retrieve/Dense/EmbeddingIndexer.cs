using GraphRag.Ingest;
using GraphRag.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace GraphRag.Retrieve.Dense;

/// <summary>
/// Embeds each chunk (as sentence windows) during ingestion and stores the vectors in the
/// article's transaction. Vectors go with their chunk (ON DELETE CASCADE), so there is nothing
/// to remove by hand.
/// </summary>
public sealed class EmbeddingIndexer(
    IEmbeddingGenerator<string, Embedding<float>> generator,
    IOptions<EmbeddingOptions> options) : IArticleIndexer
{
    private readonly EmbeddingOptions _options = options.Value;
    private readonly VectorFormat _format = VectorCodec.Parse(options.Value.Storage);

    public string ModelId { get; } = generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? "encoder";

    // Part of the ingestion fingerprint: another model, storage or window size re-embeds everything.
    public string Name => $"embeddings:{ModelId}:{VectorCodec.Name(_format)}:{_options.WindowTokens}";

    public async Task IndexAsync(ArticleIndexingContext context, CancellationToken cancellationToken)
    {
        var windows = context.Chunks
            .SelectMany(c => SentenceWindows.Split(c.Text, _options.WindowTokens).Select((text, i) => (c.Id, Window: i, Text: text)))
            .ToList();
        using var insert = context.Connection.CreateCommand();
        insert.Transaction = context.Transaction;
        insert.CommandText = """
            INSERT INTO chunk_embeddings (chunk_id, window, model, format, scale, vector)
            VALUES ($chunk, $window, $model, $format, $scale, $vector)
            """;
        foreach (var batch in windows.Chunk(Math.Max(1, _options.BatchSize)))
        {
            var embeddings = await generator.GenerateAsync(batch.Select(w => w.Text), cancellationToken: cancellationToken);
            for (var i = 0; i < batch.Length; i++)
            {
                var (bytes, scale) = VectorCodec.Encode(embeddings[i].Vector.Span, _format);
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$chunk", batch[i].Id);
                insert.Parameters.AddWithValue("$window", batch[i].Window);
                insert.Parameters.AddWithValue("$model", ModelId);
                insert.Parameters.AddWithValue("$format", VectorCodec.Name(_format));
                insert.Parameters.AddWithValue("$scale", scale);
                insert.Parameters.AddWithValue("$vector", bytes);
                insert.ExecuteNonQuery();
            }
        }
    }

    public Task RemoveAsync(long articleId, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
