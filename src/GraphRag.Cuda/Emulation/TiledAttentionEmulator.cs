using GraphRag.Engine.Kernels;

namespace GraphRag.Cuda.Emulation;

/// <summary>
/// The CUDA attention kernels (native/attention_prefill.cu, native/attention_decode.cu) replayed on the CPU
/// step for step: the same tiles, the same shared-memory buffers, the same online-softmax updates and the
/// same float32 accumulation order (fused multiply-adds where the kernels call fmaf). 16-bit inputs are
/// rounded the way the device rounds them, and P is rounded to the input type before P·V as the tensor-core
/// path does. Only the order of additions inside one 16×16×16 MMA differs from the device (hardware-defined).
/// This is how the kernels' algorithm is proven on machines without a GPU.
/// </summary>
public static class TiledAttentionEmulator
{
    private const int Br = TilingConstants.PrefillRows;
    private const int Bc = TilingConstants.PrefillKeys;

    /// <summary>
    /// Prefill as graphrag_cuda_attention_prefill computes it. Layouts: q [QueryLength, Heads·HeadDim],
    /// k, v [KeyLength, KvHeads·HeadDim], output [QueryLength, Heads·HeadDim]; bottom-right causal mask.
    /// </summary>
    public static void Prefill(ReadOnlySpan<float> q, ReadOnlySpan<float> k, ReadOnlySpan<float> v, Span<float> output,
        AttentionShape shape, InputPrecision precision)
    {
        AttentionShapeRules.ValidatePrefill(shape);
        AttentionShapeRules.RequireLengths(q.Length, k.Length, v.Length, output.Length, shape);
        var qr = InputRounding.Round(q, precision);
        var kr = InputRounding.Round(k, precision);
        var vr = InputRounding.Round(v, precision);
        var tiles = new PrefillTiles(shape.HeadDim);
        for (var h = 0; h < shape.Heads; h++)
            for (var q0 = 0; q0 < shape.QueryLength; q0 += Br)
                PrefillBlock(qr, kr, vr, output, shape, precision, h, q0, tiles);
    }

    /// <summary>The shared memory of one prefill block.</summary>
    private sealed class PrefillTiles(int d)
    {
        public readonly float[] Q = new float[Br * d], K = new float[Bc * d], V = new float[Bc * d];
        public readonly float[] S = new float[Br * Bc], P = new float[Br * Bc], O = new float[Br * d];
        public readonly float[] M = new float[Br], L = new float[Br], Alpha = new float[Br];
    }

    private static void PrefillBlock(float[] q, float[] k, float[] v, Span<float> output, AttentionShape shape,
        InputPrecision precision, int h, int q0, PrefillTiles t)
    {
        int d = shape.HeadDim, qLen = shape.QueryLength, kLen = shape.KeyLength;
        int kvh = h / (shape.Heads / shape.KvHeads), qStride = shape.Heads * d, kvStride = shape.KvHeads * d;
        var offset = kLen - qLen;
        var scale = AttentionShapeRules.Scale(shape);

        for (var i = 0; i < Br * d; i++)
        {
            int r = i / d, c = i % d, qi = q0 + r;
            t.Q[i] = qi < qLen ? q[qi * qStride + h * d + c] : 0f;
            t.O[i] = 0f;
        }
        Array.Fill(t.M, float.NegativeInfinity);
        Array.Clear(t.L);

        var kEnd = shape.Causal ? Math.Min(kLen, offset + Math.Min(q0 + Br, qLen)) : kLen;
        for (var k0 = 0; k0 < kEnd; k0 += Bc)
        {
            for (var i = 0; i < Bc * d; i++)
            {
                int j = k0 + i / d, c = i % d;
                t.K[i] = j < kLen ? k[j * kvStride + kvh * d + c] : 0f;
                t.V[i] = j < kLen ? v[j * kvStride + kvh * d + c] : 0f;
            }

            // tile_scores: raw dot products, float32, sequential over the head dimension.
            for (var r = 0; r < Br; r++)
                for (var c = 0; c < Bc; c++)
                {
                    var acc = 0f;
                    for (var x = 0; x < d; x++) acc = MathF.FusedMultiplyAdd(t.Q[r * d + x], t.K[c * d + x], acc);
                    t.S[r * Bc + c] = acc;
                }

            for (var r = 0; r < Br; r++) OnlineSoftmaxRow(t, r, q0 + r, k0, qLen, kLen, offset, shape.Causal, scale, precision);

            // tile_accumulate: O = alpha·O + P·V, float32, sequential over the tile's keys.
            var p = precision == InputPrecision.Float32 ? t.S : t.P;
            for (var r = 0; r < Br; r++)
                for (var c = 0; c < d; c++)
                {
                    var acc = t.O[r * d + c] * t.Alpha[r];
                    for (var kk = 0; kk < Bc; kk++) acc = MathF.FusedMultiplyAdd(p[r * Bc + kk], t.V[kk * d + c], acc);
                    t.O[r * d + c] = acc;
                }
        }

        for (var i = 0; i < Br * d; i++)
        {
            int r = i / d, c = i % d, qi = q0 + r;
            if (qi < qLen) output[qi * qStride + h * d + c] = t.O[i] / t.L[r];
        }
    }

    /// <summary>One row's update: mask and scale the scores, raise the running max, rescale, exponentiate.</summary>
    private static void OnlineSoftmaxRow(PrefillTiles t, int r, int qi, int k0, int qLen, int kLen, int offset,
        bool causal, float scale, InputPrecision precision)
    {
        var lastKey = causal ? offset + qi : kLen - 1;
        var mOld = t.M[r];
        var mNew = mOld;
        for (var c = 0; c < Bc; c++)
        {
            var j = k0 + c;
            var visible = qi < qLen && j < kLen && j <= lastKey;
            var s = visible ? t.S[r * Bc + c] * scale : float.NegativeInfinity;
            t.S[r * Bc + c] = s;
            mNew = MathF.Max(mNew, s);
        }
        var alpha = float.IsNegativeInfinity(mOld) ? 0f : MathF.Exp(mOld - mNew);
        var rowSum = 0f;
        for (var c = 0; c < Bc; c++)
        {
            var s = t.S[r * Bc + c];
            var p = float.IsNegativeInfinity(s) ? 0f : MathF.Exp(s - mNew);
            rowSum += p;
            if (precision == InputPrecision.Float32) t.S[r * Bc + c] = p;
            else t.P[r * Bc + c] = InputRounding.Round(p, precision);
        }
        t.L[r] = MathF.FusedMultiplyAdd(t.L[r], alpha, rowSum);
        t.M[r] = mNew;
        t.Alpha[r] = alpha;
    }

    /// <summary>
    /// Decode as graphrag_cuda_attention_decode computes it: q [Heads·HeadDim] (float32) against kCache, vCache
    /// [KeyLength, KvHeads·HeadDim] of <paramref name="precision"/>; output [Heads·HeadDim]. The keys are split into
    /// chunks of <see cref="TilingConstants.DecodeChunk"/>, each reduced to (m, l, O) and merged in split order.
    /// </summary>
    public static void Decode(ReadOnlySpan<float> q, ReadOnlySpan<float> kCache, ReadOnlySpan<float> vCache, Span<float> output,
        AttentionShape shape, InputPrecision precision)
    {
        AttentionShapeRules.ValidateDecode(shape);
        AttentionShapeRules.RequireLengths(q.Length, kCache.Length, vCache.Length, output.Length, shape);
        var kr = InputRounding.Round(kCache, precision);
        var vr = InputRounding.Round(vCache, precision);
        int d = shape.HeadDim, kLen = shape.KeyLength, splits = TilingConstants.DecodeSplits(kLen);
        var scale = AttentionShapeRules.Scale(shape);
        var partialO = new float[splits * d];
        var partialM = new float[splits];
        var partialL = new float[splits];
        var scores = new float[TilingConstants.DecodeChunk];
        for (var h = 0; h < shape.Heads; h++)
        {
            var query = q.Slice(h * d, d);
            var kvOffset = h / (shape.Heads / shape.KvHeads) * d;
            var kvStride = shape.KvHeads * d;
            for (var s = 0; s < splits; s++)
            {
                int j0 = s * TilingConstants.DecodeChunk, count = Math.Min(TilingConstants.DecodeChunk, kLen - j0);
                var m = float.NegativeInfinity;
                for (var c = 0; c < count; c++)
                {
                    var acc = 0f;
                    var key = (j0 + c) * kvStride + kvOffset;
                    for (var x = 0; x < d; x++) acc = MathF.FusedMultiplyAdd(query[x], kr[key + x], acc);
                    scores[c] = acc * scale;
                    m = MathF.Max(m, scores[c]);
                }
                var l = 0f;
                for (var c = 0; c < count; c++) scores[c] = MathF.Exp(scores[c] - m);
                for (var c = 0; c < count; c++) l += scores[c];
                for (var x = 0; x < d; x++)
                {
                    var acc = 0f;
                    for (var c = 0; c < count; c++) acc = MathF.FusedMultiplyAdd(scores[c], vr[(j0 + c) * kvStride + kvOffset + x], acc);
                    partialO[s * d + x] = acc;
                }
                partialM[s] = m;
                partialL[s] = l;
            }
            Combine(partialO, partialM, partialL, output.Slice(h * d, d));
        }
    }

    /// <summary>decode_combine_kernel: merge the splits' (m, l, O) in split order.</summary>
    private static void Combine(float[] partialO, float[] partialM, float[] partialL, Span<float> output)
    {
        var d = output.Length;
        var mMax = float.NegativeInfinity;
        foreach (var m in partialM) mMax = MathF.Max(mMax, m);
        for (var x = 0; x < d; x++)
        {
            float l = 0f, acc = 0f;
            for (var s = 0; s < partialM.Length; s++)
            {
                var w = MathF.Exp(partialM[s] - mMax);
                l = MathF.FusedMultiplyAdd(w, partialL[s], l);
                acc = MathF.FusedMultiplyAdd(w, partialO[s * d + x], acc);
            }
            output[x] = acc / l;
        }
    }
}
