using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;

namespace GraphRag.Retrieve.Dense;

/// <summary>
/// Exact top-k by scanning every vector with SIMD dot products, four rows per pass over the query, rows split
/// across every core when there are many. Vectors are held as one contiguous float32 matrix whatever the
/// storage format, so the scan reads memory sequentially, at the memory bandwidth of all cores.
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

        // Rented: a fresh array per query would be zeroed page by page (4 MB at a million rows) before the scan starts.
        var scores = ArrayPool<float>.Shared.Rent(Count);
        try
        {
            var q = query.ToArray();
            if (Count < 2 * RowsPerParallelBlock)
                Score(q, 0, Count, scores);
            else
                Parallel.For(0, (Count + RowsPerParallelBlock - 1) / RowsPerParallelBlock,
                    new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, block =>
                    {
                        var start = block * RowsPerParallelBlock;
                        Score(q, start, Math.Min(Count, start + RowsPerParallelBlock), scores);
                    });
            return TopChunks(scores.AsSpan(0, Count), top);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    /// <summary>Scores rows [start, end): four rows per pass, so each query vector load feeds four multiply-adds.</summary>
    private void Score(float[] query, int start, int end, float[] scores)
    {
        var d = Dimensions;
        var q = MemoryMarshal.Cast<float, Vector<float>>(query.AsSpan());
        var tail = q.Length * Vector<float>.Count;
        var row = start;
        for (; row + 4 <= end; row += 4)
        {
            var r0 = MemoryMarshal.Cast<float, Vector<float>>(_matrix.AsSpan(row * d, d));
            var r1 = MemoryMarshal.Cast<float, Vector<float>>(_matrix.AsSpan((row + 1) * d, d));
            var r2 = MemoryMarshal.Cast<float, Vector<float>>(_matrix.AsSpan((row + 2) * d, d));
            var r3 = MemoryMarshal.Cast<float, Vector<float>>(_matrix.AsSpan((row + 3) * d, d));
            Vector<float> s0 = default, s1 = default, s2 = default, s3 = default;
            for (var i = 0; i < q.Length; i++)
            {
                var x = q[i];
                s0 = Vector.MultiplyAddEstimate(x, r0[i], s0);
                s1 = Vector.MultiplyAddEstimate(x, r1[i], s1);
                s2 = Vector.MultiplyAddEstimate(x, r2[i], s2);
                s3 = Vector.MultiplyAddEstimate(x, r3[i], s3);
            }
            scores[row] = Vector.Sum(s0) + TailDot(query, row, tail);
            scores[row + 1] = Vector.Sum(s1) + TailDot(query, row + 1, tail);
            scores[row + 2] = Vector.Sum(s2) + TailDot(query, row + 2, tail);
            scores[row + 3] = Vector.Sum(s3) + TailDot(query, row + 3, tail);
        }
        for (; row < end; row++)
            scores[row] = System.Numerics.Tensors.TensorPrimitives.Dot(query, _matrix.AsSpan(row * d, d));
    }

    /// <summary>The dimensions past the last whole vector (none for 512-d embeddings).</summary>
    private float TailDot(float[] query, int row, int from)
    {
        var sum = 0f;
        for (var i = from; i < Dimensions; i++) sum += query[i] * _matrix[row * Dimensions + i];
        return sum;
    }

    private IReadOnlyList<(long ChunkId, float Score)> TopChunks(ReadOnlySpan<float> scores, int top)
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
