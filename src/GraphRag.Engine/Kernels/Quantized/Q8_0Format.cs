using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GraphRag.Engine.Kernels.Quantized;

/// <summary>
/// ggml's Q8_0: blocks of 32 values, each stored as an fp16 scale <c>d</c> then 32 int8 <c>q</c>;
/// value = d·q with d = max|x|/127 and q = round(x/d). 34 bytes per block.
/// </summary>
public static class Q8_0Format
{
    public const int BlockValues = 32;
    public const int BlockBytes = 34;

    /// <summary>Encodes <paramref name="values"/> (a multiple of 32) the way ggml's quantize_row_q8_0_ref does.</summary>
    public static void Quantize(ReadOnlySpan<float> values, Span<byte> blocks)
    {
        var blockCount = BlockQuantization.CheckedBlocks("Q8_0", values.Length, blocks.Length, BlockValues, BlockBytes);
        for (var b = 0; b < blockCount; b++)
        {
            var x = values.Slice(b * BlockValues, BlockValues);
            var block = blocks.Slice(b * BlockBytes, BlockBytes);
            var amax = 0f;
            foreach (var v in x)
                amax = MathF.Max(amax, MathF.Abs(v));
            var d = amax / 127f;
            var id = d != 0 ? 1f / d : 0f;
            BitConverter.TryWriteBytes(block, (Half)d);
            for (var j = 0; j < BlockValues; j++)
                block[2 + j] = (byte)(sbyte)MathF.Round(x[j] * id, MidpointRounding.AwayFromZero);
        }
    }

    public static void Dequantize(ReadOnlySpan<byte> blocks, Span<float> values)
    {
        var blockCount = BlockQuantization.CheckedBlocks("Q8_0", values.Length, blocks.Length, BlockValues, BlockBytes);
        for (var b = 0; b < blockCount; b++)
        {
            var block = blocks.Slice(b * BlockBytes, BlockBytes);
            var d = (float)BitConverter.ToHalf(block);
            var q = MemoryMarshal.Cast<byte, sbyte>(block[2..]);
            var y = values.Slice(b * BlockValues, BlockValues);
            for (var j = 0; j < BlockValues; j++)
                y[j] = d * q[j];
        }
    }

    /// <summary>Σ dequantized(row)·x, without materialising the dequantized row.</summary>
    public static unsafe float Dot(ReadOnlySpan<byte> row, ReadOnlySpan<float> x)
    {
        var blockCount = BlockQuantization.CheckedBlocks("Q8_0", x.Length, row.Length, BlockValues, BlockBytes);
        fixed (byte* r = row)
        fixed (float* v = x)
        {
            if (Avx2.IsSupported && Fma.IsSupported)
                return DotAvx2(r, v, blockCount);
            var sum = 0f;
            for (var b = 0; b < blockCount; b++)
            {
                var block = r + b * BlockBytes;
                var d = (float)Unsafe.ReadUnaligned<Half>(block);
                var q = (sbyte*)(block + 2);
                var xb = v + b * BlockValues;
                var blockSum = 0f;
                for (var j = 0; j < BlockValues; j++)
                    blockSum += q[j] * xb[j];
                sum += d * blockSum;
            }
            return sum;
        }
    }

    private static unsafe float DotAvx2(byte* row, float* x, int blockCount)
    {
        var acc = Vector256<float>.Zero;
        for (var b = 0; b < blockCount; b++)
        {
            var block = row + b * BlockBytes;
            var q = (sbyte*)(block + 2);
            var xb = x + b * BlockValues;
            var s = Avx.Multiply(Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(q)), Avx.LoadVector256(xb));
            s = Fma.MultiplyAdd(Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(q + 8)), Avx.LoadVector256(xb + 8), s);
            s = Fma.MultiplyAdd(Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(q + 16)), Avx.LoadVector256(xb + 16), s);
            s = Fma.MultiplyAdd(Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(q + 24)), Avx.LoadVector256(xb + 24), s);
            var d = Vector256.Create((float)Unsafe.ReadUnaligned<Half>(block));
            acc = Fma.MultiplyAdd(s, d, acc);
        }
        return Vector256.Sum(acc);
    }
}
