using GraphRag.Engine.Kernels;
using GraphRag.Engine.Kernels.Simd;
using GraphRag.Engine.Tests.Reference;

namespace GraphRag.Engine.Tests.Kernels;

public class MatMulTests
{
    // Odd sizes straddle the 16-lane vectors, the 4×4 and 4×32 micro-kernels and the 32×64 tiles.
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 }, { 1, 7, 3 }, { 3, 17, 5 }, { 7, 33, 65 }, { 4, 16, 32 }, { 5, 127, 33 },
        { 17, 65, 127 }, { 33, 3, 1 }, { 65, 129, 70 }, { 1, 512, 1000 }, { 128, 256, 96 }, { 37, 0, 9 },
    };

    [Theory, MemberData(nameof(Shapes))]
    public void Multiply_matches_the_double_precision_reference(int m, int k, int n)
    {
        var a = RandomData.Floats(m * k, seed: m * 1000 + k);
        var b = RandomData.Floats(k * n, seed: n * 1000 + k + 7);
        var expected = NaiveKernels.Multiply(a, b, m, k, n);

        foreach (var threads in new[] { 1, 2 })
        {
            var c = new float[m * n];
            c.AsSpan().Fill(float.NaN); // C must be overwritten, not accumulated into
            MatMul.Multiply(a, b, c, m, k, n, threads);
            Assert.True(RandomData.MaxAbsDiff(c, expected) <= Tolerance(k), $"threads={threads}");
        }
    }

    [Theory, MemberData(nameof(Shapes))]
    public void MultiplyTransposed_matches_the_double_precision_reference(int m, int k, int n)
    {
        var a = RandomData.Floats(m * k, seed: m * 1000 + k + 1);
        var b = RandomData.Floats(k * n, seed: n * 1000 + k + 2);
        var bT = NaiveKernels.Transpose(b, k, n);
        var expected = NaiveKernels.Multiply(a, b, m, k, n);

        foreach (var threads in new[] { 1, 2 })
        {
            var c = new float[m * n];
            c.AsSpan().Fill(float.NaN);
            MatMul.MultiplyTransposed(a, bT, c, m, k, n, threads);
            Assert.True(RandomData.MaxAbsDiff(c, expected) <= Tolerance(k), $"threads={threads}");
        }
    }

    /// <summary>Every shape on every vector path: a path wider than this CPU accelerates still runs (slowly) through .NET's software fallback.</summary>
    public static TheoryData<int, int, int, SimdWidth> ShapesOnEveryWidth()
    {
        var data = new TheoryData<int, int, int, SimdWidth>();
        foreach (var width in Enum.GetValues<SimdWidth>())
            foreach (var (m, k, n) in new[] { (1, 7, 3), (3, 17, 5), (7, 33, 65), (5, 127, 33), (17, 65, 127), (65, 129, 70), (1, 512, 37) })
                data.Add(m, k, n, width);
        return data;
    }

    [Theory, MemberData(nameof(ShapesOnEveryWidth))]
    public void Each_vector_width_matches_the_double_precision_reference(int m, int k, int n, SimdWidth width)
    {
        var a = RandomData.Floats(m * k, seed: m * 1000 + k + 3);
        var b = RandomData.Floats(k * n, seed: n * 1000 + k + 4);
        var bT = NaiveKernels.Transpose(b, k, n);
        var expected = NaiveKernels.Multiply(a, b, m, k, n);
        foreach (var threads in new[] { 1, 2 })
        {
            var options = new ComputeOptions { Threads = threads, Width = width };
            var c = new float[m * n];
            c.AsSpan().Fill(float.NaN);
            MatMul.MultiplyTransposed(a, bT, c, m, k, n, options);
            Assert.True(RandomData.MaxAbsDiff(c, expected) <= Tolerance(k), $"A·Bᵀ {width}, threads={threads}");
            c.AsSpan().Fill(float.NaN);
            MatMul.Multiply(a, b, c, m, k, n, options);
            Assert.True(RandomData.MaxAbsDiff(c, expected) <= Tolerance(k), $"A·B {width}, threads={threads}");
        }
    }

    [Fact]
    public void One_and_two_threads_give_identical_results()
    {
        const int m = 96, k = 300, n = 200; // large enough to run in parallel
        var a = RandomData.Floats(m * k, 11);
        var b = RandomData.Floats(k * n, 12);
        float[] one = new float[m * n], two = new float[m * n];
        MatMul.Multiply(a, b, one, m, k, n, 1);
        MatMul.Multiply(a, b, two, m, k, n, 2);
        Assert.Equal(one, two); // tiles are disjoint, so the order of work cannot change a value
    }

    [Fact]
    public void Too_short_operands_are_rejected_with_the_expected_size()
    {
        var error = Assert.Throws<ArgumentException>(() => MatMul.Multiply(new float[5], new float[6], new float[4], 2, 3, 2));
        Assert.Contains("needs 6", error.Message);
        Assert.Throws<ArgumentException>(() => MatMul.MultiplyTransposed(new float[6], new float[5], new float[4], 2, 3, 2));
    }

    /// <summary>float32 rounding of a k-term sum of products of values in [−1, 1].</summary>
    private static double Tolerance(int k) => 1e-6 * (k + 1);
}
