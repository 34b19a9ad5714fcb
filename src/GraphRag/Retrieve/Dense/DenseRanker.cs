using Microsoft.Extensions.AI;

namespace GraphRag.Retrieve.Dense;

/// <summary>
/// Dense retrieval: the query's embedding against every chunk window's, by cosine similarity. The
/// query is embedded by the model that made the vectors (the configured one once ingestion has
/// embedded the notes with it), so a change of encoder never compares vectors of two models.
/// </summary>
public sealed class DenseRanker(SentenceEncoders encoders, VectorIndexCache indexes) : IRanker
{
    private static readonly Explanation Why = _ => "dense: cosine similarity to the question";

    public async Task<IReadOnlyList<RankedChunk>> RankAsync(SearchQuery query, int depth, CancellationToken cancellationToken = default)
    {
        var (model, index) = indexes.Get(encoders.Configured.ModelId);
        if (model is null || index.Count == 0)
            throw UnavailableModeException.Off(RetrievalModeNames.Dense,
                "the database holds no embeddings: enable GraphRag:Embeddings and re-run `graphrag ingest`.");
        var encoder = encoders.ForModel(model) ?? throw UnavailableModeException.Off(RetrievalModeNames.Dense,
            $"the notes were embedded by {model}, which is not the configured encoder ({encoders.Configured.ModelId}) " +
            "and cannot be loaded here: re-run `graphrag ingest` to embed them with the configured one.");
        var embedding = await encoder.Queries.GenerateAsync(query.Text, cancellationToken: cancellationToken);
        return index.Search(embedding.Vector.Span, depth).Select(r => new RankedChunk(r.ChunkId, r.Score, Why)).ToList();
    }
}
