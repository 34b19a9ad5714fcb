using GraphRag.Engine.Kernels;

namespace GraphRag.Engine.Tests.Kernels;

public sealed class RopeTests
{
    [Fact]
    public void Position_zero_leaves_the_vector_unchanged()
    {
        var x = Enumerable.Range(0, 32).Select(i => i * 0.1f).ToArray();
        var copy = x.ToArray();
        Rope.Apply(x, tokens: 1, heads: 2, headDim: 16, startPosition: 0, theta: 10000f, RopeStyle.HalfSplit);
        Assert.Equal(copy, x);
    }

    [Fact]
    public void First_pair_rotates_by_the_position_in_radians()
    {
        // Pair 0 has frequency θ^0 = 1, so (1, 0) at position p becomes (cos p, sin p); pair i has θ^(−2i/d).
        var x = new float[8];
        x[0] = 1f;
        x[2] = 1f;
        Rope.Apply(x, 1, 1, 8, startPosition: 3, theta: 100f, RopeStyle.AdjacentPairs);
        Assert.Equal(MathF.Cos(3), x[0], 1e-6f);
        Assert.Equal(MathF.Sin(3), x[1], 1e-6f);
        var angle = 3 * Math.Pow(100, -2.0 / 8);
        Assert.Equal((float)Math.Cos(angle), x[2], 1e-6f);
        Assert.Equal((float)Math.Sin(angle), x[3], 1e-6f);
    }

    [Fact]
    public void Adjacent_pairs_on_permuted_rows_equal_half_split_on_hugging_face_rows()
    {
        // llama.cpp's converter permutes q/k rows (GGUF row 2i = HF row i, 2i+1 = HF row i + d/2) so that its
        // adjacent-pair RoPE computes what HF's rotate_half computes (Fixtures README of the generator).
        const int heads = 3, d = 16, tokens = 5;
        var rng = new Random(7);
        var hf = Enumerable.Range(0, tokens * heads * d).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        var gguf = Permute(hf, tokens * heads, d);
        Rope.Apply(hf, tokens, heads, d, startPosition: 11, theta: 10000f, RopeStyle.HalfSplit);
        Rope.Apply(gguf, tokens, heads, d, startPosition: 11, theta: 10000f, RopeStyle.AdjacentPairs);
        var expected = Permute(hf, tokens * heads, d);
        for (var i = 0; i < gguf.Length; i++)
            Assert.Equal(expected[i], gguf[i], 1e-6f);
    }

    [Fact]
    public void Partial_rotary_dimensions_leave_the_rest_alone()
    {
        var x = Enumerable.Range(0, 16).Select(i => 1f + i).ToArray();
        Rope.Apply(x, 1, 1, 16, startPosition: 5, theta: 10000f, RopeStyle.HalfSplit, rotaryDims: 8);
        Assert.Equal(Enumerable.Range(8, 8).Select(i => 1f + i), x[8..]);
        Assert.NotEqual(1f, x[0]);
    }

    private static float[] Permute(float[] x, int vectors, int d)
    {
        var result = new float[x.Length];
        for (var v = 0; v < vectors; v++)
            for (var i = 0; i < d / 2; i++)
            {
                result[v * d + 2 * i] = x[v * d + i];
                result[v * d + 2 * i + 1] = x[v * d + i + d / 2];
            }
        return result;
    }

    [Fact]
    public void Frequency_factors_divide_each_pairs_angle()
    {
        // Llama 3.1 rope_freqs: pair i turns by p·θ^(−2i/d) / factor[i]; factor 1 changes nothing.
        var x = new float[8];
        x[0] = 1f;
        x[2] = 1f;
        Rope.Apply(x, 1, 1, 8, startPosition: 3, theta: 100f, RopeStyle.AdjacentPairs, frequencyFactors: [1f, 4f, 1f, 1f]);
        Assert.Equal(MathF.Cos(3), x[0], 1e-6f);
        var angle = 3 * Math.Pow(100, -2.0 / 8) / 4;
        Assert.Equal((float)Math.Cos(angle), x[2], 1e-6f);
        Assert.Equal((float)Math.Sin(angle), x[3], 1e-6f);
        Assert.Throws<ArgumentException>(() => Rope.Apply(new float[8], 1, 1, 8, 0, 100f, RopeStyle.AdjacentPairs, frequencyFactors: [1f]));
    }
}
