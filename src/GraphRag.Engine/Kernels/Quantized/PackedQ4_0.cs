using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GraphRag.Engine.Kernels.Quantized;

/// <summary>
/// Q4_0 weights packed for integer products. A group block (8 rows × 32 values, 144 bytes, as many as ggml's 8
/// blocks): 8 fp16 scales, then 4 vectors P₀..P₃ with byte 4r + i of Pₜ = row r's ggml byte 4t + i, whose low
/// nibble is value 4t + i and high nibble value 16 + 4t + i. So Pₜ's low nibbles are step t (values 4t..4t+3 of
/// every row) and its high nibbles step t + 4.
/// </summary>
public sealed unsafe class PackedQ4_0 : PackedMatrix
{
    private const int BlockBytes = 16 + 128;

    internal PackedQ4_0(byte* ggml, int rows, int columns) : base(rows, columns, Q4_0Format.BlockValues, BlockBytes)
    {
        var rowBytes = (long)BlocksPerRow * Q4_0Format.BlockBytes;
        var sources = stackalloc byte*[GroupRows];
        for (var g = 0; g < Groups; g++)
        {
            for (var r = 0; r < GroupRows; r++)
                sources[r] = g * GroupRows + r < rows ? ggml + (g * GroupRows + r) * rowBytes : null;
            for (var b = 0; b < BlocksPerRow; b++)
            {
                var target = GroupBlock(g, b);
                for (var r = 0; r < GroupRows; r++)
                    *(ushort*)(target + 2 * r) = sources[r] is null ? (ushort)0 : *(ushort*)(sources[r] + b * Q4_0Format.BlockBytes);
                for (var t = 0; t < 4; t++)
                    Interleave4(sources, b * Q4_0Format.BlockBytes + 2 + 4 * t, target + 16 + 32 * t);
            }
        }
    }

    public override QuantizedFormat Format => QuantizedFormat.Q4_0;

    public override ActivationBlocks ActivationBlocks => ActivationBlocks.Q8_0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void MultiplyGroupAvx2(int group, in Activations x, int t0, int count, float* output)
    {
        var acc = stackalloc Vector256<float>[ActivationTile];
        for (var u = 0; u < count; u++) acc[u] = Vector256<float>.Zero;
        var blocks = BlocksPerRow;
        for (var b = 0; b < blocks; b++)
        {
            var p = GroupBlock(group, b);
            var dw = HalvesToSingles((ushort*)p);
            var (w0, w4) = Nibbles(Vector256.Load(p + 16));
            var (w1, w5) = Nibbles(Vector256.Load(p + 48));
            var (w2, w6) = Nibbles(Vector256.Load(p + 80));
            var (w3, w7) = Nibbles(Vector256.Load(p + 112));
            for (var u = 0; u < count; u++)
            {
                var t = t0 + u;
                var a = x.Row(t) + 32 * b;
                // Nibbles ≤ 15 and |a| ≤ 127: eight steps of pair sums stay within int16 (≤ 30,480).
                var s16 = Avx2.MultiplyAddAdjacent(w0, Broadcast4(a));
                s16 = Avx2.Add(s16, Avx2.MultiplyAddAdjacent(w1, Broadcast4(a + 4)));
                s16 = Avx2.Add(s16, Avx2.MultiplyAddAdjacent(w2, Broadcast4(a + 8)));
                s16 = Avx2.Add(s16, Avx2.MultiplyAddAdjacent(w3, Broadcast4(a + 12)));
                s16 = Avx2.Add(s16, Avx2.MultiplyAddAdjacent(w4, Broadcast4(a + 16)));
                s16 = Avx2.Add(s16, Avx2.MultiplyAddAdjacent(w5, Broadcast4(a + 20)));
                s16 = Avx2.Add(s16, Avx2.MultiplyAddAdjacent(w6, Broadcast4(a + 24)));
                s16 = Avx2.Add(s16, Avx2.MultiplyAddAdjacent(w7, Broadcast4(a + 28)));
                var block = t * blocks + b;
                // Σ (q − 8)·a = Σ q·a − 8·Σ a.
                var dot = Avx2.MultiplyAddAdjacent(s16, OnesInt16) - Vector256.Create(8 * x.BlockSums[block]);
                acc[u] = Vector256.MultiplyAddEstimate(Vector256.ConvertToSingle(dot), dw * Vector256.Create(x.Scales[block]), acc[u]);
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
                    var a = x.Row(t) + 32 * b;
                    var dot = 0;
                    for (var j = 0; j < 16; j++)
                    {
                        var packed = p[16 + 32 * (j / 4) + 4 * r + j % 4];
                        dot += ((packed & 0x0F) - 8) * a[j] + ((packed >> 4) - 8) * a[j + 16];
                    }
                    sum += dot * ((float)BitConverter.UInt16BitsToHalf(((ushort*)p)[r]) * x.Scales[t * blocks + b]);
                }
                output[u * GroupRows + r] = sum;
            }
        }
    }
}
