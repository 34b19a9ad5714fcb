using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GraphRag.Engine.Kernels.Quantized;

/// <summary>
/// ggml's Q4_0: blocks of 32 values, an fp16 scale <c>d</c> then 16 bytes of 4-bit <c>q</c>
/// (low nibble of byte j = value j, high nibble = value j+16); value = d·(q − 8). 18 bytes per block.
/// </summary>
public static class Q4_0Format
{
    public const int BlockValues = 32;
    public const int BlockBytes = 18;

    /// <summary>Encodes like ggml's quantize_row_q4_0_ref: d = (signed value of largest magnitude) / −8.</summary>
    public static void Quantize(ReadOnlySpan<float> values, Span<byte> blocks)
    {
        var blockCount = BlockQuantization.CheckedBlocks("Q4_0", values.Length, blocks.Length, BlockValues, BlockBytes);
        for (var b = 0; b < blockCount; b++)
        {
            var x = values.Slice(b * BlockValues, BlockValues);
            var block = blocks.Slice(b * BlockBytes, BlockBytes);
            float amax = 0, max = 0;
            foreach (var v in x)
            {
                if (MathF.Abs(v) > amax)
                {
                    amax = MathF.Abs(v);
                    max = v;
                }
            }
            var d = max / -8f;
            var id = d != 0 ? 1f / d : 0f;
            BitConverter.TryWriteBytes(block, (Half)d);
            for (var j = 0; j < BlockValues / 2; j++)
            {
                var lo = Math.Min(15, (int)(sbyte)(x[j] * id + 8.5f));
                var hi = Math.Min(15, (int)(sbyte)(x[j + 16] * id + 8.5f));
                block[2 + j] = (byte)(lo | (hi << 4));
            }
        }
    }

    public static void Dequantize(ReadOnlySpan<byte> blocks, Span<float> values)
    {
        var blockCount = BlockQuantization.CheckedBlocks("Q4_0", values.Length, blocks.Length, BlockValues, BlockBytes);
        for (var b = 0; b < blockCount; b++)
        {
            var block = blocks.Slice(b * BlockBytes, BlockBytes);
            var d = (float)BitConverter.ToHalf(block);
            var y = values.Slice(b * BlockValues, BlockValues);
            for (var j = 0; j < BlockValues / 2; j++)
            {
                y[j] = d * ((block[2 + j] & 0x0F) - 8);
                y[j + 16] = d * ((block[2 + j] >> 4) - 8);
            }
        }
    }

    /// <summary>Σ dequantized(row)·x, without materialising the dequantized row.</summary>
    public static unsafe float Dot(ReadOnlySpan<byte> row, ReadOnlySpan<float> x)
    {
        var blockCount = BlockQuantization.CheckedBlocks("Q4_0", x.Length, row.Length, BlockValues, BlockBytes);
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
                var xb = v + b * BlockValues;
                var blockSum = 0f;
                for (var j = 0; j < BlockValues / 2; j++)
                    blockSum += ((block[2 + j] & 0x0F) - 8) * xb[j] + ((block[2 + j] >> 4) - 8) * xb[j + 16];
                sum += d * blockSum;
            }
            return sum;
        }
    }

    private static unsafe float DotAvx2(byte* row, float* x, int blockCount)
    {
        var acc = Vector256<float>.Zero;
        var mask = Vector128.Create((byte)0x0F);
        var eight = Vector256.Create(8);
        for (var b = 0; b < blockCount; b++)
        {
            var block = row + b * BlockBytes;
            var packed = Vector128.LoadUnsafe(ref *(block + 2));
            var lo = packed & mask;
            var hi = Vector128.ShiftRightLogical(packed, 4);
            var xb = x + b * BlockValues;
            var s = Avx.Multiply(Nibbles(lo), Avx.LoadVector256(xb));
            s = Fma.MultiplyAdd(Nibbles(Sse2.ShiftRightLogical128BitLane(lo, 8)), Avx.LoadVector256(xb + 8), s);
            s = Fma.MultiplyAdd(Nibbles(hi), Avx.LoadVector256(xb + 16), s);
            s = Fma.MultiplyAdd(Nibbles(Sse2.ShiftRightLogical128BitLane(hi, 8)), Avx.LoadVector256(xb + 24), s);
            var d = Vector256.Create((float)Unsafe.ReadUnaligned<Half>(block));
            acc = Fma.MultiplyAdd(s, d, acc);
        }
        return Vector256.Sum(acc);

        // The low 8 bytes, zero-extended, re-centred on 0 and converted to float.
        Vector256<float> Nibbles(Vector128<byte> bytes) =>
            Avx.ConvertToVector256Single(Avx2.Subtract(Avx2.ConvertToVector256Int32(bytes), eight));
    }
}
