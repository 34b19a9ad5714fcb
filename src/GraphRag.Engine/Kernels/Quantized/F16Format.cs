using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace GraphRag.Engine.Kernels.Quantized;

/// <summary>IEEE half-precision rows: converted to float in L1-sized chunks and dotted with SIMD.</summary>
public static class F16Format
{
    private const int Chunk = 256;

    public static void Dequantize(ReadOnlySpan<byte> row, Span<float> values) =>
        TensorPrimitives.ConvertToSingle(MemoryMarshal.Cast<byte, Half>(row)[..values.Length], values);

    public static float Dot(ReadOnlySpan<byte> row, ReadOnlySpan<float> x)
    {
        var halves = MemoryMarshal.Cast<byte, Half>(row);
        if (halves.Length < x.Length)
            throw new ArgumentException($"F16: {x.Length} values need {x.Length * 2} bytes, got {row.Length}.");
        Span<float> buffer = stackalloc float[Chunk];
        var sum = 0f;
        for (var start = 0; start < x.Length; start += Chunk)
        {
            var n = Math.Min(Chunk, x.Length - start);
            TensorPrimitives.ConvertToSingle(halves.Slice(start, n), buffer[..n]);
            sum += TensorPrimitives.Dot(buffer[..n], x.Slice(start, n));
        }
        return sum;
    }
}
