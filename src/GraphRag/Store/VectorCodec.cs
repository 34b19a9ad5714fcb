using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace GraphRag.Store;

/// <summary>Encodes vectors into BLOBs and back (little-endian, as every supported machine is).</summary>
public static class VectorCodec
{
    public static (byte[] Bytes, float Scale) Encode(ReadOnlySpan<float> vector, VectorFormat format)
    {
        switch (format)
        {
            case VectorFormat.F32:
                return (MemoryMarshal.AsBytes(vector).ToArray(), 1f);
            case VectorFormat.F16:
            {
                var halves = new Half[vector.Length];
                TensorPrimitives.ConvertToHalf(vector, halves);
                return (MemoryMarshal.AsBytes(halves.AsSpan()).ToArray(), 1f);
            }
            case VectorFormat.I8:
            {
                var max = TensorPrimitives.MaxMagnitude(vector);
                var scale = max == 0 ? 1f : Math.Abs(max) / 127f;
                var bytes = new byte[vector.Length];
                for (var i = 0; i < vector.Length; i++)
                    bytes[i] = (byte)(sbyte)Math.Clamp(MathF.Round(vector[i] / scale), -127, 127);
                return (bytes, scale);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }

    public static void Decode(ReadOnlySpan<byte> bytes, VectorFormat format, float scale, Span<float> destination)
    {
        switch (format)
        {
            case VectorFormat.F32:
                MemoryMarshal.Cast<byte, float>(bytes).CopyTo(destination);
                break;
            case VectorFormat.F16:
                TensorPrimitives.ConvertToSingle(MemoryMarshal.Cast<byte, Half>(bytes), destination);
                break;
            case VectorFormat.I8:
                var signed = MemoryMarshal.Cast<byte, sbyte>(bytes);
                for (var i = 0; i < signed.Length; i++)
                    destination[i] = signed[i] * scale;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }

    public static int Dimensions(int byteLength, VectorFormat format) => format switch
    {
        VectorFormat.F32 => byteLength / 4,
        VectorFormat.F16 => byteLength / 2,
        _ => byteLength,
    };

    public static string Name(VectorFormat format) => format.ToString().ToLowerInvariant();

    public static VectorFormat Parse(string name) =>
        TryParse(name, out var format) ? format : throw new ArgumentException($"Unknown vector storage '{name}': use float32, float16 or int8.");

    public static bool TryParse(string? name, out VectorFormat format)
    {
        (var known, format) = name?.ToLowerInvariant() switch
        {
            "f32" or "float32" => (true, VectorFormat.F32),
            "f16" or "float16" => (true, VectorFormat.F16),
            "i8" or "int8" => (true, VectorFormat.I8),
            _ => (false, default),
        };
        return known;
    }
}
