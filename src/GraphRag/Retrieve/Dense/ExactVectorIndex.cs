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
    /// <param name="chunkIds">The chunk of each row; rows of one chunk may repeat an id.</param>
    public ExactVectorIndex(float[] matrix, long[] chunkIds, int dimensions)
    {
        if (dimensions <= 0 || matrix.Length != chunkIds.Length * dimensions)
            throw new ArgumentException($"matrix has {matrix.Length} floats, expected {chunkIds.Length} rows × {dimensions}.");
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
        // Best window per chunk first, then a bounded min-heap keeps the k best chunks.
        var best = new Dictionary<long, float>();
        for (var row = 0; row < scores.Length; row++)
        {
            if (!best.TryGetValue(_chunkIds[row], out var current) || scores[row] > current)
                best[_chunkIds[row]] = scores[row];
        }
        var heap = new PriorityQueue<long, (float Score, long NegId)>();
        foreach (var (chunkId, score) in best)
        {
            // Ties go to the lower chunk id, so results do not depend on load order.
            var key = (score, -chunkId);
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
