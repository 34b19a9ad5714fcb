using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GraphRag.Engine.Kernels.Quantized;

/// <summary>
/// Q6_K weights packed for integer products. A group super-block (8 rows × 256 values, 1,680 bytes like ggml's):
/// 8 fp16 d, the int8 scales [sub-block of 16][row], then for each 32-value chunk c (sub-blocks 2c and 2c + 1):
/// 4 nibble vectors Nₜ (byte 4r + i: low nibble = low 4 bits of row r's value 32c + 4t + i, high nibble those
/// of value 32c + 16 + 4t + i) and 2 vectors Hₕ whose bits 2k..2k+1 of byte 4r + i are the top 2 bits of
/// value 32c + 16h + 4k + i. Step t (values 4t..4t+3 of the chunk) is low4 | high2 &lt;&lt; 4, in 0..63.
/// </summary>
public sealed unsafe class PackedQ6_K : PackedMatrix
{
    private const int ScalesOffset = 16;
    private const int QuantsOffset = 144;
    private const int ChunkBytes = 192;
    private const int BlockBytes = QuantsOffset + 8 * ChunkBytes;

    internal PackedQ6_K(byte* ggml, int rows, int columns) : base(rows, columns, Q6_KFormat.BlockValues, BlockBytes)
    {
        var rowBytes = (long)BlocksPerRow * Q6_KFormat.BlockBytes;
        Span<byte> q = stackalloc byte[256];
        for (var g = 0; g < Groups; g++)
        {
            for (var r = 0; r < GroupRows && g * GroupRows + r < rows; r++)
            {
                for (var b = 0; b < BlocksPerRow; b++)
                {
                    var block = ggml + (g * GroupRows + r) * rowBytes + b * Q6_KFormat.BlockBytes;
                    var target = GroupBlock(g, b);
                    *(ushort*)(target + 2 * r) = *(ushort*)(block + 208);
                    for (var j = 0; j < 16; j++)
                        target[ScalesOffset + 8 * j + r] = block[192 + j];
                    Unpack(block, q);
                    for (var c = 0; c < 8; c++)
                    {
                        var chunk = target + QuantsOffset + ChunkBytes * c;
                        for (var k = 0; k < 16; k++)
                        {
                            int t = k / 4, i = k % 4;
                            chunk[32 * t + 4 * r + i] = (byte)((q[32 * c + 4 * t + i] & 0x0F) | ((q[32 * c + 16 + 4 * t + i] & 0x0F) << 4));
                        }
                        for (var h = 0; h < 2; h++)
                            for (var i = 0; i < 4; i++)
                            {
                                var bits = 0;
                                for (var k = 0; k < 4; k++) bits |= (q[32 * c + 16 * h + 4 * k + i] >> 4) << (2 * k);
                                chunk[128 + 32 * h + 4 * r + i] = (byte)bits;
                            }
                    }
                }
            }
        }
    }

    /// <summary>ggml's 6-bit values (before −32) of one block, in order (the mapping of dequantize_row_q6_K).</summary>
    private static void Unpack(byte* block, Span<byte> q)
    {
        for (var half = 0; half < 2; half++)
        {
            byte* ql = block + 64 * half, qh = block + 128 + 32 * half;
            for (var l = 0; l < 32; l++)
            {
                q[128 * half + l] = (byte)((ql[l] & 0x0F) | ((qh[l] & 3) << 4));
                q[128 * half + l + 32] = (byte)((ql[l + 32] & 0x0F) | (((qh[l] >> 2) & 3) << 4));
                q[128 * half + l + 64] = (byte)((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4));
                q[128 * half + l + 96] = (byte)((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4));
            }
        }
    }

    public override QuantizedFormat Format => QuantizedFormat.Q6_K;

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
            for (var c = 0; c < 8; c++)
            {
                var chunk = p + QuantsOffset + ChunkBytes * c;
                var first = PairPerLane(Avx2.ConvertToVector256Int32((sbyte*)p + ScalesOffset + 16 * c));
                var second = PairPerLane(Avx2.ConvertToVector256Int32((sbyte*)p + ScalesOffset + 16 * c + 8));
                var top0 = Vector256.Load(chunk + 128).AsUInt16();
                var top1 = Vector256.Load(chunk + 160).AsUInt16();
                // Steps in pairs: values ≤ 63, |a| ≤ 127, so two steps of pair sums fit int16 (≤ 32,004), four would not.
                for (var pair = 0; pair < 4; pair++)
                {
                    var (even, odd) = StepPair(chunk, top0, top1, pair);
                    var scales = pair < 2 ? first : second;
                    var k = 256 * b + 32 * c + 8 * pair;
                    i0 += Avx2.MultiplyAddAdjacent(Products(even, r0 + k) + Products(odd, r0 + k + 4), scales);
                    if (four)
                    {
                        i1 += Avx2.MultiplyAddAdjacent(Products(even, r1 + k) + Products(odd, r1 + k + 4), scales);
                        i2 += Avx2.MultiplyAddAdjacent(Products(even, r2 + k) + Products(odd, r2 + k + 4), scales);
                        i3 += Avx2.MultiplyAddAdjacent(Products(even, r3 + k) + Products(odd, r3 + k + 4), scales);
                    }
                }
            }
            // Σ scale·(q − 32)·a = Σ scale·q·a − 32·Σ scale·(Σ a over the sub-block).
            Vector256<int> o0 = default, o1 = default, o2 = default, o3 = default;
            for (var j = 0; j < 16; j++)
            {
                var scales = Avx2.ConvertToVector256Int32((sbyte*)p + ScalesOffset + 8 * j);
                o0 += Avx2.MultiplyLow(scales, Vector256.Create((int)x.Sums16[(t0 * x.BlocksPerRow + b) * 16 + j]));
                if (four)
                {
                    o1 += Avx2.MultiplyLow(scales, Vector256.Create((int)x.Sums16[((t0 + 1) * x.BlocksPerRow + b) * 16 + j]));
                    o2 += Avx2.MultiplyLow(scales, Vector256.Create((int)x.Sums16[((t0 + 2) * x.BlocksPerRow + b) * 16 + j]));
                    o3 += Avx2.MultiplyLow(scales, Vector256.Create((int)x.Sums16[((t0 + 3) * x.BlocksPerRow + b) * 16 + j]));
                }
            }
            var dw = HalvesToSingles((ushort*)p);
            f0 = Accumulate(f0, i0, o0, dw, x.Scale(t0, b));
            if (four)
            {
                f1 = Accumulate(f1, i1, o1, dw, x.Scale(t0 + 1, b));
                f2 = Accumulate(f2, i2, o2, dw, x.Scale(t0 + 2, b));
                f3 = Accumulate(f3, i3, o3, dw, x.Scale(t0 + 3, b));
            }
        }
        StoreTile(four, f0, f1, f2, f3, output);
    }

    /// <summary>
    /// Steps 2·pair and 2·pair + 1 of a chunk as 6-bit values: low 4 bits from the nibble vectors (steps 0–3 low
    /// nibbles, 4–7 high), top 2 bits from bits 2k of H₀ (steps 0–3) or H₁ (4–7), moved to bits 4–5.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<byte> Even, Vector256<byte> Odd) StepPair(byte* chunk, Vector256<ushort> top0, Vector256<ushort> top1, int pair)
    {
        var topBits = Vector256.Create((byte)0x30);
        var n0 = Vector256.Load(chunk + 64 * (pair % 2));
        var n1 = Vector256.Load(chunk + 64 * (pair % 2) + 32);
        var top = pair < 2 ? top0 : top1;
        Vector256<byte> lowEven, lowOdd, topEven, topOdd;
        if (pair < 2)
        {
            lowEven = LowNibbles(n0);
            lowOdd = LowNibbles(n1);
        }
        else
        {
            lowEven = HighNibbles(n0);
            lowOdd = HighNibbles(n1);
        }
        if (pair % 2 == 0)
        {
            topEven = Avx2.ShiftLeftLogical(top, 4).AsByte() & topBits;
            topOdd = Avx2.ShiftLeftLogical(top, 2).AsByte() & topBits;
        }
        else
        {
            topEven = top.AsByte() & topBits;
            topOdd = Avx2.ShiftRightLogical(top, 2).AsByte() & topBits;
        }
        return (lowEven | topEven, lowOdd | topOdd);
    }

    /// <summary>f + (Σ scale·q·a − 32·offset) · d_w · d_a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Accumulate(Vector256<float> f, Vector256<int> dot, Vector256<int> offset, Vector256<float> dw, float scale) =>
        Vector256.MultiplyAddEstimate(Vector256.ConvertToSingle(dot - Avx2.ShiftLeftLogical(offset, 5)), dw * Vector256.Create(scale), f);

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
                    var dot = 0;
                    for (var v = 0; v < 256; v++)
                    {
                        var chunk = p + QuantsOffset + ChunkBytes * (v / 32);
                        int w = v % 32, step = w / 4, i = w % 4;
                        var nibbles = chunk[32 * (step % 4) + 4 * r + i];
                        var low = step < 4 ? nibbles & 0x0F : nibbles >> 4;
                        var high = (chunk[128 + 32 * (step / 4) + 4 * r + i] >> (2 * (step % 4))) & 3;
                        dot += ((sbyte*)p)[ScalesOffset + 8 * (v / 16) + r] * ((low | (high << 4)) - 32) * a[v];
                    }
                    sum += dot * ((float)BitConverter.UInt16BitsToHalf(((ushort*)p)[r]) * x.Scales[t * blocks + b]);
                }
                output[u * GroupRows + r] = sum;
            }
        }
    }
}
