using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GraphRag.Engine.Kernels.Quantized;

/// <summary>
/// Q4_K weights packed for integer products. A group super-block (8 rows × 256 values, 1,184 bytes against ggml's
/// 1,152): 8 fp16 d, 8 fp16 dmin, the 6-bit sub-block scales and mins unpacked to bytes ([sub-block][row], 64 bytes
/// each), then for each 64-value chunk c 8 vectors Vₜ with byte 4r + i = row r's ggml byte 32c + 4t + i: low
/// nibbles are step t of sub-block 2c, high nibbles step t of sub-block 2c + 1.
/// </summary>
public sealed unsafe class PackedQ4_K : PackedMatrix
{
    private const int ScalesOffset = 32;
    private const int MinsOffset = 96;
    private const int QuantsOffset = 160;
    private const int BlockBytes = QuantsOffset + 1024;

    internal PackedQ4_K(byte* ggml, int rows, int columns) : base(rows, columns, Q4_KFormat.BlockValues, BlockBytes)
    {
        var rowBytes = (long)BlocksPerRow * Q4_KFormat.BlockBytes;
        var sources = stackalloc byte*[GroupRows];
        for (var g = 0; g < Groups; g++)
        {
            for (var r = 0; r < GroupRows; r++)
                sources[r] = g * GroupRows + r < rows ? ggml + (g * GroupRows + r) * rowBytes : null;
            for (var b = 0; b < BlocksPerRow; b++)
            {
                var target = GroupBlock(g, b);
                for (var r = 0; r < GroupRows; r++)
                {
                    if (sources[r] is null) continue;
                    var block = sources[r] + b * Q4_KFormat.BlockBytes;
                    *(ushort*)(target + 2 * r) = *(ushort*)block;
                    *(ushort*)(target + 16 + 2 * r) = *(ushort*)(block + 2);
                    var scales = new ReadOnlySpan<byte>(block + 4, 12);
                    for (var j = 0; j < 8; j++)
                    {
                        var (scale, min) = Q4_KFormat.ScaleMin(j, scales);
                        target[ScalesOffset + 8 * j + r] = (byte)scale;
                        target[MinsOffset + 8 * j + r] = (byte)min;
                    }
                }
                for (var c = 0; c < 4; c++)
                    for (var t = 0; t < 8; t++)
                        Interleave4(sources, b * Q4_KFormat.BlockBytes + 16 + 32 * c + 4 * t, target + QuantsOffset + 256 * c + 32 * t);
            }
        }
    }

    public override QuantizedFormat Format => QuantizedFormat.Q4_K;

    public override ActivationBlocks ActivationBlocks => ActivationBlocks.Q8_K;

    protected override void MultiplyGroupAvx2FourRows(int group, in Activations x, int t0, float* output) => Tile<FourRows>(group, x, t0, output);

    protected override void MultiplyGroupAvx2OneRow(int group, in Activations x, int t, float* output) => Tile<OneRow>(group, x, t, output);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Tile<TRows>(int group, in Activations x, int t0, float* output) where TRows : struct, IRowCount
    {
        var four = TRows.Four;
        Vector256<float> f0 = default, f1 = default, f2 = default, f3 = default;
        sbyte* r0 = x.Row(t0), r1 = r0 + x.Columns, r2 = r1 + x.Columns, r3 = r2 + x.Columns;
        for (var b = 0; b < BlocksPerRow; b++)
        {
            var p = GroupBlock(group, b);
            Vector256<int> i0 = default, i1 = default, i2 = default, i3 = default;
            for (var c = 0; c < 4; c++)
            {
                // Nibbles ≤ 15, |a| ≤ 127: a sub-block's eight steps of pair sums stay within int16.
                Vector256<short> l0 = default, l1 = default, l2 = default, l3 = default;
                Vector256<short> h0 = default, h1 = default, h2 = default, h3 = default;
                var quants = p + QuantsOffset + 256 * c;
                for (var t = 0; t < 8; t++)
                {
                    var packed = Vector256.Load(quants + 32 * t);
                    var low = LowNibbles(packed);
                    var high = HighNibbles(packed);
                    var k = 256 * b + 64 * c + 4 * t;
                    l0 += Products(low, r0 + k);
                    h0 += Products(high, r0 + k + 32);
                    if (four)
                    {
                        l1 += Products(low, r1 + k);
                        h1 += Products(high, r1 + k + 32);
                        l2 += Products(low, r2 + k);
                        h2 += Products(high, r2 + k + 32);
                        l3 += Products(low, r3 + k);
                        h3 += Products(high, r3 + k + 32);
                    }
                }
                var lowScales = PairPerLane(Avx2.ConvertToVector256Int32(p + ScalesOffset + 16 * c));
                var highScales = PairPerLane(Avx2.ConvertToVector256Int32(p + ScalesOffset + 16 * c + 8));
                i0 += Avx2.MultiplyAddAdjacent(l0, lowScales) + Avx2.MultiplyAddAdjacent(h0, highScales);
                if (four)
                {
                    i1 += Avx2.MultiplyAddAdjacent(l1, lowScales) + Avx2.MultiplyAddAdjacent(h1, highScales);
                    i2 += Avx2.MultiplyAddAdjacent(l2, lowScales) + Avx2.MultiplyAddAdjacent(h2, highScales);
                    i3 += Avx2.MultiplyAddAdjacent(l3, lowScales) + Avx2.MultiplyAddAdjacent(h3, highScales);
                }
            }
            Vector256<int> m0 = default, m1 = default, m2 = default, m3 = default;
            for (var j = 0; j < 8; j++)
            {
                var mins = Avx2.ConvertToVector256Int32(p + MinsOffset + 8 * j);
                m0 += Avx2.MultiplyLow(mins, Vector256.Create(SubBlockSum(x, t0, b, j)));
                if (four)
                {
                    m1 += Avx2.MultiplyLow(mins, Vector256.Create(SubBlockSum(x, t0 + 1, b, j)));
                    m2 += Avx2.MultiplyLow(mins, Vector256.Create(SubBlockSum(x, t0 + 2, b, j)));
                    m3 += Avx2.MultiplyLow(mins, Vector256.Create(SubBlockSum(x, t0 + 3, b, j)));
                }
            }
            var dw = HalvesToSingles((ushort*)p);
            var mw = HalvesToSingles((ushort*)(p + 16));
            f0 = Accumulate(f0, i0, m0, dw, mw, x.Scale(t0, b));
            if (four)
            {
                f1 = Accumulate(f1, i1, m1, dw, mw, x.Scale(t0 + 1, b));
                f2 = Accumulate(f2, i2, m2, dw, mw, x.Scale(t0 + 2, b));
                f3 = Accumulate(f3, i3, m3, dw, mw, x.Scale(t0 + 3, b));
            }
        }
        StoreTile(four, f0, f1, f2, f3, output);
    }

    /// <summary>Σ a over sub-block j (32 values) of super-block b of row t: two of ggml's 16-value sums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SubBlockSum(in Activations x, int t, int b, int j)
    {
        var sums = x.Sums16 + (t * x.BlocksPerRow + b) * 16 + 2 * j;
        return sums[0] + sums[1];
    }

    /// <summary>f + d·d_a·Σ scale·(q·a) − dmin·d_a·Σ min·(Σ a), in that order, as ggml's vec_dot_q4_K_q8_K.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Accumulate(Vector256<float> f, Vector256<int> dot, Vector256<int> minSum, Vector256<float> dw, Vector256<float> mw, float scale)
    {
        var da = Vector256.Create(scale);
        f = Vector256.MultiplyAddEstimate(Vector256.ConvertToSingle(dot), dw * da, f);
        return f - Vector256.ConvertToSingle(minSum) * (mw * da);
    }

    protected override void MultiplyGroupScalar(int group, in Activations x, int t0, int count, float* output)
    {
        var blocks = BlocksPerRow;
        for (var u = 0; u < count; u++)
        {
            var t = t0 + u;
            for (var r = 0; r < GroupRows; r++)
            {
                var sum = 0f;
                for (var b = 0; b < blocks; b++)
                {
                    var p = GroupBlock(group, b);
                    var a = x.Row(t) + 256 * b;
                    var bsums = x.Sums16 + (t * blocks + b) * 16;
                    int dot = 0, minSum = 0;
                    for (var j = 0; j < 8; j++)
                    {
                        var subDot = 0;
                        for (var v = 0; v < 32; v++)
                        {
                            var packed = p[QuantsOffset + 256 * (j / 2) + 32 * (v / 4) + 4 * r + v % 4];
                            subDot += (j % 2 == 0 ? packed & 0x0F : packed >> 4) * a[32 * j + v];
                        }
                        dot += p[ScalesOffset + 8 * j + r] * subDot;
                        minSum += p[MinsOffset + 8 * j + r] * (bsums[2 * j] + bsums[2 * j + 1]);
                    }
                    var da = x.Scales[t * blocks + b];
                    var d = (float)BitConverter.UInt16BitsToHalf(((ushort*)p)[r]);
                    var dmin = (float)BitConverter.UInt16BitsToHalf(((ushort*)(p + 16))[r]);
                    sum += dot * (d * da);
                    sum -= minSum * (dmin * da);
                }
                output[u * GroupRows + r] = sum;
            }
        }
    }
}
