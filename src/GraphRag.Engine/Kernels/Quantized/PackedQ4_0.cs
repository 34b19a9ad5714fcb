using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GraphRag.Engine.Kernels.Quantized;

/// <summary>
/// Q4_0 weights packed for integer products. A group block (8 rows × 32 values, 160 bytes against ggml's 144 for 8
/// blocks): 8 float32 scales, then 4 vectors P₀..P₃ with byte 4r + i of Pₜ = row r's ggml byte 4t + i, whose low
/// nibble is value 4t + i and high nibble value 16 + 4t + i. So Pₜ's low nibbles are step t (values 4t..4t+3 of
/// every row) and its high nibbles step t + 4.
/// </summary>
public sealed unsafe class PackedQ4_0 : PackedMatrix
{
    private const int BlockBytes = ScaledBlockScaleBytes + 128;

    internal PackedQ4_0(byte* ggml, int rows, int columns) : base(rows, columns, Q4_0Format.BlockValues, BlockBytes) =>
        PackScaledBlocks(ggml, Q4_0Format.BlockBytes, steps: 4);

    public override QuantizedFormat Format => QuantizedFormat.Q4_0;

    public override ActivationBlocks ActivationBlocks => ActivationBlocks.Q8_0;

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
            var o = 32 * b;
            Vector256<short> s0 = default, s1 = default, s2 = default, s3 = default;
            // Nibbles ≤ 15 and |a| ≤ 127: a block's eight steps of pair sums stay within int16 (≤ 30,480).
            for (var t = 0; t < 4; t++)
            {
                var packed = Vector256.Load(p + ScaledBlockScaleBytes + 32 * t);
                var low = LowNibbles(packed);
                var high = HighNibbles(packed);
                var k = o + 4 * t;
                s0 += Products(low, r0 + k) + Products(high, r0 + k + 16);
                if (four)
                {
                    s1 += Products(low, r1 + k) + Products(high, r1 + k + 16);
                    s2 += Products(low, r2 + k) + Products(high, r2 + k + 16);
                    s3 += Products(low, r3 + k) + Products(high, r3 + k + 16);
                }
            }
            var dw = Vector256.Load((float*)p);
            f0 = Accumulate(f0, s0, x, t0, b, dw);
            if (four)
            {
                f1 = Accumulate(f1, s1, x, t0 + 1, b, dw);
                f2 = Accumulate(f2, s2, x, t0 + 2, b, dw);
                f3 = Accumulate(f3, s3, x, t0 + 3, b, dw);
            }
        }
        StoreTile(four, f0, f1, f2, f3, output);
    }

    /// <summary>f + (Σ q·a − 8·Σ a) · d_w · d_a: the block's integer dot (q − 8 recentres the nibbles) times both scales.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Accumulate(Vector256<float> f, Vector256<short> pairs, in Activations x, int t, int b, Vector256<float> dw)
    {
        var index = t * x.BlocksPerRow + b;
        var dot = Widen(pairs) - Vector256.Create(8 * x.BlockSums[index]);
        return Vector256.MultiplyAddEstimate(Vector256.ConvertToSingle(dot), dw * Vector256.Create(x.Scales[index]), f);
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
                        var packed = p[ScaledBlockScaleBytes + 32 * (j / 4) + 4 * r + j % 4];
                        dot += ((packed & 0x0F) - 8) * a[j] + ((packed >> 4) - 8) * a[j + 16];
                    }
                    sum += dot * (((float*)p)[r] * x.Scales[t * blocks + b]);
                }
                output[u * GroupRows + r] = sum;
            }
        }
    }
}
