using GraphRag.Ingest;
using GraphRag.Store;
using Microsoft.Extensions.Options;

namespace GraphRag.Retrieve.Dense;

/// <summary>
/// Embeds each chunk (as sentence windows) before the article's write transaction and stores the
/// vectors inside it. Vectors go with their chunk (ON DELETE CASCADE), so there is nothing to
/// remove by hand.
/// </summary>
public sealed class EmbeddingIndexer(SentenceEncoders encoders, IOptions<GraphRagOptions> options) : IArticleIndexer
{
    private readonly EmbeddingOptions _options = options.Value.Embeddings;
    private readonly VectorFormat _format = VectorCodec.Parse(options.Value.Embeddings.Storage);
    private readonly SentenceEncoder _encoder = encoders.Configured;

    public string ModelId => _encoder.ModelId;

    /// <summary>The longest window embedded as one vector, in the encoder's tokens, never past its input limit.</summary>
    public int WindowTokens => Math.Min(_options.WindowTokens ?? _encoder.WindowTokens, _encoder.MaxTokens);

    // Part of the ingestion fingerprint: another model, storage or window size re-embeds everything.
    public string Name => $"embeddings:{ModelId}:{VectorCodec.Name(_format)}:{WindowTokens}";

    /// <summary>Embeds every window of every article's chunks, batched across the articles.</summary>
    public async Task<IReadOnlyList<IArticleIndex>> PrepareAsync(IReadOnlyList<ArticleToIndex> articles, CancellationToken cancellationToken)
    {
        var windows = articles
            .SelectMany((article, a) => article.Chunks.SelectMany((chunk, ordinal) =>
                SentenceWindows.Split(article.Article.Text[chunk.Start..chunk.End], WindowTokens, _encoder.CountTokens)
                    .Select((text, window) => (Article: a, Ordinal: ordinal, Window: window, Text: text))))
            .ToList();
        var vectors = articles.Select(_ => new List<Vector>()).ToList();
        foreach (var batch in windows.Chunk(Math.Max(1, _options.BatchSize)))
        {
            var embeddings = await _encoder.Documents.GenerateAsync(batch.Select(w => w.Text), cancellationToken: cancellationToken);
            for (var i = 0; i < batch.Length; i++)
            {
                var (bytes, scale) = VectorCodec.Encode(embeddings[i].Vector.Span, _format);
                vectors[batch[i].Article].Add(new Vector(batch[i].Ordinal, batch[i].Window, bytes, scale));
            }
        }
        return vectors.Select(v => (IArticleIndex)new Vectors(v, ModelId, VectorCodec.Name(_format))).ToList();
    }

    public void Remove(long articleId, WriteTransaction write)
    {
    }

    private sealed record Vector(int ChunkOrdinal, int Window, byte[] Bytes, float Scale);

    private sealed class Vectors(List<Vector> vectors, string model, string format) : IArticleIndex
    {
        public void Write(StoredArticle article, IReadOnlyList<StoredChunk> chunks, WriteTransaction write)
        {
            using var insert = write.Prepare("""
                INSERT INTO chunk_embeddings (chunk_id, window, model, format, scale, vector)
                VALUES ($chunk, $window, $model, $format, $scale, $vector)
                """);
            foreach (var vector in vectors)
            {
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$chunk", chunks[vector.ChunkOrdinal].Id);
                insert.Parameters.AddWithValue("$window", vector.Window);
                insert.Parameters.AddWithValue("$model", model);
                insert.Parameters.AddWithValue("$format", format);
                insert.Parameters.AddWithValue("$scale", vector.Scale);
                insert.Parameters.AddWithValue("$vector", vector.Bytes);
                insert.ExecuteNonQuery();
            }
        }
    }
}
