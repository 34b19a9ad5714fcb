namespace GraphRag.Engine.Kernels.Quantized;

/// <summary>
/// ggml's Q4_K super-blocks of 256 values (144 bytes): fp16 <c>d</c>, fp16 <c>dmin</c>, 12 bytes of eight
/// 6-bit (scale, min) pairs, 128 bytes of 4-bit <c>q</c>. Sub-block s (32 values) decodes as
/// d·scale[s]·q − dmin·min[s]. Each 64-value chunk uses one 32-byte run of q: low nibbles for its
/// first 32 values, high nibbles for the next 32.
/// </summary>
public static class Q4_KFormat
{
    public const int BlockValues = 256;
    public const int BlockBytes = 144;

    public static void Dequantize(ReadOnlySpan<byte> blocks, Span<float> values) =>
        BlockQuantization.Dequantize("Q4_K", blocks, values, BlockValues, BlockBytes, DequantizeBlock);

    public static float Dot(ReadOnlySpan<byte> row, ReadOnlySpan<float> x) =>
        BlockQuantization.Dot("Q4_K", row, x, BlockValues, BlockBytes, DequantizeBlock);

    private static void DequantizeBlock(ReadOnlySpan<byte> block, Span<float> y)
    {
        var d = (float)BitConverter.ToHalf(block);
        var dmin = (float)BitConverter.ToHalf(block[2..]);
        var scales = block.Slice(4, 12);
        var q = block.Slice(16, 128);
        for (var chunk = 0; chunk < 4; chunk++)
        {
            var (sc1, m1) = ScaleMin(2 * chunk, scales);
            var (sc2, m2) = ScaleMin(2 * chunk + 1, scales);
            float d1 = d * sc1, min1 = dmin * m1, d2 = d * sc2, min2 = dmin * m2;
            var qs = q.Slice(32 * chunk, 32);
            var out1 = y.Slice(64 * chunk, 32);
            var out2 = y.Slice(64 * chunk + 32, 32);
            for (var l = 0; l < 32; l++)
            {
                out1[l] = d1 * (qs[l] & 0x0F) - min1;
                out2[l] = d2 * (qs[l] >> 4) - min2;
            }
        }
    }

    /// <summary>ggml's get_scale_min_k4: sub-blocks 0–3 use the low 6 bits of bytes j and j+4; 4–7 are split across bytes.</summary>
    internal static (int Scale, int Min) ScaleMin(int j, ReadOnlySpan<byte> s) => j < 4
        ? (s[j] & 63, s[j + 4] & 63)
        : ((s[j + 4] & 0x0F) | ((s[j - 4] >> 6) << 4), (s[j + 4] >> 4) | ((s[j] >> 6) << 4));
}
