namespace GraphRag.Retrieve.Dense;

/// <summary>Nearest chunks to a query vector by cosine similarity (vectors are L2-normalised).</summary>
/// <remarks>The exact scan implements it today; an approximate index (HNSW, IVF) can replace it.</remarks>
public interface IVectorIndex
{
    int Count { get; }

    /// <returns>At most <paramref name="top"/> chunks, best first; a chunk scores as its best window.</returns>
    IReadOnlyList<(long ChunkId, float Score)> Search(ReadOnlySpan<float> query, int top);
}
