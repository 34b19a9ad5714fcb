using System.Numerics.Tensors;

namespace GraphRag.Retrieve.Dense;

/// <summary>
/// Exact top-k by scanning every vector with SIMD dot products (TensorPrimitives), rows split
/// across cores when there are many. Vectors are held as one contiguous float32 matrix whatever the
/// storage format, so the scan reads memory sequentially.
/// </summary>
public sealed class ExactVectorIndex : IVectorIndex
{
    private const int RowsPerParallelBlock = 16_384;

    private readonly float[] _matrix;
    private readonly long[] _chunkIds;

    /// <param name="matrix">Row-major [rows, dimensions].</param>
    /// <param name="chunkIds">
    /// The chunk of each row, in ascending order: a chunk's windows are adjacent rows (the store loads
    /// them ORDER BY chunk_id, window), so the best window per chunk is one pass over runs of equal ids.
    /// </param>
    public ExactVectorIndex(float[] matrix, long[] chunkIds, int dimensions)
    {
        if (dimensions <= 0 || matrix.Length != chunkIds.Length * dimensions)
            throw new ArgumentException($"matrix has {matrix.Length} floats, expected {chunkIds.Length} rows × {dimensions}.");
        for (var i = 1; i < chunkIds.Length; i++)
        {
            if (chunkIds[i] < chunkIds[i - 1])
                throw new ArgumentException($"chunk ids must be in ascending order; row {i} ({chunkIds[i]}) follows {chunkIds[i - 1]}.");
        }
        _matrix = matrix;
        _chunkIds = chunkIds;
        Dimensions = dimensions;
    }

    public int Dimensions { get; }

    public int Count => _chunkIds.Length;

    public IReadOnlyList<(long ChunkId, float Score)> Search(ReadOnlySpan<float> query, int top)
    {
        if (query.Length != Dimensions)
            throw new ArgumentException($"The query vector has {query.Length} dimensions; the index holds {Dimensions}.");
        if (Count == 0 || top <= 0)
            return [];

        var scores = new float[Count];
        var q = query.ToArray();
        if (Count < 2 * RowsPerParallelBlock)
            Score(q, 0, Count, scores);
        else
            Parallel.For(0, (Count + RowsPerParallelBlock - 1) / RowsPerParallelBlock, block =>
            {
                var start = block * RowsPerParallelBlock;
                Score(q, start, Math.Min(Count, start + RowsPerParallelBlock), scores);
            });
        return TopChunks(scores, top);
    }

    private void Score(float[] query, int start, int end, float[] scores)
    {
        for (var row = start; row < end; row++)
            scores[row] = TensorPrimitives.Dot(query, _matrix.AsSpan(row * Dimensions, Dimensions));
    }

    private IReadOnlyList<(long ChunkId, float Score)> TopChunks(float[] scores, int top)
    {
        // One pass over runs of equal chunk ids (a chunk's windows) keeps each chunk's best window;
        // a bounded min-heap keeps the k best chunks.
        var heap = new PriorityQueue<long, (float Score, long NegId)>();
        var row = 0;
        while (row < scores.Length)
        {
            var chunkId = _chunkIds[row];
            var best = scores[row];
            for (row++; row < scores.Length && _chunkIds[row] == chunkId; row++)
                best = Math.Max(best, scores[row]);
            // Ties go to the lower chunk id, so results do not depend on load order.
            var key = (best, -chunkId);
            if (heap.Count < top)
                heap.Enqueue(chunkId, key);
            else if (heap.TryPeek(out _, out var worst) && key.CompareTo(worst) > 0)
                heap.EnqueueDequeue(chunkId, key);
        }
        var result = new List<(long, float)>(heap.Count);
        while (heap.TryDequeue(out var id, out var key))
            result.Add((id, key.Score));
        result.Reverse();
        return result;
    }
}
