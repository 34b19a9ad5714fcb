using System.Runtime.InteropServices;

namespace GraphRag.Cuda.Emulation;

/// <summary>
/// Round-to-nearest-even conversions to the kernels' 16-bit input types, as __float2half_rn and
/// __float2bfloat16_rn do on the device, and their bit patterns for uploading.
/// </summary>
public static class InputRounding
{
    /// <summary>The float32 value the device sees after converting <paramref name="value"/> to <paramref name="precision"/>.</summary>
    public static float Round(float value, InputPrecision precision) => precision switch
    {
        InputPrecision.Float32 => value,
        InputPrecision.Float16 => (float)(Half)value,
        InputPrecision.BFloat16 => BitConverter.UInt32BitsToSingle((uint)BFloat16Bits(value) << 16),
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "unknown precision"),
    };

    public static float[] Round(ReadOnlySpan<float> values, InputPrecision precision)
    {
        var rounded = new float[values.Length];
        for (var i = 0; i < values.Length; i++) rounded[i] = Round(values[i], precision);
        return rounded;
    }

    /// <summary>bfloat16 bits: the upper half of the float32, rounded to nearest even; NaN stays a (quiet) NaN.</summary>
    public static ushort BFloat16Bits(float value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        if (float.IsNaN(value)) return (ushort)((bits >> 16) | 0x40);
        bits += 0x7FFFu + ((bits >> 16) & 1u);
        return (ushort)(bits >> 16);
    }

    /// <summary>The bytes of <paramref name="values"/> stored as <paramref name="precision"/> elements (little-endian).</summary>
    public static byte[] Encode(ReadOnlySpan<float> values, InputPrecision precision)
    {
        switch (precision)
        {
            case InputPrecision.Float32:
                return MemoryMarshal.AsBytes(values).ToArray();
            case InputPrecision.Float16:
            {
                var halves = new Half[values.Length];
                for (var i = 0; i < values.Length; i++) halves[i] = (Half)values[i];
                return MemoryMarshal.AsBytes(halves.AsSpan()).ToArray();
            }
            case InputPrecision.BFloat16:
            {
                var bits = new ushort[values.Length];
                for (var i = 0; i < values.Length; i++) bits[i] = BFloat16Bits(values[i]);
                return MemoryMarshal.AsBytes(bits.AsSpan()).ToArray();
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(precision), precision, "unknown precision");
        }
    }

    public static int ElementBytes(InputPrecision precision) => precision == InputPrecision.Float32 ? 4 : 2;
}
