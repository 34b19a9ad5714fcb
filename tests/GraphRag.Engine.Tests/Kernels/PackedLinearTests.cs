using GraphRag.Engine.Kernels;
using GraphRag.Engine.Tests.Reference;

namespace GraphRag.Engine.Tests.Kernels;

/// <summary>Expected values: the double-precision triple loop (NaiveKernels.Multiply) plus the bias, and GELU from erf's Maclaurin series.</summary>
public class PackedLinearTests
{
    // Rows straddle the 6-row micro-tile and the 48-row work items; columns straddle the 16-column panels.
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 }, { 1, 7, 3 }, { 5, 17, 16 }, { 6, 33, 17 }, { 7, 64, 31 }, { 13, 5, 48 }, { 49, 128, 70 }, { 97, 384, 384 }, { 3, 1536, 40 },
    };

    [Theory, MemberData(nameof(Shapes))]
    public void Forward_is_x_times_W_plus_bias_for_both_weight_layouts(int rows, int inputDim, int outputDim)
    {
        var x = RandomData.Floats(rows * inputDim, seed: rows + inputDim);
        var w = RandomData.Floats(inputDim * outputDim, seed: outputDim * 7 + 1);
        var bias = RandomData.Floats(outputDim, seed: 3);
        var expected = WithBias(NaiveKernels.Multiply(x, w, rows, inputDim, outputDim), bias, rows, outputDim);

        foreach (var layer in new[]
        {
            PackedLinear.FromInputMajor(w, bias, inputDim, outputDim),
            PackedLinear.FromOutputMajor(NaiveKernels.Transpose(w, inputDim, outputDim), bias, inputDim, outputDim),
        })
        {
            foreach (var threads in new[] { 1, 2 })
            {
                var y = new float[rows * outputDim];
                y.AsSpan().Fill(float.NaN); // overwritten, never accumulated into
                layer.Forward(x, y, rows, maxDegreeOfParallelism: threads);
                Assert.True(RandomData.MaxAbsDiff(y, expected) <= 1e-5 * Math.Sqrt(inputDim), $"threads={threads}: {RandomData.MaxAbsDiff(y, expected):E2}");
            }
        }
    }

    [Theory, MemberData(nameof(Shapes))]
    public void The_gelu_epilogue_applies_exact_gelu_to_every_output(int rows, int inputDim, int outputDim)
    {
        var x = RandomData.Floats(rows * inputDim, seed: rows * 3 + inputDim, scale: 2f);
        var w = RandomData.Floats(inputDim * outputDim, seed: outputDim + 11);
        var bias = RandomData.Floats(outputDim, seed: 5);
        var linear = WithBias(NaiveKernels.Multiply(x, w, rows, inputDim, outputDim), bias, rows, outputDim);
        var expected = linear.Select(ExactGelu).ToArray();

        var y = new float[rows * outputDim];
        PackedLinear.FromInputMajor(w, bias, inputDim, outputDim).Forward(x, y, rows, PackedLinear.Epilogue.Gelu, maxDegreeOfParallelism: 2);
        // The erf approximation adds ≤ 1.5e-7·|v|/2 to float rounding.
        Assert.True(RandomData.MaxAbsDiff(y, expected) <= 2e-5 * Math.Sqrt(inputDim), $"{RandomData.MaxAbsDiff(y, expected):E2}");
    }

    [Theory]
    [InlineData(16)] // full 16-column panels: the vector epilogue
    [InlineData(3)]  // a partial panel: the span epilogue
    public void Gelu_matches_the_series_over_its_whole_range(int columns)
    {
        // x · [1, …, 1] + 0 is exact, so every output column is GELU of the input itself.
        var inputs = Enumerable.Range(-4000, 8001).Select(i => i / 500f).Concat([-30f, -12f, 12f, 30f, 0f]).ToArray();
        var layer = PackedLinear.FromInputMajor(Enumerable.Repeat(1f, columns).ToArray(), new float[columns], 1, columns);
        var output = new float[inputs.Length * columns];
        layer.Forward(inputs, output, inputs.Length, PackedLinear.Epilogue.Gelu);
        for (var i = 0; i < inputs.Length; i++)
        {
            double v = inputs[i];
            var expected = ExactGelu(v);
            for (var j = 0; j < columns; j++)
                Assert.True(Math.Abs(output[i * columns + j] - expected) <= 1e-6 * Math.Max(1, Math.Abs(v)), $"gelu({v}) = {output[i * columns + j]}, expected {expected}");
        }
    }

    [Fact]
    public void The_residual_epilogue_adds_the_residual_even_in_place()
    {
        const int rows = 20, inputDim = 96, outputDim = 40;
        var x = RandomData.Floats(rows * inputDim, seed: 21);
        var w = RandomData.Floats(inputDim * outputDim, seed: 22);
        var bias = RandomData.Floats(outputDim, seed: 23);
        var residual = RandomData.Floats(rows * outputDim, seed: 24);
        var linear = WithBias(NaiveKernels.Multiply(x, w, rows, inputDim, outputDim), bias, rows, outputDim);
        var expected = linear.Select((v, i) => v + residual[i]).ToArray();

        var layer = PackedLinear.FromInputMajor(w, bias, inputDim, outputDim);
        var separate = new float[rows * outputDim];
        layer.Forward(x, separate, rows, PackedLinear.Epilogue.AddResidual, residual, 2);
        var inPlace = (float[])residual.Clone();
        layer.Forward(x, inPlace, rows, PackedLinear.Epilogue.AddResidual, inPlace, 2);

        Assert.True(RandomData.MaxAbsDiff(separate, expected) <= 1e-4);
        Assert.Equal(separate, inPlace);
    }

    [Fact]
    public void Wrong_sizes_are_rejected_with_the_expected_shape()
    {
        var ex = Assert.Throws<ArgumentException>(() => PackedLinear.FromInputMajor(new float[10], new float[2], 4, 3));
        Assert.Contains("[4, 3]", ex.Message);
        var layer = PackedLinear.FromInputMajor(new float[12], new float[3], 4, 3);
        Assert.Throws<ArgumentException>(() => layer.Forward(new float[7], new float[6], 2));
        Assert.Throws<ArgumentException>(() => layer.Forward(new float[8], new float[6], 2, PackedLinear.Epilogue.AddResidual, new float[5]));
    }

    /// <summary>x·Φ(x) with erf's series; beyond |x| = 6, Φ is within 1e-9 of 0 or 1 and the series loses precision.</summary>
    private static double ExactGelu(double v) => Math.Abs(v) > 6 ? Math.Max(v, 0) : 0.5 * v * (1 + NaiveKernels.ErfSeries(v / Math.Sqrt(2)));

    private static double[] WithBias(double[] product, float[] bias, int rows, int outputDim)
    {
        for (var r = 0; r < rows; r++)
            for (var j = 0; j < outputDim; j++) product[r * outputDim + j] += bias[j];
        return product;
    }
}
