using GraphRag.Engine.Kernels;
using GraphRag.Engine.Tests.Reference;

namespace GraphRag.Engine.Tests.Kernels;

public class NormalizationTests
{
    public static TheoryData<int, int> Shapes => new() { { 1, 1 }, { 2, 3 }, { 3, 7 }, { 5, 17 }, { 4, 33 }, { 2, 65 }, { 3, 127 }, { 2, 768 } };

    [Theory, MemberData(nameof(Shapes))]
    public void LayerNorm_matches_the_reference_in_place_and_out_of_place(int rows, int dim)
    {
        var x = RandomData.Floats(rows * dim, dim, scale: 3f);
        for (var i = 0; i < x.Length; i++) x[i] += 5f; // an offset mean, as real activations have
        var gamma = RandomData.Floats(dim, dim + 1);
        var beta = RandomData.Floats(dim, dim + 2);
        var expected = NaiveKernels.LayerNorm(x, gamma, beta, 1e-5, rows, dim);

        var copy = new float[x.Length];
        Normalization.LayerNorm(x, copy, gamma, beta, 1e-5f, rows, dim);
        Assert.True(RandomData.MaxAbsDiff(copy, expected) < 5e-6);

        Normalization.LayerNorm(x, gamma, beta, 1e-5f, rows, dim);
        Assert.Equal(copy, x);
    }

    [Theory, MemberData(nameof(Shapes))]
    public void RmsNorm_matches_the_reference(int rows, int dim)
    {
        var x = RandomData.Floats(rows * dim, dim + 3, scale: 3f);
        var weight = RandomData.Floats(dim, dim + 4);
        var expected = NaiveKernels.RmsNorm(x, weight, 1e-6, rows, dim);
        Normalization.RmsNorm(x, weight, 1e-6f, rows, dim);
        Assert.True(RandomData.MaxAbsDiff(x, expected) < 5e-6);
    }

    [Fact]
    public void A_weight_of_the_wrong_length_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Normalization.RmsNorm(new float[8], new float[3], 1e-6f, 2, 4));
        Assert.Contains("weight has 3 elements", error.Message);
    }
}
