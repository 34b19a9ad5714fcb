using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GraphRag.Engine.Kernels.Quantized;

/// <summary>
/// Q8_0 weights packed for integer products. A group block (8 rows × 32 values, 272 bytes, as many as ggml's 8
/// blocks): 8 fp16 scales, then 8 steps of 32 bytes, step t byte 4r + i = row r's value 4t + i.
/// </summary>
public sealed unsafe class PackedQ8_0 : PackedMatrix
{
    private const int BlockBytes = 16 + 256;

    internal PackedQ8_0(byte* ggml, int rows, int columns) : base(rows, columns, Q8_0Format.BlockValues, BlockBytes)
    {
        var rowBytes = (long)BlocksPerRow * Q8_0Format.BlockBytes;
        var sources = stackalloc byte*[GroupRows];
        for (var g = 0; g < Groups; g++)
        {
            for (var r = 0; r < GroupRows; r++)
                sources[r] = g * GroupRows + r < rows ? ggml + (g * GroupRows + r) * rowBytes : null;
            for (var b = 0; b < BlocksPerRow; b++)
            {
                var target = GroupBlock(g, b);
                for (var r = 0; r < GroupRows; r++)
                    *(ushort*)(target + 2 * r) = sources[r] is null ? (ushort)0 : *(ushort*)(sources[r] + b * Q8_0Format.BlockBytes);
                for (var t = 0; t < 8; t++)
                    Interleave4(sources, b * Q8_0Format.BlockBytes + 2 + 4 * t, target + 16 + 32 * t);
            }
        }
    }

    public override QuantizedFormat Format => QuantizedFormat.Q8_0;

    public override ActivationBlocks ActivationBlocks => ActivationBlocks.Q8_0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void MultiplyGroupAvx2(int group, in Activations x, int t0, int count, float* output)
    {
        var acc = stackalloc Vector256<float>[ActivationTile];
        for (var u = 0; u < count; u++) acc[u] = Vector256<float>.Zero;
        var blocks = BlocksPerRow;
        var signed = stackalloc Vector256<sbyte>[8];
        var magnitude = stackalloc Vector256<byte>[8];
        for (var b = 0; b < blocks; b++)
        {
            var p = GroupBlock(group, b);
            var dw = HalvesToSingles((ushort*)p);
            for (var s = 0; s < 8; s++)
            {
                signed[s] = Vector256.Load((sbyte*)p + 16 + 32 * s);
                magnitude[s] = Avx2.Abs(signed[s]);
            }
            for (var u = 0; u < count; u++)
            {
                var t = t0 + u;
                var a = x.Row(t) + 32 * b;
                // maddubs needs one unsigned operand: |w| times a with w's sign (pairs ≤ 2·127·127, no overflow).
                var dot = Vector256<int>.Zero;
                for (var s = 0; s < 8; s++)
                {
                    var products = Avx2.MultiplyAddAdjacent(magnitude[s], Avx2.Sign(Broadcast4(a + 4 * s), signed[s]));
                    dot = Avx2.Add(dot, Avx2.MultiplyAddAdjacent(products, OnesInt16));
                }
                var block = t * blocks + b;
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
                    for (var j = 0; j < 32; j++)
                        dot += ((sbyte*)p)[16 + 32 * (j / 4) + 4 * r + j % 4] * a[j];
                    sum += dot * ((float)BitConverter.UInt16BitsToHalf(((ushort*)p)[r]) * x.Scales[t * blocks + b]);
                }
                output[u * GroupRows + r] = sum;
            }
        }
    }
}
