using System.Runtime.InteropServices;
using GraphRag.Engine.Kernels.Quantized;
using GraphRag.TestSupport;

namespace GraphRag.Engine.Tests.Kernels.Quantized;

/// <summary>
/// Block formats of ggml (ggml-quants.c / ggml-common.h). Expected values are built here from the format's
/// definition — blocks are packed by the test from known (scale, min, q) values and the expected floats are
/// computed from those unpacked numbers, independently of the kernels' bit-unpacking.
/// </summary>
public sealed class QuantizedFormatTests
{
    private static readonly Random Rng = new(20261122);

    [Fact]
    public void Q8_0_round_trip_error_is_at_most_half_a_step_per_block()
    {
        var x = RandomFloats(256, 3f);
        var blocks = new byte[8 * Q8_0Format.BlockBytes];
        Q8_0Format.Quantize(x, blocks);
        var y = new float[256];
        Q8_0Format.Dequantize(blocks, y);
        for (var b = 0; b < 8; b++)
        {
            var slice = x.AsSpan(b * 32, 32);
            var step = MaxAbs(slice) / 127f;
            // Rounding q costs half a step; storing d as fp16 (relative error ≤ 2⁻¹¹) costs up to 127·d·2⁻¹¹ more.
            var bound = step * (0.5f + 127f / 2048f) + 1e-6f;
            for (var j = 0; j < 32; j++)
                Assert.True(MathF.Abs(y[b * 32 + j] - slice[j]) <= bound, $"block {b} value {j}");
        }
    }

    [Fact]
    public void Q4_0_decodes_a_hand_packed_block()
    {
        // d = 0.5; value j (j < 16) has nibble j, value j + 16 has nibble 15 − j: v = d·(q − 8).
        var block = new byte[18];
        BitConverter.TryWriteBytes(block, (Half)0.5f);
        for (var j = 0; j < 16; j++)
            block[2 + j] = (byte)(j | ((15 - j) << 4));
        var y = new float[32];
        Q4_0Format.Dequantize(block, y);
        for (var j = 0; j < 16; j++)
        {
            Assert.Equal(0.5f * (j - 8), y[j]);
            Assert.Equal(0.5f * (15 - j - 8), y[j + 16]);
        }
    }

    [Fact]
    public void Q4_0_quantize_keeps_the_largest_magnitude_exact()
    {
        // ggml picks d = max/−8 from the signed value of largest magnitude, so that value maps to q = 0 exactly.
        var x = RandomFloats(32, 1f);
        x[5] = -4f;
        var block = new byte[18];
        Q4_0Format.Quantize(x, block);
        var y = new float[32];
        Q4_0Format.Dequantize(block, y);
        Assert.Equal(-4f, y[5]);
        Assert.All(Enumerable.Range(0, 32), j => Assert.True(MathF.Abs(y[j] - x[j]) <= 0.5f * 0.5f + 1e-3f));
    }

    [Fact]
    public void Q4_K_decodes_scales_mins_and_nibbles_of_a_packed_block()
    {
        int[] scales = [1, 2, 3, 4, 17, 33, 50, 63];
        int[] mins = [0, 1, 2, 3, 20, 40, 60, 5];
        var q = Enumerable.Range(0, 256).Select(_ => Rng.Next(16)).ToArray();
        const float d = 0.25f, dmin = 0.125f;
        var block = PackQ4K(d, dmin, scales, mins, q);
        var y = new float[256];
        Q4_KFormat.Dequantize(block, y);
        for (var i = 0; i < 256; i++)
            Assert.Equal(d * scales[i / 32] * q[i] - dmin * mins[i / 32], y[i], 1e-6f);
    }

    [Fact]
    public void Q6_K_decodes_signed_scales_and_six_bit_values_of_a_packed_block()
    {
        var scales = Enumerable.Range(0, 16).Select(_ => (sbyte)Rng.Next(-128, 128)).ToArray();
        var q = Enumerable.Range(0, 256).Select(_ => Rng.Next(64)).ToArray();
        const float d = 0.01f;
        var block = PackQ6K(d, scales, q);
        var y = new float[256];
        Q6_KFormat.Dequantize(block, y);
        var dHalf = (float)(Half)d;
        for (var i = 0; i < 256; i++)
            Assert.Equal(dHalf * scales[i / 16] * (q[i] - 32), y[i], 1e-5f);
    }

    public static TheoryData<string> Formats() => ["Q8_0", "Q4_0", "Q4_K", "Q6_K", "F16"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Dot_equals_the_dot_of_the_dequantized_row(string format)
    {
        const int n = 512;
        var row = RandomRow(format, n);
        var x = RandomFloats(n, 1f);
        var dequantized = new float[n];
        Dequantize(format, row, dequantized);
        double expected = 0;
        for (var i = 0; i < n; i++)
            expected += (double)dequantized[i] * x[i];
        var actual = Dot(format, row, x);
        Assert.True(Math.Abs(actual - expected) <= 1e-4 * Math.Max(1, Math.Abs(expected)), $"{format}: {actual} vs {expected}");
    }

    [Fact]
    public void Wrong_sizes_are_rejected_with_the_format_name()
    {
        var error = Assert.Throws<ArgumentException>(() => Q8_0Format.Dot(new byte[34], new float[33]));
        Assert.Contains("Q8_0", error.Message);
    }

    private static byte[] RandomRow(string format, int n)
    {
        var values = RandomFloats(n, 2f);
        switch (format)
        {
            case "Q8_0":
                var q8 = new byte[n / 32 * 34];
                Q8_0Format.Quantize(values, q8);
                return q8;
            case "Q4_0":
                var q4 = new byte[n / 32 * 18];
                Q4_0Format.Quantize(values, q4);
                return q4;
            case "F16":
                return MemoryMarshal.AsBytes(values.Select(v => (Half)v).ToArray().AsSpan()).ToArray();
            case "Q4_K":
                return Enumerable.Range(0, n / 256).SelectMany(_ => PackQ4K(0.05f, 0.02f,
                    Enumerable.Range(0, 8).Select(_ => Rng.Next(64)).ToArray(), Enumerable.Range(0, 8).Select(_ => Rng.Next(64)).ToArray(),
                    Enumerable.Range(0, 256).Select(_ => Rng.Next(16)).ToArray())).ToArray();
            default:
                return Enumerable.Range(0, n / 256).SelectMany(_ => PackQ6K(0.003f,
                    Enumerable.Range(0, 16).Select(_ => (sbyte)Rng.Next(-128, 128)).ToArray(),
                    Enumerable.Range(0, 256).Select(_ => Rng.Next(64)).ToArray())).ToArray();
        }
    }

    private static float Dot(string format, byte[] row, float[] x) => format switch
    {
        "Q8_0" => Q8_0Format.Dot(row, x),
        "Q4_0" => Q4_0Format.Dot(row, x),
        "Q4_K" => Q4_KFormat.Dot(row, x),
        "Q6_K" => Q6_KFormat.Dot(row, x),
        _ => F16Format.Dot(row, x),
    };

    private static void Dequantize(string format, byte[] row, float[] y)
    {
        switch (format)
        {
            case "Q8_0": Q8_0Format.Dequantize(row, y); break;
            case "Q4_0": Q4_0Format.Dequantize(row, y); break;
            case "Q4_K": Q4_KFormat.Dequantize(row, y); break;
            case "Q6_K": Q6_KFormat.Dequantize(row, y); break;
            default: F16Format.Dequantize(row, y); break;
        }
    }

    private static byte[] PackQ4K(float d, float dmin, int[] scales, int[] mins, int[] q)
    {
        // The halves are rounded to fp16 in the block; the test's expectations use exactly representable d, dmin.
        var block = new byte[144];
        GgmlQuantizer.PackQ4K(d, dmin, scales, mins, q, block);
        return block;
    }

    private static byte[] PackQ6K(float d, sbyte[] scales, int[] q)
    {
        var block = new byte[210];
        GgmlQuantizer.PackQ6K(d, scales, q, block);
        return block;
    }

    private static float[] RandomFloats(int n, float scale) =>
        Enumerable.Range(0, n).Select(_ => (float)(Rng.NextDouble() * 2 - 1) * scale).ToArray();

    private static float MaxAbs(ReadOnlySpan<float> x)
    {
        var max = 0f;
        foreach (var v in x)
            max = MathF.Max(max, MathF.Abs(v));
        return max;
    }
}
