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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void MultiplyGroupAvx2(int group, in Activations x, int t0, int count, float* output)
    {
        var acc = stackalloc Vector256<float>[ActivationTile];
        var sums = stackalloc Vector256<int>[ActivationTile];
        var low = stackalloc Vector256<byte>[8];
        var high = stackalloc Vector256<byte>[8];
        for (var u = 0; u < count; u++) acc[u] = Vector256<float>.Zero;
        var blocks = BlocksPerRow;
        for (var b = 0; b < blocks; b++)
        {
            var p = GroupBlock(group, b);
            for (var u = 0; u < count; u++) sums[u] = Vector256<int>.Zero;
            for (var c = 0; c < 4; c++)
            {
                for (var t = 0; t < 8; t++)
                    (low[t], high[t]) = Nibbles(Vector256.Load(p + QuantsOffset + 256 * c + 32 * t));
                var lowScales = PairPerLane(Avx2.ConvertToVector256Int32(p + ScalesOffset + 16 * c));
                var highScales = PairPerLane(Avx2.ConvertToVector256Int32(p + ScalesOffset + 16 * c + 8));
                for (var u = 0; u < count; u++)
                {
                    var a = x.Row(t0 + u) + 256 * b + 64 * c;
                    // Nibbles ≤ 15, |a| ≤ 127: a sub-block's eight steps of pair sums stay within int16.
                    var s16Low = Avx2.MultiplyAddAdjacent(low[0], Broadcast4(a));
                    var s16High = Avx2.MultiplyAddAdjacent(high[0], Broadcast4(a + 32));
                    for (var t = 1; t < 8; t++)
                    {
                        s16Low = Avx2.Add(s16Low, Avx2.MultiplyAddAdjacent(low[t], Broadcast4(a + 4 * t)));
                        s16High = Avx2.Add(s16High, Avx2.MultiplyAddAdjacent(high[t], Broadcast4(a + 32 + 4 * t)));
                    }
                    sums[u] = Avx2.Add(sums[u], Avx2.Add(Avx2.MultiplyAddAdjacent(s16Low, lowScales), Avx2.MultiplyAddAdjacent(s16High, highScales)));
                }
            }
            var dw = HalvesToSingles((ushort*)p);
            var mw = HalvesToSingles((ushort*)(p + 16));
            for (var u = 0; u < count; u++)
            {
                var t = t0 + u;
                var bsums = x.Sums16.Slice((t * blocks + b) * 16, 16);
                var minSum = Vector256<int>.Zero;
                for (var j = 0; j < 8; j++)
                    minSum += Avx2.MultiplyLow(Avx2.ConvertToVector256Int32(p + MinsOffset + 8 * j), Vector256.Create(bsums[2 * j] + bsums[2 * j + 1]));
                var da = Vector256.Create(x.Scales[t * blocks + b]);
                // d·Σ scale·(q·a) − dmin·Σ min·(Σ a), in that order, as ggml's vec_dot_q4_K_q8_K.
                acc[u] = Vector256.MultiplyAddEstimate(Vector256.ConvertToSingle(sums[u]), dw * da, acc[u]);
                acc[u] -= Vector256.ConvertToSingle(minSum) * (mw * da);
            }
        }
        for (var u = 0; u < count; u++) acc[u].Store(output + u * GroupRows);
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
                    var bsums = x.Sums16.Slice((t * blocks + b) * 16, 16);
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
