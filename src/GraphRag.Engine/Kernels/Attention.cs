using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace GraphRag.Engine.Kernels;

/// <summary>
/// Scaled dot-product attention, O = softmax(Q·Kᵀ · scale + mask) · V, computed in key tiles with an
/// online (streaming) softmax: the running maximum and denominator are rescaled as each tile arrives,
/// so no [QueryLength, KeyLength] score matrix is ever materialised. Parallel over heads and query blocks.
/// </summary>
public static unsafe class Attention
{
    /// <summary>Keys whose scores are held at once (a stack buffer).</summary>
    private const int KeyTile = 64;

    /// <summary>Queries per parallel work item: they share the key/value rows brought into cache.</summary>
    private const int QueryBlock = 16;

    /// <summary>Below this many score entries the call stays on one thread.</summary>
    private const long ParallelThreshold = 1 << 14;

    /// <summary>Attention of one sequence; see <see cref="AttentionShape"/> for the layouts and masks.
    /// A query that sees no key (fully masked) gets a zero output row.</summary>
    public static void Compute(ReadOnlySpan<float> q, ReadOnlySpan<float> k, ReadOnlySpan<float> v, Span<float> output, AttentionShape shape, int? maxDegreeOfParallelism = null) =>
        Compute(q, k, v, output, shape, ComputeOptions.WithThreads(maxDegreeOfParallelism));

    /// <summary>Attention of one sequence on at most <see cref="ComputeOptions.Threads"/> threads.</summary>
    public static void Compute(ReadOnlySpan<float> q, ReadOnlySpan<float> k, ReadOnlySpan<float> v, Span<float> output, AttentionShape shape, ComputeOptions options)
    {
        shape.Validate();
        long qWidth = (long)shape.Heads * shape.HeadDim, kvWidth = (long)shape.KvHeads * shape.HeadDim;
        Require(q, shape.QueryLength * qWidth, "q", $"[{shape.QueryLength}, {qWidth}]");
        Require(k, shape.KeyLength * kvWidth, "k", $"[{shape.KeyLength}, {kvWidth}]");
        Require(v, shape.KeyLength * kvWidth, "v", $"[{shape.KeyLength}, {kvWidth}]");
        Require(output, shape.QueryLength * qWidth, "output", $"[{shape.QueryLength}, {qWidth}]");
        if (shape.QueryLength == 0) return;

        var blocks = (shape.QueryLength + QueryBlock - 1) / QueryBlock;
        var items = shape.Heads * blocks;
        var threads = options.Threads;
        fixed (float* pq = q, pk = k, pv = v, po = output)
        {
            var p = new Pointers(pq, pk, pv, po);
            void Item(int index)
            {
                var head = index / blocks;
                var first = index % blocks * QueryBlock;
                for (var i = first; i < Math.Min(first + QueryBlock, shape.QueryLength); i++)
                    AttendOne(p, shape, head, i);
            }

            if (threads == 1 || items == 1 || (long)shape.QueryLength * shape.KeyLength * shape.Heads < ParallelThreshold)
                for (var i = 0; i < items; i++) Item(i);
            else
                Parallel.For(0, items, new ParallelOptions { MaxDegreeOfParallelism = threads }, Item);
        }
    }

    private static void Require(ReadOnlySpan<float> span, long needed, string name, string shape)
    {
        if (span.Length < needed) throw new ArgumentException($"{name} needs {needed} elements for {shape} but has {span.Length}.", name);
    }

    private readonly struct Pointers(float* q, float* k, float* v, float* output)
    {
        public readonly float* Q = q, K = k, V = v, Output = output;
    }

    /// <summary>One query row of one head against its visible keys, tile by tile.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AttendOne(in Pointers p, in AttentionShape s, int head, int i)
    {
        var d = s.HeadDim;
        var qWidth = s.Heads * d;
        var kvWidth = s.KvHeads * d;
        var kvHead = head / (s.Heads / s.KvHeads);
        var query = new ReadOnlySpan<float>(p.Q + (long)i * qWidth + head * d, d);
        var output = new Span<float>(p.Output + (long)i * qWidth + head * d, d);

        var visible = s.ValidKeys;
        if (s.Causal) visible = Math.Min(visible, s.KeyLength - s.QueryLength + i + 1);

        output.Clear();
        var scale = s.EffectiveScale;
        var runningMax = float.NegativeInfinity;
        var denominator = 0f;
        Span<float> scores = stackalloc float[KeyTile];
        for (var j0 = 0; j0 < visible; j0 += KeyTile)
        {
            var tile = scores[..Math.Min(KeyTile, visible - j0)];
            for (var t = 0; t < tile.Length; t++)
                tile[t] = TensorPrimitives.Dot(query, KeyOrValue(p.K, j0 + t, kvWidth, kvHead, d)) * scale;

            var newMax = Math.Max(runningMax, TensorPrimitives.Max(tile));
            // Rescale what was accumulated under the old maximum (exp(−∞) = 0 on the first tile).
            var correction = MathF.Exp(runningMax - newMax);
            if (correction != 1f)
            {
                denominator *= correction;
                TensorPrimitives.Multiply(output, correction, output);
            }
            TensorPrimitives.Subtract(tile, newMax, tile);
            TensorPrimitives.Exp(tile, tile);
            denominator += TensorPrimitives.Sum(tile);
            for (var t = 0; t < tile.Length; t++)
                TensorPrimitives.MultiplyAdd(KeyOrValue(p.V, j0 + t, kvWidth, kvHead, d), tile[t], output, output);
            runningMax = newMax;
        }
        if (denominator > 0f) TensorPrimitives.Divide(output, denominator, output);
    }

    private static ReadOnlySpan<float> KeyOrValue(float* basePtr, int position, int kvWidth, int kvHead, int d)
        => new(basePtr + (long)position * kvWidth + kvHead * d, d);
}
