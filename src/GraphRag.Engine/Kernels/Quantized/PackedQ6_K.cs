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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void MultiplyGroupAvx2(int group, in Activations x, int t0, int count, float* output)
    {
        var acc = stackalloc Vector256<float>[ActivationTile];
        var sums = stackalloc Vector256<int>[ActivationTile];
        var steps = stackalloc Vector256<byte>[8];
        var high = stackalloc Vector256<byte>[8];
        var topBits = Vector256.Create((byte)0x30);
        for (var u = 0; u < count; u++) acc[u] = Vector256<float>.Zero;
        var blocks = BlocksPerRow;
        for (var b = 0; b < blocks; b++)
        {
            var p = GroupBlock(group, b);
            for (var u = 0; u < count; u++) sums[u] = Vector256<int>.Zero;
            for (var c = 0; c < 8; c++)
            {
                var chunk = p + QuantsOffset + ChunkBytes * c;
                var h0 = Vector256.Load(chunk + 128).AsUInt16();
                var h1 = Vector256.Load(chunk + 160).AsUInt16();
                // The two top bits of step 4h + k sit at bits 2k of Hₕ; move them to bits 4–5 (16-bit shifts, then mask).
                high[0] = Avx2.ShiftLeftLogical(h0, 4).AsByte() & topBits;
                high[1] = Avx2.ShiftLeftLogical(h0, 2).AsByte() & topBits;
                high[2] = h0.AsByte() & topBits;
                high[3] = Avx2.ShiftRightLogical(h0, 2).AsByte() & topBits;
                high[4] = Avx2.ShiftLeftLogical(h1, 4).AsByte() & topBits;
                high[5] = Avx2.ShiftLeftLogical(h1, 2).AsByte() & topBits;
                high[6] = h1.AsByte() & topBits;
                high[7] = Avx2.ShiftRightLogical(h1, 2).AsByte() & topBits;
                for (var t = 0; t < 4; t++)
                {
                    var (lowNibble, highNibble) = Nibbles(Vector256.Load(chunk + 32 * t));
                    steps[t] = lowNibble | high[t];
                    steps[t + 4] = highNibble | high[t + 4];
                }
                var firstScales = PairPerLane(Avx2.ConvertToVector256Int32((sbyte*)p + ScalesOffset + 16 * c));
                var secondScales = PairPerLane(Avx2.ConvertToVector256Int32((sbyte*)p + ScalesOffset + 16 * c + 8));
                for (var u = 0; u < count; u++)
                {
                    var a = x.Row(t0 + u) + 256 * b + 32 * c;
                    // Values ≤ 63, |a| ≤ 127: two steps of pair sums fit int16 (≤ 32,004), four would not.
                    var s01 = Avx2.Add(Avx2.MultiplyAddAdjacent(steps[0], Broadcast4(a)), Avx2.MultiplyAddAdjacent(steps[1], Broadcast4(a + 4)));
                    var s23 = Avx2.Add(Avx2.MultiplyAddAdjacent(steps[2], Broadcast4(a + 8)), Avx2.MultiplyAddAdjacent(steps[3], Broadcast4(a + 12)));
                    var s45 = Avx2.Add(Avx2.MultiplyAddAdjacent(steps[4], Broadcast4(a + 16)), Avx2.MultiplyAddAdjacent(steps[5], Broadcast4(a + 20)));
                    var s67 = Avx2.Add(Avx2.MultiplyAddAdjacent(steps[6], Broadcast4(a + 24)), Avx2.MultiplyAddAdjacent(steps[7], Broadcast4(a + 28)));
                    var first = Avx2.Add(Avx2.MultiplyAddAdjacent(s01, firstScales), Avx2.MultiplyAddAdjacent(s23, firstScales));
                    var second = Avx2.Add(Avx2.MultiplyAddAdjacent(s45, secondScales), Avx2.MultiplyAddAdjacent(s67, secondScales));
                    sums[u] = Avx2.Add(sums[u], Avx2.Add(first, second));
                }
            }
            var dw = HalvesToSingles((ushort*)p);
            for (var u = 0; u < count; u++)
            {
                var t = t0 + u;
                var bsums = x.Sums16.Slice((t * blocks + b) * 16, 16);
                // Σ scale·(q − 32)·a = Σ scale·q·a − 32·Σ scale·(Σ a over the sub-block).
                var offset = Vector256<int>.Zero;
                for (var j = 0; j < 16; j++)
                    offset += Avx2.MultiplyLow(Avx2.ConvertToVector256Int32((sbyte*)p + ScalesOffset + 8 * j), Vector256.Create((int)bsums[j]));
                var dot = sums[u] - Avx2.ShiftLeftLogical(offset, 5);
                acc[u] = Vector256.MultiplyAddEstimate(Vector256.ConvertToSingle(dot), dw * Vector256.Create(x.Scales[t * blocks + b]), acc[u]);
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
