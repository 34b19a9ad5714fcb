using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GraphRag.Engine.Kernels;

/// <summary>
/// Bidirectional (encoder) attention over a batch of packed sequences: sequence s owns key rows
/// keyOffsets[s]..keyOffsets[s+1] and query rows queryOffsets[s]..queryOffsets[s+1], and each query sees
/// every key of its own sequence, which is what a padding mask computes on a padded batch. Per (sequence,
/// head) the scores are materialised ([queries, keys], at most 1 MiB at 512 tokens) so both products run as
/// register-blocked small matrix products: S = Q·Kᵀ·scale with Kᵀ packed into 16-key panels (6 queries ×
/// 16 keys per micro-tile, as <see cref="PackedLinear"/>), then a row softmax, then O = P·V (2 queries ×
/// 32 columns). Work items are (sequence, head) pairs spread over cores.
/// </summary>
/// <remarks>Layouts are token-major, as projecting a [tokens, heads·headDim] matrix gives: head h occupies columns h·headDim..(h+1)·headDim.
/// Machines without Vector256 use <c>Attention.Compute</c> per sequence.</remarks>
public static unsafe class PackedSequenceAttention
{
    private const int KeyPanel = 16;
    private const int TileRows = 6;

    public static void Compute(ReadOnlySpan<float> q, ReadOnlySpan<float> k, ReadOnlySpan<float> v, Span<float> output,
        ReadOnlySpan<int> queryOffsets, ReadOnlySpan<int> keyOffsets, int heads, int headDim, float scale, int? maxDegreeOfParallelism = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(heads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(headDim, 1);
        if (queryOffsets.Length != keyOffsets.Length || keyOffsets.Length < 1)
            throw new ArgumentException($"queryOffsets ({queryOffsets.Length}) and keyOffsets ({keyOffsets.Length}) must both hold sequences + 1 offsets.");
        var sequences = keyOffsets.Length - 1;
        var width = heads * headDim;
        for (var s = 0; s < sequences; s++)
        {
            if (keyOffsets[s + 1] < keyOffsets[s] || queryOffsets[s + 1] < queryOffsets[s])
                throw new ArgumentException($"The offsets of sequence {s} decrease.");
            if (queryOffsets[s + 1] > queryOffsets[s] && keyOffsets[s + 1] == keyOffsets[s])
                throw new ArgumentException($"Sequence {s} has queries but no keys.");
        }
        long queries = queryOffsets[^1], keys = keyOffsets[^1];
        if (q.Length < queries * width) throw new ArgumentException($"q needs {queries * width} elements for [{queries}, {width}] but has {q.Length}.", nameof(q));
        if (k.Length < keys * width) throw new ArgumentException($"k needs {keys * width} elements for [{keys}, {width}] but has {k.Length}.", nameof(k));
        if (v.Length < keys * width) throw new ArgumentException($"v needs {keys * width} elements for [{keys}, {width}] but has {v.Length}.", nameof(v));
        if (output.Length < queries * width) throw new ArgumentException($"output needs {queries * width} elements for [{queries}, {width}] but has {output.Length}.", nameof(output));

        var threads = ComputeOptions.WithThreads(maxDegreeOfParallelism).Threads;
        if (!Vector256.IsHardwareAccelerated)
        {
            for (var s = 0; s < sequences; s++)
            {
                var shape = new AttentionShape(queryOffsets[s + 1] - queryOffsets[s], keyOffsets[s + 1] - keyOffsets[s], heads, headDim) { Scale = scale };
                Attention.Compute(q[(queryOffsets[s] * width)..(queryOffsets[s + 1] * width)], k[(keyOffsets[s] * width)..(keyOffsets[s + 1] * width)],
                    v[(keyOffsets[s] * width)..(keyOffsets[s + 1] * width)], output[(queryOffsets[s] * width)..(queryOffsets[s + 1] * width)], shape, threads);
            }
            return;
        }

        var qOffsets = queryOffsets.ToArray();
        var kOffsets = keyOffsets.ToArray();
        fixed (float* pq = q, pk = k, pv = v, po = output)
        {
            var job = new Job(pq, pk, pv, po, width, headDim, scale);
            void Item(int index)
            {
                var s = index / heads;
                HeadOfSequence(job, index % heads, qOffsets[s], qOffsets[s + 1] - qOffsets[s], kOffsets[s], kOffsets[s + 1] - kOffsets[s]);
            }

            var items = sequences * heads;
            if (threads == 1 || items == 1 || (long)queries * keys / Math.Max(sequences, 1) * width < 1 << 16)
                for (var i = 0; i < items; i++) Item(i);
            else
                Parallel.For(0, items, new ParallelOptions { MaxDegreeOfParallelism = threads }, Item);
        }
    }

    private readonly struct Job(float* q, float* k, float* v, float* output, int width, int headDim, float scale)
    {
        public readonly float* Q = q, K = k, V = v, Output = output;
        public readonly int Width = width, HeadDim = headDim;
        public readonly float Scale = scale;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void HeadOfSequence(in Job job, int head, int q0, int queries, int k0, int keys)
    {
        if (queries == 0) return;
        int d = job.HeadDim, width = job.Width;
        var padded = (keys + KeyPanel - 1) / KeyPanel * KeyPanel;
        var keysT = ArrayPool<float>.Shared.Rent(d * padded);
        var scores = ArrayPool<float>.Shared.Rent(queries * padded);
        try
        {
            fixed (float* kT = keysT, sc = scores)
            {
                // Kᵀ in panels of 16 keys: panel p holds [d, 16] contiguous, padded keys are zero.
                new Span<float>(kT, d * padded).Clear();
                for (var j = 0; j < keys; j++)
                {
                    var row = job.K + (long)(k0 + j) * width + head * d;
                    var panel = kT + (long)(j / KeyPanel) * d * KeyPanel + j % KeyPanel;
                    for (var c = 0; c < d; c++) panel[c * KeyPanel] = row[c];
                }

                var qHead = job.Q + (long)q0 * width + head * d;
                for (var i = 0; i < queries; i += TileRows)
                {
                    var rows = Math.Min(TileRows, queries - i);
                    for (var p = 0; p < padded / KeyPanel; p++)
                    {
                        if (rows == 1)
                            Scores1x16(qHead + (long)i * width, kT + (long)p * d * KeyPanel, d, job.Scale, sc + (long)i * padded + p * KeyPanel);
                        else
                            Scores6x16(qHead + (long)i * width, width, rows, kT + (long)p * d * KeyPanel, d, job.Scale, sc + (long)i * padded + p * KeyPanel, padded);
                    }
                }

                for (var i = 0; i < queries; i++)
                {
                    var row = new Span<float>(sc + (long)i * padded, keys);
                    TensorPrimitives.Subtract(row, TensorPrimitives.Max(row), row);
                    TensorPrimitives.Exp(row, row);
                    TensorPrimitives.Multiply(row, 1f / TensorPrimitives.Sum(row), row);
                }

                var vHead = job.V + (long)k0 * width + head * d;
                var oHead = job.Output + (long)q0 * width + head * d;
                for (var i = 0; i < queries; i += 2)
                {
                    var rows = Math.Min(2, queries - i);
                    WeightedValues(sc + (long)i * padded, rows == 2 ? sc + (long)(i + 1) * padded : null, keys, vHead, width, d, oHead + (long)i * width, oHead + (long)(i + 1) * width);
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(keysT);
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    /// <summary>scores[rows ≤ 6, 16] = scale · q[rows, d] · Kᵀ panel[d, 16]; the missing rows of a short tile repeat the last row and are not stored.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Scores6x16(float* q, int qStride, int rows, float* panel, int d, float scale, float* scores, int scoreStride)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        float* q1 = q + Math.Min(1, rows - 1) * qStride, q2 = q + Math.Min(2, rows - 1) * qStride, q3 = q + Math.Min(3, rows - 1) * qStride;
        float* q4 = q + Math.Min(4, rows - 1) * qStride, q5 = q + Math.Min(5, rows - 1) * qStride;
        for (var c = 0; c < d; c++, panel += KeyPanel)
        {
            var k0 = Vector256.Load(panel);
            var k1 = Vector256.Load(panel + 8);
            var a = Vector256.Create(q[c]);
            c00 = Vector256.FusedMultiplyAdd(a, k0, c00); c01 = Vector256.FusedMultiplyAdd(a, k1, c01);
            a = Vector256.Create(q1[c]);
            c10 = Vector256.FusedMultiplyAdd(a, k0, c10); c11 = Vector256.FusedMultiplyAdd(a, k1, c11);
            a = Vector256.Create(q2[c]);
            c20 = Vector256.FusedMultiplyAdd(a, k0, c20); c21 = Vector256.FusedMultiplyAdd(a, k1, c21);
            a = Vector256.Create(q3[c]);
            c30 = Vector256.FusedMultiplyAdd(a, k0, c30); c31 = Vector256.FusedMultiplyAdd(a, k1, c31);
            a = Vector256.Create(q4[c]);
            c40 = Vector256.FusedMultiplyAdd(a, k0, c40); c41 = Vector256.FusedMultiplyAdd(a, k1, c41);
            a = Vector256.Create(q5[c]);
            c50 = Vector256.FusedMultiplyAdd(a, k0, c50); c51 = Vector256.FusedMultiplyAdd(a, k1, c51);
        }
        var s = Vector256.Create(scale);
        (c00 * s).Store(scores); (c01 * s).Store(scores + 8);
        if (rows > 1) { scores += scoreStride; (c10 * s).Store(scores); (c11 * s).Store(scores + 8); }
        if (rows > 2) { scores += scoreStride; (c20 * s).Store(scores); (c21 * s).Store(scores + 8); }
        if (rows > 3) { scores += scoreStride; (c30 * s).Store(scores); (c31 * s).Store(scores + 8); }
        if (rows > 4) { scores += scoreStride; (c40 * s).Store(scores); (c41 * s).Store(scores + 8); }
        if (rows > 5) { scores += scoreStride; (c50 * s).Store(scores); (c51 * s).Store(scores + 8); }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Scores1x16(float* q, float* panel, int d, float scale, float* scores)
    {
        Vector256<float> c0 = default, c1 = default;
        for (var c = 0; c < d; c++, panel += KeyPanel)
        {
            var a = Vector256.Create(q[c]);
            c0 = Vector256.FusedMultiplyAdd(a, Vector256.Load(panel), c0);
            c1 = Vector256.FusedMultiplyAdd(a, Vector256.Load(panel + 8), c1);
        }
        var s = Vector256.Create(scale);
        (c0 * s).Store(scores);
        (c1 * s).Store(scores + 8);
    }

    /// <summary>out0 = Σ_j p0[j]·V[j] (and out1 from p1 when given) over one head's columns, 32 columns at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WeightedValues(float* p0, float* p1, int keys, float* v, int vStride, int d, float* out0, float* out1)
    {
        var c = 0;
        for (; c + 32 <= d; c += 32)
        {
            Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
            Vector256<float> b0 = default, b1 = default, b2 = default, b3 = default;
            var row = v + c;
            for (var j = 0; j < keys; j++, row += vStride)
            {
                var v0 = Vector256.Load(row);
                var v1 = Vector256.Load(row + 8);
                var v2 = Vector256.Load(row + 16);
                var v3 = Vector256.Load(row + 24);
                var w = Vector256.Create(p0[j]);
                a0 = Vector256.FusedMultiplyAdd(w, v0, a0); a1 = Vector256.FusedMultiplyAdd(w, v1, a1);
                a2 = Vector256.FusedMultiplyAdd(w, v2, a2); a3 = Vector256.FusedMultiplyAdd(w, v3, a3);
                if (p1 is null) continue;
                w = Vector256.Create(p1[j]);
                b0 = Vector256.FusedMultiplyAdd(w, v0, b0); b1 = Vector256.FusedMultiplyAdd(w, v1, b1);
                b2 = Vector256.FusedMultiplyAdd(w, v2, b2); b3 = Vector256.FusedMultiplyAdd(w, v3, b3);
            }
            a0.Store(out0 + c); a1.Store(out0 + c + 8); a2.Store(out0 + c + 16); a3.Store(out0 + c + 24);
            if (p1 is null) continue;
            b0.Store(out1 + c); b1.Store(out1 + c + 8); b2.Store(out1 + c + 16); b3.Store(out1 + c + 24);
        }
        // Heads narrower than 32 or not a multiple of it: the remaining columns one weighted row at a time.
        if (c < d)
        {
            var rest = d - c;
            new Span<float>(out0 + c, rest).Clear();
            if (p1 is not null) new Span<float>(out1 + c, rest).Clear();
            for (var j = 0; j < keys; j++)
            {
                var row = new ReadOnlySpan<float>(v + (long)j * vStride + c, rest);
                TensorPrimitives.MultiplyAdd(row, p0[j], new ReadOnlySpan<float>(out0 + c, rest), new Span<float>(out0 + c, rest));
                if (p1 is not null) TensorPrimitives.MultiplyAdd(row, p1[j], new ReadOnlySpan<float>(out1 + c, rest), new Span<float>(out1 + c, rest));
            }
        }
    }
}
