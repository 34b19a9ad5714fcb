using GraphRag.Engine.Kernels.Quantized;
using GraphRag.Engine.Tests.Reference;

namespace GraphRag.Engine.Tests.Kernels.Quantized;

/// <summary>
/// Activation quantization follows ggml (ggml-cpu quantize_row_q8_0 and ggml-quants.c quantize_row_q8_K_ref): the
/// expected values are computed here from those definitions, value by value.
/// </summary>
public sealed class QuantizedActivationsTests
{
    [Fact]
    public void Q8_0_blocks_use_an_fp16_scale_of_max_over_127_and_round_x_over_that_scale_half_to_even()
    {
        var x = RandomData.Floats(64, 5, 3f);
        x[7] = 127f / 254f * 3f; // lands exactly between two steps when the block max is 3: ties go to even
        x[0] = 3f;
        var q = new QuantizedActivations();
        q.Quantize(x, 1, 64, ActivationBlocks.Q8_0);
        for (var b = 0; b < 2; b++)
        {
            var block = x.AsSpan(32 * b, 32);
            var amax = 0f;
            foreach (var v in block) amax = MathF.Max(amax, MathF.Abs(v));
            Assert.Equal((float)(Half)(amax / 127f), q.Scales[b]);
            var sum = 0;
            for (var j = 0; j < 32; j++)
            {
                var expected = (int)Math.Round(block[j] * (1f / (amax / 127f)), MidpointRounding.ToEven);
                Assert.Equal(expected, q.Quants[32 * b + j]);
                sum += expected;
            }
            Assert.Equal(sum, q.BlockSums[b]);
        }
        Assert.Equal(64, q.Quants[7]); // 63.5 rounds to the even 64
    }

    [Fact]
    public void Q8_K_blocks_map_the_largest_magnitude_to_minus_127_and_keep_sums_of_16()
    {
        var x = RandomData.Floats(512, 6);
        x[300] = 4f;
        var q = new QuantizedActivations();
        q.Quantize(x, 2, 256, ActivationBlocks.Q8_K);
        Assert.Equal(-127, q.Quants[300]);
        Assert.Equal(1f / (-127f / 4f), q.Scales[1]);
        for (var j = 0; j < 32; j++)
        {
            var sum = 0;
            for (var i = 0; i < 16; i++) sum += q.Quants[16 * j + i];
            Assert.Equal(sum, q.Sums16[j]);
        }
    }

    [Fact]
    public void An_all_zero_block_quantizes_to_zeros()
    {
        var q = new QuantizedActivations();
        q.Quantize(new float[256], 1, 256, ActivationBlocks.Q8_K);
        Assert.Equal(0f, q.Scales[0]);
        Assert.All(q.Quants.ToArray(), v => Assert.Equal(0, v));
        q.Quantize(new float[32], 1, 32, ActivationBlocks.Q8_0);
        Assert.Equal(0f, q.Scales[0]);
    }
}
