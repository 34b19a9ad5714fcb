using Microsoft.Extensions.AI;

namespace GraphRag.Retrieve.Dense;

/// <summary>Dense retrieval: the query's embedding against every chunk window's, by cosine similarity.</summary>
public sealed class DenseRanker(IEmbeddingGenerator<string, Embedding<float>> queryEncoder, VectorIndexCache indexes) : IRanker
{
    private static readonly Explanation Why = _ => "dense: cosine similarity to the question";

    public async Task<IReadOnlyList<RankedChunk>> RankAsync(SearchQuery query, int depth, CancellationToken cancellationToken = default)
    {
        var index = indexes.Get();
        if (index.Count == 0)
            throw UnavailableModeException.Off(RetrievalModeNames.Dense,
                "the database holds no embeddings: enable GraphRag:Embeddings and re-run `graphrag ingest`.");
        var embedding = await queryEncoder.GenerateAsync(query.Text, cancellationToken: cancellationToken);
        return index.Search(embedding.Vector.Span, depth).Select(r => new RankedChunk(r.ChunkId, r.Score, Why)).ToList();
    }
}
