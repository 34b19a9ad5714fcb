namespace GraphRag.Statistics.Tests.Hypothesis;

/// <summary>n = 1, identical samples, and the tail precision that plain 1 − CDF would lose.</summary>
public class EdgeCaseTests
{
    [Fact]
    public void MannWhitneyWithOneObservationMatchesR()
    {
        // R: wilcox.test(1, c(2,3)): W = 0, p = 0.66666666666666663
        var r = TwoSampleTests.MannWhitney([1.0], [2.0, 3.0]);
        Assert.Equal(0, r.Statistic);
        Data.Close(0.66666666666666663, r.PValue, 1e-12);
        Assert.Equal(-1, r.Effect.Value);
    }

    [Fact]
    public void IdenticalSamplesGivePOfOne()
    {
        // R: wilcox.test(c(1,2,3), c(1,2,3)): W = 4.5, p = 1;  t.test(c(1,2,3), c(1,2,3))$p.value = 1
        var mw = TwoSampleTests.MannWhitney([1.0, 2, 3], [1.0, 2, 3]);
        Assert.Equal(4.5, mw.Statistic);
        Assert.Equal(1, mw.PValue);
        var t = TTests.TwoSample([1.0, 2, 3], [1.0, 2, 3]);
        Assert.Equal(0, t.Statistic);
        Data.Close(1, t.PValue, 1e-12);
        Assert.Equal(1, TwoSampleTests.PermutationTest([1.0, 2, 3], [1.0, 2, 3], 1000, 1).PValue);
    }

    [Fact]
    public void OneSampleSignedRankAgainstZeroMatchesR()
    {
        // R: wilcox.test(c(1.5,-2.25,3.1,4,-0.5,6,7.2,8.3,9.9,10.1)): V = 51, p = 0.013671875 (exact)
        double[] x = [1.5, -2.25, 3.1, 4, -0.5, 6, 7.2, 8.3, 9.9, 10.1];
        var r = PairedTests.WilcoxonSignedRank(x, new double[x.Length]);
        Assert.Equal(51, r.Statistic);
        Data.Close(0.013671875, r.PValue, 1e-12);
    }

    [Fact]
    public void PlainOneMinusCdfLosesTheTailThatTailsKeeps()
    {
        // R: pt(-40, 30) = 6.8630225972031808e-28. 1 − CDF(40) is exactly 0 in doubles; Tails.StudentTUpper keeps it.
        Assert.Equal(0, 1 - MathNet.Numerics.Distributions.StudentT.CDF(0, 1, 30, 40));
        Data.Close(6.8630225972031808e-28, Tails.StudentTUpper(40, 30), 1e-9);
        // R: pnorm(-37) = 5.7255712225245771e-300
        Assert.Equal(0, 1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, 37));
        Data.Close(5.7255712225245771e-300, Tails.NormalUpper(37), 1e-9);
    }
}
