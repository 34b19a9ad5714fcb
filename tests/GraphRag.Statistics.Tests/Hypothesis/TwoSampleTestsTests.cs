namespace GraphRag.Statistics.Tests.Hypothesis;

public class TwoSampleTestsTests
{
    [Fact]
    public void MannWhitneyIsExactWithoutTies()
    {
        // R: wilcox.test(x, y2): W = 51, p = 0.0059052059052059052, "Wilcoxon rank sum exact test"
        var r = TwoSampleTests.MannWhitney(Data.X, Data.Y2);
        Assert.Equal("Wilcoxon rank sum exact test", r.MethodName);
        Assert.Equal(51, r.Statistic);
        Data.Close(0.0059052059052059052, r.PValue, 1e-12);
        // R: wilcox.test(x, y2, alternative="less"): p = 0.99813519813519813
        Data.Close(0.99813519813519813, TwoSampleTests.MannWhitney(Data.X, Data.Y2, alternative: Alternative.Less).PValue, 1e-12);
    }

    [Fact]
    public void MannWhitneyWithTiesUsesTheCorrectedNormalApproximation()
    {
        // R: wilcox.test(x, y): W = 51.5, p = 0.0077191737748100904 (continuity correction; ties)
        var r = TwoSampleTests.MannWhitney(Data.X, Data.Y);
        Assert.Equal("Wilcoxon rank sum test with continuity correction", r.MethodName);
        Assert.Equal(51.5, r.Statistic);
        Data.Close(0.0077191737748100904, r.PValue, 1e-10);
        // R: wilcox.test(x, y, alternative="greater"): p = 0.0038595868874050452
        Data.Close(0.0038595868874050452, TwoSampleTests.MannWhitney(Data.X, Data.Y, alternative: Alternative.Greater).PValue, 1e-10);
        // R: wilcox.test(xt, yt): W = 13.5, p = 0.054640954732943128
        var tied = TwoSampleTests.MannWhitney(Data.XTies, Data.YTies);
        Assert.Equal(13.5, tied.Statistic);
        Data.Close(0.054640954732943128, tied.PValue, 1e-10);
    }

    [Fact]
    public void MannWhitneyExactForLargerSamplesMatchesR()
    {
        // R: set.seed(1); xl <- round(rnorm(40), 6); yl <- round(rnorm(45, 0.9), 6)
        //    wilcox.test(xl, yl): W = 443, p = 3.702538424034199e-05 (exact)
        double[] xl = [-0.626454, 0.183643, -0.835629, 1.595281, 0.329508, -0.820468, 0.487429, 0.738325, 0.575781, -0.305388, 1.511781, 0.389843, -0.621241, -2.2147, 1.124931, -0.044934, -0.01619, 0.943836, 0.821221, 0.593901, 0.918977, 0.782136, 0.074565, -1.989352, 0.619826, -0.056129, -0.155796, -1.470752, -0.47815, 0.417942, 1.35868, -0.102788, 0.387672, -0.053805, -1.37706, -0.414995, -0.39429, -0.059313, 1.100025, 0.763176];
        double[] yl = [0.735476, 0.646638, 1.596963, 1.456663, 0.211244, 0.192505, 1.264582, 1.668533, 0.787654, 1.781108, 1.298106, 0.287974, 1.24112, -0.229363, 2.333024, 2.8804, 0.532779, -0.144135, 1.46972, 0.764945, 3.301618, 0.86076, 1.589739, 0.928002, 0.156727, 1.088792, -0.904959, 2.365555, 1.053253, 3.072612, 1.37551, 0.190054, 1.510726, -0.034098, -0.353633, 1.191446, 0.456708, 0.901105, 0.974341, 0.310479, 0.331331, 0.764821, 2.078087, -0.623567, 1.493946];
        var r = TwoSampleTests.MannWhitney(xl, yl);
        Assert.Equal(443, r.Statistic);
        Data.Close(3.702538424034199e-05, r.PValue, 1e-9);
    }

    [Fact]
    public void TinyRankPValuesAreReported()
    {
        // R: wilcox.test(1:45 + 100, 1:45): W = 2025, p = 1.9262734017643929e-26 (exact)
        var a = Enumerable.Range(1, 45).Select(i => i + 100.0).ToArray();
        var b = Enumerable.Range(1, 45).Select(i => (double)i).ToArray();
        Data.Close(1.9262734017643929e-26, TwoSampleTests.MannWhitney(a, b).PValue, 1e-8);
        // R: wilcox.test(1:60 + 100, 1:60): W = 3600, p = 3.5565709749847715e-21 (normal approximation)
        var c = Enumerable.Range(1, 60).Select(i => i + 100.0).ToArray();
        var d = Enumerable.Range(1, 60).Select(i => (double)i).ToArray();
        Data.Close(3.5565709749847715e-21, TwoSampleTests.MannWhitney(c, d).PValue, 1e-8);
    }

    [Fact]
    public void MannWhitneyOnHugeTiedSamplesMatchesR()
    {
        // R: wilcox.test(x, y) with x, y as in TTestsTests.HugeSamplesMatchR: W = 282900000, p = 0.0005321565825664778
        var x = Data.Repeat((1, 3000), (2, 5000), (3, 8000), (4, 5000), (5, 3000));
        var y = Data.Repeat((1, 2800), (2, 4900), (3, 8000), (4, 5200), (5, 3100));
        var r = TwoSampleTests.MannWhitney(x, y);
        Assert.Equal(282900000, r.Statistic);
        Data.Close(0.0005321565825664778, r.PValue, 1e-8);
    }

    [Fact]
    public void AllTiesGiveNoEvidence()
    {
        var r = TwoSampleTests.MannWhitney([2, 2, 2], [2, 2, 2, 2]);
        Assert.Equal(1, r.PValue);
        Assert.Equal(0, r.Effect.Value);
    }

    [Fact]
    public void ExactRequestWithTiesIsRefused() =>
        Assert.Contains("ties", Assert.Throws<ArgumentException>(() => TwoSampleTests.MannWhitney(Data.X, Data.Y, PValueMethod.Exact)).Message);

    [Fact]
    public void TwoSamplePermutationIsExactForSmallSamples()
    {
        // R: pool <- c(x, y); all choose(15, 8) = 6435 splits (combn):
        //    mean(abs(st) >= abs(obs) - 1e-9) = 0.0043512043512043512; mean(st >= obs - 1e-9) = 0.0020202020202020202
        var r = TwoSampleTests.PermutationTest(Data.X, Data.Y, iterations: 10_000, seed: 1);
        Assert.Contains("exact, 6435 splits", r.MethodName);
        Data.Close(0.0043512043512043512, r.PValue, 1e-12);
        Data.Close(0.0020202020202020202, TwoSampleTests.PermutationTest(Data.X, Data.Y, 10_000, 1, Alternative.Greater).PValue, 1e-12);
        Data.Close(0.78392857142857153, r.Statistic, 1e-12);
    }

    [Fact]
    public void MonteCarloPermutationUsesPhipsonSmythAndIsNearExact()
    {
        var r = TwoSampleTests.PermutationTest(Data.X, Data.Y, iterations: 5000, seed: 42);
        Assert.Contains("Monte Carlo", r.MethodName);
        // p = (1 + hits) / (1 + B) is never 0 and, here, close to the exact 0.00435.
        Assert.InRange(r.PValue, 1.0 / 5001, 0.0043512 + 0.003);
    }
}
