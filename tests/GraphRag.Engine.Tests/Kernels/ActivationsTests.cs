using GraphRag.Engine.Kernels;
using GraphRag.Engine.Tests.Reference;

namespace GraphRag.Engine.Tests.Kernels;

public class ActivationsTests
{
    public static TheoryData<int> Lengths => new() { 1, 3, 7, 17, 33, 65, 127, 300 };

    [Theory, MemberData(nameof(Lengths))]
    public void Relu_tanh_and_silu_match_their_definitions(int length)
    {
        var x = RandomData.Floats(length, length, scale: 6f);
        Check(x, Activations.Relu, v => Math.Max(v, 0), 0);
        Check(x, Activations.Tanh, Math.Tanh, 1e-6);
        Check(x, Activations.Silu, v => v / (1 + Math.Exp(-v)), 2e-6);
    }

    [Theory, MemberData(nameof(Lengths))]
    public void Gelu_variants_match_their_definitions(int length)
    {
        var x = RandomData.Floats(length, length + 100, scale: 4f);
        Check(x, Activations.Gelu, v => 0.5 * v * (1 + NaiveKernels.ErfSeries(v / Math.Sqrt(2))), 2e-6);
        Check(x, Activations.GeluTanh, v => 0.5 * v * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v))), 2e-6);
    }

    [Fact]
    public void Gelu_matches_R_at_fixed_points()
    {
        // R 4.2.2: x <- c(-5,-3,-1.5,-0.5,-1e-3,0,0.25,1,2.5,4,7); sprintf("%.17g", x * pnorm(x))
        float[] x = [-5f, -3f, -1.5f, -0.5f, -1e-3f, 0f, 0.25f, 1f, 2.5f, 4f, 7f];
        double[] expected =
        [
            -1.4332578593959695e-06, -0.0040496940948902835, -0.1002108019032871, -0.15426876936299347,
            -0.00049960105778608897, 0, 0.14967658142073093, 0.84134474606854293, 2.4844758366855597,
            3.9998733150326675, 6.9999999999910409,
        ];
        Activations.Gelu(x);
        Assert.True(RandomData.MaxAbsDiff(x, expected) < 1e-6);
    }

    private static void Check(float[] input, SpanAction apply, Func<double, double> definition, double tolerance)
    {
        var x = (float[])input.Clone();
        apply(x);
        var expected = input.Select(v => definition(v)).ToArray();
        Assert.True(RandomData.MaxAbsDiff(x, expected) <= tolerance, $"max diff {RandomData.MaxAbsDiff(x, expected)}");
    }

    private delegate void SpanAction(Span<float> x);
}
