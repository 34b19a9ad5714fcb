using GraphRag.TestSupport;
using GraphRag.Engine.Kernels;
using GraphRag.Engine.Tests.Reference;

namespace GraphRag.Engine.Tests.Kernels;

public class AttentionTests
{
    // (queries, keys, heads, kvHeads, headDim): odd lengths cross the 64-key tiles and 16-query blocks.
    public static TheoryData<int, int, int, int, int> Shapes => new()
    {
        { 1, 1, 1, 1, 1 }, { 1, 37, 4, 4, 16 }, { 3, 7, 2, 1, 3 }, { 17, 17, 4, 2, 7 }, { 33, 65, 6, 3, 17 },
        { 65, 65, 2, 2, 33 }, { 5, 127, 8, 2, 64 }, { 127, 130, 3, 1, 8 },
    };

    [Theory, MemberData(nameof(Shapes))]
    public void Matches_the_full_matrix_reference_with_and_without_masks(int queries, int keys, int heads, int kvHeads, int headDim)
    {
        var q = RandomData.Floats(queries * heads * headDim, queries + 1, 2f);
        var k = RandomData.Floats(keys * kvHeads * headDim, keys + 2, 2f);
        var v = RandomData.Floats(keys * kvHeads * headDim, keys + 3);
        var plain = new AttentionShape(queries, keys, heads, headDim) { KvHeads = kvHeads };
        AttentionShape[] variants =
        [
            plain,
            plain with { Causal = true },
            plain with { KeyValidLength = Math.Max(1, keys - 5) },
            plain with { Causal = true, KeyValidLength = keys / 2 + 1, Scale = 0.3f },
        ];
        foreach (var shape in variants)
        {
            var expected = NaiveKernels.Attention(q, k, v, shape);
            foreach (var threads in new[] { 1, 2 })
            {
                var output = new float[expected.Length];
                output.AsSpan().Fill(float.NaN);
                Attention.Compute(q, k, v, output, shape, threads);
                Assert.True(RandomData.MaxAbsDiff(output, expected) < 2e-6, $"{shape}, threads {threads}");
            }
        }
    }

    [Fact]
    public void A_query_that_sees_no_key_gets_a_zero_row()
    {
        var shape = new AttentionShape(2, 4, 1, 3) { KeyValidLength = 0 };
        var output = new float[6];
        output.AsSpan().Fill(float.NaN);
        Attention.Compute(new float[6], new float[12], new float[12], output, shape);
        Assert.All(output, x => Assert.Equal(0f, x));
    }

    [Fact]
    public void Heads_that_are_not_a_multiple_of_kv_heads_are_rejected()
    {
        var shape = new AttentionShape(1, 1, 3, 2) { KvHeads = 2 };
        var error = Assert.Throws<ArgumentException>(() => Attention.Compute(new float[6], new float[4], new float[4], new float[6], shape));
        Assert.Contains("multiple of KvHeads", error.Message);
    }

    // Fixtures copied from ../shared/reference/generator/attention (PyTorch 1.13.1 in float64 from
    // float32 inputs, checked by an independent NumPy implementation; see Fixtures/attention/README.md).
    [Theory]
    [InlineData("h4_q1_k37_d16", "out_noncausal", false, 1e-5)]
    [InlineData("h4_q1_k37_d16", "out_causal", true, 1e-5)]
    [InlineData("h4_q37_k37_d16", "out_noncausal", false, 1e-5)]
    [InlineData("h4_q37_k37_d16", "out_causal", true, 1e-5)]
    [InlineData("h8_q256_k256_d64", "out_noncausal", false, 1e-5)]
    [InlineData("h8_q256_k256_d64", "out_causal", true, 1e-5)]
    [InlineData("h4_q37_k37_d16_large", "out_noncausal", false, 5e-5)]
    [InlineData("h4_q37_k37_d16_large", "out_causal", true, 5e-5)]
    public void Matches_the_PyTorch_reference_fixtures(string name, string outputName, bool causal, double tolerance)
    {
        var q = Read(name, "q");
        var k = Read(name, "k");
        var v = Read(name, "v");
        var expected = Read(name, outputName);
        int heads = q.Shape[1], queries = q.Shape[2], keys = k.Shape[2], d = q.Shape[3];

        var output = new float[queries * heads * d];
        var shape = new AttentionShape(queries, keys, heads, d) { Causal = causal };
        Attention.Compute(ToTokenMajor(q.Data, heads, queries, d), ToTokenMajor(k.Data, heads, keys, d), ToTokenMajor(v.Data, heads, keys, d), output, shape);

        var expectedTokenMajor = ToTokenMajor(expected.Data, heads, queries, d);
        Assert.True(RandomData.MaxAbsDiff(output, expectedTokenMajor.Select(x => (double)x).ToArray()) <= tolerance);
    }

    private static NpyArray<float> Read(string name, string part)
        => NpyReader.ReadFloat32(Path.Combine(AppContext.BaseDirectory, "Fixtures", "attention", $"{name}_{part}.npy"));

    /// <summary>[1, heads, tokens, d] (the fixtures' layout) → [tokens, heads·d] (the kernel's).</summary>
    private static float[] ToTokenMajor(float[] headMajor, int heads, int tokens, int d)
    {
        var result = new float[headMajor.Length];
        for (var h = 0; h < heads; h++)
            for (var t = 0; t < tokens; t++)
                Array.Copy(headMajor, (h * tokens + t) * d, result, (t * heads + h) * d, d);
        return result;
    }
}
