namespace GraphRag.Engine.Kernels.Quantized;

/// <summary>
/// ggml's Q6_K super-blocks of 256 values (210 bytes): 128 bytes <c>ql</c> (low 4 bits), 64 bytes <c>qh</c>
/// (high 2 bits), 16 int8 sub-block scales, fp16 <c>d</c>; value = d·scale·(q − 32) with 16-value sub-blocks.
/// </summary>
public static class Q6_KFormat
{
    public const int BlockValues = 256;
    public const int BlockBytes = 210;

    public static void Dequantize(ReadOnlySpan<byte> blocks, Span<float> values) =>
        BlockQuantization.Dequantize("Q6_K", blocks, values, BlockValues, BlockBytes, DequantizeBlock);

    public static float Dot(ReadOnlySpan<byte> row, ReadOnlySpan<float> x) =>
        BlockQuantization.Dot("Q6_K", row, x, BlockValues, BlockBytes, DequantizeBlock);

    // Transcribes ggml's dequantize_row_q6_K: two halves of 128 values, each from 64 bytes of ql and 32 of qh.
    private static void DequantizeBlock(ReadOnlySpan<byte> block, Span<float> y)
    {
        var d = (float)BitConverter.ToHalf(block[208..]);
        for (var half = 0; half < 2; half++)
        {
            var ql = block.Slice(64 * half, 64);
            var qh = block.Slice(128 + 32 * half, 32);
            var sc = block.Slice(192 + 8 * half, 8);
            var o = y.Slice(128 * half, 128);
            for (var l = 0; l < 32; l++)
            {
                var s = l / 16;
                var q1 = ((ql[l] & 0x0F) | (((qh[l] >> 0) & 3) << 4)) - 32;
                var q2 = ((ql[l + 32] & 0x0F) | (((qh[l] >> 2) & 3) << 4)) - 32;
                var q3 = ((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32;
                var q4 = ((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32;
                o[l] = d * (sbyte)sc[s] * q1;
                o[l + 32] = d * (sbyte)sc[s + 2] * q2;
                o[l + 64] = d * (sbyte)sc[s + 4] * q3;
                o[l + 96] = d * (sbyte)sc[s + 6] * q4;
            }
        }
    }
}
