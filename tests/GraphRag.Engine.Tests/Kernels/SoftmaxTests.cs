using GraphRag.Engine.Kernels;
using GraphRag.Engine.Tests.Reference;

namespace GraphRag.Engine.Tests.Kernels;

public class SoftmaxTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(65)]
    [InlineData(127)]
    [InlineData(1000)]
    public void Softmax_matches_the_reference(int length)
    {
        var row = RandomData.Floats(length, length, scale: 10f);
        var expected = NaiveKernels.Softmax(row);
        Softmax.Apply(row);
        Assert.True(RandomData.MaxAbsDiff(row, expected) < 1e-6);
    }

    [Fact]
    public void Huge_scores_do_not_overflow_and_minus_infinity_gets_zero_weight()
    {
        // exp(1000) is +∞ in float32; subtracting the maximum first keeps it finite.
        float[] row = [1000f, 999f, float.NegativeInfinity, 998f];
        var expected = NaiveKernels.Softmax(row);
        Softmax.Apply(row);
        Assert.True(RandomData.MaxAbsDiff(row, expected) < 1e-6);
        Assert.Equal(0f, row[2]);
    }
}
