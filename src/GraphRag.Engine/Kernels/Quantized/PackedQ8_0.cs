using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GraphRag.Engine.Kernels.Quantized;

/// <summary>
/// Q8_0 weights packed for integer products. A group block (8 rows × 32 values, 288 bytes against ggml's 272 for 8
/// blocks): 8 float32 scales, then 8 steps of 32 bytes, step t byte 4r + i = row r's value 4t + i.
/// </summary>
public sealed unsafe class PackedQ8_0 : PackedMatrix
{
    private const int BlockBytes = ScaledBlockScaleBytes + 256;

    internal PackedQ8_0(byte* ggml, int rows, int columns) : base(rows, columns, Q8_0Format.BlockValues, BlockBytes) =>
        PackScaledBlocks(ggml, Q8_0Format.BlockBytes, steps: 8);

    public override QuantizedFormat Format => QuantizedFormat.Q8_0;

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
            Vector256<int> i0 = default, i1 = default, i2 = default, i3 = default;
            for (var s = 0; s < 8; s++)
            {
                // maddubs needs one unsigned operand: |w| times a with w's sign (pairs ≤ 2·127·127, so no int16 sums across steps).
                var w = Vector256.Load((sbyte*)p + ScaledBlockScaleBytes + 32 * s);
                var magnitude = Avx2.Abs(w);
                var k = o + 4 * s;
                i0 += Widen(Avx2.MultiplyAddAdjacent(magnitude, Avx2.Sign(Broadcast4(r0 + k), w)));
                if (four)
                {
                    i1 += Widen(Avx2.MultiplyAddAdjacent(magnitude, Avx2.Sign(Broadcast4(r1 + k), w)));
                    i2 += Widen(Avx2.MultiplyAddAdjacent(magnitude, Avx2.Sign(Broadcast4(r2 + k), w)));
                    i3 += Widen(Avx2.MultiplyAddAdjacent(magnitude, Avx2.Sign(Broadcast4(r3 + k), w)));
                }
            }
            var dw = Vector256.Load((float*)p);
            f0 = Vector256.MultiplyAddEstimate(Vector256.ConvertToSingle(i0), dw * Vector256.Create(x.Scale(t0, b)), f0);
            if (four)
            {
                f1 = Vector256.MultiplyAddEstimate(Vector256.ConvertToSingle(i1), dw * Vector256.Create(x.Scale(t0 + 1, b)), f1);
                f2 = Vector256.MultiplyAddEstimate(Vector256.ConvertToSingle(i2), dw * Vector256.Create(x.Scale(t0 + 2, b)), f2);
                f3 = Vector256.MultiplyAddEstimate(Vector256.ConvertToSingle(i3), dw * Vector256.Create(x.Scale(t0 + 3, b)), f3);
            }
        }
        StoreTile(four, f0, f1, f2, f3, output);
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
                    for (var j = 0; j < 32; j++)
                        dot += ((sbyte*)p)[ScaledBlockScaleBytes + 32 * (j / 4) + 4 * r + j % 4] * a[j];
                    sum += dot * (((float*)p)[r] * x.Scales[t * blocks + b]);
                }
                output[u * GroupRows + r] = sum;
            }
        }
    }
}
