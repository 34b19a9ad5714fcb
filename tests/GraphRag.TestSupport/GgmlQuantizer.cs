using System.Runtime.InteropServices;
using GraphRag.Engine.Kernels.Quantized;
using GraphRag.Generation.Gguf;

namespace GraphRag.TestSupport;

/// <summary>
/// Encodes float rows in a ggml format, for writing test and benchmark models. Q8_0 and Q4_0 use ggml's reference
/// quantizers (in the engine); Q4_K and Q6_K use a plain min/max fit, not ggml's iterative search: any valid
/// encoding serves, since every reader decodes the same bytes the same way.
/// </summary>
public static class GgmlQuantizer
{
    public static byte[] Encode(ReadOnlySpan<float> values, GgmlType type)
    {
        var bytes = new byte[GgmlTypeInfo.RowBytes(type, values.Length)];
        switch (type)
        {
            case GgmlType.F32: MemoryMarshal.AsBytes(values).CopyTo(bytes); break;
            case GgmlType.F16:
                var halves = MemoryMarshal.Cast<byte, Half>(bytes.AsSpan());
                for (var i = 0; i < values.Length; i++) halves[i] = (Half)values[i];
                break;
            case GgmlType.Q8_0: Q8_0Format.Quantize(values, bytes); break;
            case GgmlType.Q4_0: Q4_0Format.Quantize(values, bytes); break;
            case GgmlType.Q4_K:
                for (var b = 0; b < values.Length / 256; b++) EncodeQ4K(values.Slice(256 * b, 256), bytes.AsSpan(144 * b, 144));
                break;
            case GgmlType.Q6_K:
                for (var b = 0; b < values.Length / 256; b++) EncodeQ6K(values.Slice(256 * b, 256), bytes.AsSpan(210 * b, 210));
                break;
            default: throw new NotSupportedException($"Cannot encode {type}.");
        }
        return bytes;
    }

    /// <summary>One Q4_K super-block: per 32-value sub-block a scale and a min (6 bits each, times fp16 d and dmin).</summary>
    private static void EncodeQ4K(ReadOnlySpan<float> x, Span<byte> block)
    {
        Span<float> scales = stackalloc float[8], mins = stackalloc float[8];
        for (var j = 0; j < 8; j++)
        {
            var sub = x.Slice(32 * j, 32);
            float lo = MathF.Min(0, Min(sub)), hi = Max(sub);
            scales[j] = (hi - lo) / 15f;
            mins[j] = -lo;
        }
        var d = (float)(Half)(Max(scales) / 63f);
        var dmin = (float)(Half)(Max(mins) / 63f);
        int[] sc = new int[8], m = new int[8], q = new int[256];
        for (var j = 0; j < 8; j++)
        {
            sc[j] = d > 0 ? Math.Clamp((int)MathF.Round(scales[j] / d), 0, 63) : 0;
            m[j] = dmin > 0 ? Math.Clamp((int)MathF.Round(mins[j] / dmin), 0, 63) : 0;
            var step = d * sc[j];
            for (var i = 0; i < 32; i++)
                q[32 * j + i] = step > 0 ? Math.Clamp((int)MathF.Round((x[32 * j + i] + dmin * m[j]) / step), 0, 15) : 0;
        }
        PackQ4K(d, dmin, sc, m, q, block);
    }

    /// <summary>Packs like ggml's quantize_row_q4_K_ref: 6-bit scales/mins of sub-blocks 4–7 split over three bytes.</summary>
    public static void PackQ4K(float d, float dmin, int[] scales, int[] mins, int[] q, Span<byte> block)
    {
        block.Clear();
        BitConverter.TryWriteBytes(block, (Half)d);
        BitConverter.TryWriteBytes(block[2..], (Half)dmin);
        var s = block.Slice(4, 12);
        for (var j = 0; j < 8; j++)
        {
            if (j < 4)
            {
                s[j] = (byte)scales[j];
                s[j + 4] = (byte)mins[j];
            }
            else
            {
                s[j + 4] = (byte)((scales[j] & 0xF) | ((mins[j] & 0xF) << 4));
                s[j - 4] |= (byte)((scales[j] >> 4) << 6);
                s[j] |= (byte)((mins[j] >> 4) << 6);
            }
        }
        for (var chunk = 0; chunk < 4; chunk++)
            for (var l = 0; l < 32; l++)
                block[16 + 32 * chunk + l] = (byte)(q[64 * chunk + l] | (q[64 * chunk + 32 + l] << 4));
    }

    /// <summary>One Q6_K super-block: per 16-value sub-block an int8 scale (times fp16 d), values q − 32 in −32..31.</summary>
    private static void EncodeQ6K(ReadOnlySpan<float> x, Span<byte> block)
    {
        Span<float> scales = stackalloc float[16];
        for (var j = 0; j < 16; j++) scales[j] = MaxAbs(x.Slice(16 * j, 16)) / 31f;
        var d = (float)(Half)(Max(scales) / 127f);
        var sc = new sbyte[16];
        var q = new int[256];
        for (var j = 0; j < 16; j++)
        {
            sc[j] = d > 0 ? (sbyte)Math.Clamp((int)MathF.Round(scales[j] / d), -128, 127) : (sbyte)0;
            var step = d * sc[j];
            for (var i = 0; i < 16; i++)
                q[16 * j + i] = step != 0 ? Math.Clamp((int)MathF.Round(x[16 * j + i] / step) + 32, 0, 63) : 32;
        }
        PackQ6K(d, sc, q, block);
    }

    /// <summary>Packs like ggml's quantize_row_q6_K_ref: low nibbles in ql, high two bits in qh.</summary>
    public static void PackQ6K(float d, sbyte[] scales, int[] q, Span<byte> block)
    {
        block.Clear();
        for (var half = 0; half < 2; half++)
        {
            for (var l = 0; l < 32; l++)
            {
                int q1 = q[128 * half + l], q2 = q[128 * half + l + 32], q3 = q[128 * half + l + 64], q4 = q[128 * half + l + 96];
                block[64 * half + l] = (byte)((q1 & 0xF) | ((q3 & 0xF) << 4));
                block[64 * half + l + 32] = (byte)((q2 & 0xF) | ((q4 & 0xF) << 4));
                block[128 + 32 * half + l] = (byte)((q1 >> 4) | ((q2 >> 4) << 2) | ((q3 >> 4) << 4) | ((q4 >> 4) << 6));
            }
        }
        for (var i = 0; i < 16; i++)
            block[192 + i] = (byte)scales[i];
        BitConverter.TryWriteBytes(block[208..], (Half)d);
    }

    private static float Min(ReadOnlySpan<float> x) { var v = float.MaxValue; foreach (var e in x) v = MathF.Min(v, e); return v; }

    private static float Max(ReadOnlySpan<float> x) { var v = float.MinValue; foreach (var e in x) v = MathF.Max(v, e); return v; }

    private static float MaxAbs(ReadOnlySpan<float> x) { var v = 0f; foreach (var e in x) v = MathF.Max(v, MathF.Abs(e)); return v; }
}
