namespace GraphRag.Engine.Kernels.Quantized;

/// <summary>What every block format shares: size checks, and dequantize/dot built from a one-block decoder.</summary>
internal static class BlockQuantization
{
    public delegate void BlockDecoder(ReadOnlySpan<byte> block, Span<float> values);

    public static int CheckedBlocks(string format, int valueCount, int byteCount, int blockValues, int blockBytes)
    {
        if (valueCount % blockValues != 0)
            throw new ArgumentException($"{format} needs a multiple of {blockValues} values, got {valueCount}.");
        var blocks = valueCount / blockValues;
        if (byteCount < blocks * blockBytes)
            throw new ArgumentException($"{format}: {valueCount} values need {blocks * blockBytes} bytes, got {byteCount}.");
        return blocks;
    }

    public static void Dequantize(string format, ReadOnlySpan<byte> blocks, Span<float> values, int blockValues, int blockBytes, BlockDecoder decode)
    {
        var blockCount = CheckedBlocks(format, values.Length, blocks.Length, blockValues, blockBytes);
        for (var b = 0; b < blockCount; b++)
            decode(blocks.Slice(b * blockBytes, blockBytes), values.Slice(b * blockValues, blockValues));
    }

    /// <summary>Dot product by decoding one block at a time into a stack buffer (for formats without a fused kernel).</summary>
    public static float Dot(string format, ReadOnlySpan<byte> row, ReadOnlySpan<float> x, int blockValues, int blockBytes, BlockDecoder decode)
    {
        var blockCount = CheckedBlocks(format, x.Length, row.Length, blockValues, blockBytes);
        Span<float> buffer = stackalloc float[blockValues];
        var sum = 0f;
        for (var b = 0; b < blockCount; b++)
        {
            decode(row.Slice(b * blockBytes, blockBytes), buffer);
            sum += System.Numerics.Tensors.TensorPrimitives.Dot(buffer, x.Slice(b * blockValues, blockValues));
        }
        return sum;
    }
}
