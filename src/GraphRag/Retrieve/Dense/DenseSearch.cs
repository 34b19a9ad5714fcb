using GraphRag.Store;
using Microsoft.Extensions.AI;

namespace GraphRag.Retrieve.Dense;

/// <summary>Dense retrieval: the query's embedding against every chunk window's, by cosine similarity.</summary>
public sealed class DenseSearch(
    IEmbeddingGenerator<string, Embedding<float>> generator,
    VectorIndexCache indexes,
    GraphRagDatabase database) : IRetriever
{
    public string Mode => "dense";

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int top, CancellationToken cancellationToken = default)
    {
        Bm25Search.Validate(query, top);
        var index = indexes.Get();
        if (index.Count == 0)
            throw new InvalidOperationException(
                $"{database.Path} holds no embeddings: enable GraphRag:Embeddings and re-run `graphrag ingest`.");
        var embedding = await generator.GenerateAsync(query, cancellationToken: cancellationToken);
        var ranked = index.Search(embedding.Vector.Span, top).Select(r => (r.ChunkId, (double)r.Score)).ToList();
        return ChunkHits.Load(database, ranked, _ => "dense: cosine similarity to the question");
    }
}
