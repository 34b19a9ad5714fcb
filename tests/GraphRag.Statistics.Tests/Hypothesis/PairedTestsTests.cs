namespace GraphRag.Statistics.Tests.Hypothesis;

public class PairedTestsTests
{
    [Fact]
    public void PairedTTestMatchesR()
    {
        // R: t.test(x, b, paired=TRUE): t = 2.8368325730678996, df = 7, p = 0.02515854833498872,
        //    CI 0.05409825942369393 0.59590174057630596, estimate 0.325
        var r = PairedTests.TTest(Data.X, Data.B);
        Assert.Equal("Paired t-test", r.MethodName);
        Data.Close(2.8368325730678996, r.Statistic, 1e-12);
        Data.Close(0.02515854833498872, r.PValue, 1e-9);
        Data.Close(0.05409825942369393, r.Effect.CiLow, 1e-8);
        Data.Close(0.59590174057630596, r.Effect.CiHigh, 1e-9);
        Data.Close(0.325, r.Effect.Value, 1e-12);
    }

    [Fact]
    public void CohensDzHasExactInterval()
    {
        // R: dd <- x - b; dz <- mean(dd)/sd(dd) = 1.0029717747535969; noncentral t inverted with uniroot(tol=1e-13):
        //    CI 0.1175126044078575 1.8442495708305389
        var dz = PairedTests.TTest(Data.X, Data.B).SecondaryEffects.Single();
        Assert.Equal("Cohen's d_z", dz.Name);
        Data.Close(1.0029717747535969, dz.Value, 1e-12);
        Data.Close(0.1175126044078575, dz.CiLow, 1e-6);
        Data.Close(1.8442495708305389, dz.CiHigh, 1e-7);
    }

    [Fact]
    public void SignedRankExactMatchesR()
    {
        // R: wilcox.test(a, b, paired=TRUE): V = 48, p = 0.037109375, "Wilcoxon signed rank exact test"
        var r = PairedTests.WilcoxonSignedRank(Data.PairA, Data.PairB);
        Assert.Equal("Wilcoxon signed rank exact test", r.MethodName);
        Assert.Equal(48, r.Statistic);
        Data.Close(0.037109375, r.PValue, 1e-12);
        // R: wilcox.test(a, b, paired=TRUE, alternative="greater"): p = 0.0185546875
        Data.Close(0.0185546875, PairedTests.WilcoxonSignedRank(Data.PairA, Data.PairB, alternative: Alternative.Greater).PValue, 1e-12);
    }

    [Fact]
    public void SignedRankApproximationCanBeChosen()
    {
        // R: wilcox.test(a, b, paired=TRUE, exact=FALSE): p = 0.041491087387731551
        var r = PairedTests.WilcoxonSignedRank(Data.PairA, Data.PairB, PValueMethod.Approximate);
        Assert.Equal("Wilcoxon signed rank test with continuity correction", r.MethodName);
        Data.Close(0.041491087387731551, r.PValue, 1e-10);
    }

    [Fact]
    public void SignedRankWithTiesFallsBackToTheCorrectedApproximation()
    {
        // R: wilcox.test(x, b, paired=TRUE): V = 31.5, p = 0.068364138600528285 (ties: normal approximation)
        var r = PairedTests.WilcoxonSignedRank(Data.X, Data.B);
        Assert.Equal(31.5, r.Statistic);
        Data.Close(0.068364138600528285, r.PValue, 1e-10);
        // R: wilcox.test(xt, yt, paired=TRUE): V = 0, p = 0.011539988490258973 (tied differences)
        var tied = PairedTests.WilcoxonSignedRank(Data.XTies, Data.YTies);
        Assert.Equal(0, tied.Statistic);
        Data.Close(0.011539988490258973, tied.PValue, 1e-10);
    }

    [Fact]
    public void ContinuityCorrectionCanBeTurnedOff()
    {
        // R: b2 <- c(4.75, 5.05, 5.6, 5.15, 5.95, 5.0, 5.35, 5.55)
        //    wilcox.test(x, b2, paired=TRUE, exact=FALSE, correct=FALSE): V = 31.5, p = 0.058397906749301419
        double[] b2 = [4.75, 5.05, 5.6, 5.15, 5.95, 5.0, 5.35, 5.55];
        var r = PairedTests.WilcoxonSignedRank(Data.X, b2, PValueMethod.Approximate, continuityCorrection: false);
        Assert.Equal("Wilcoxon signed rank test", r.MethodName);
        Data.Close(0.058397906749301419, r.PValue, 1e-10);
    }

    [Fact]
    public void ExactSignedRankRefusesTies() =>
        Assert.Contains("ties", Assert.Throws<ArgumentException>(() => PairedTests.WilcoxonSignedRank(Data.X, Data.B, PValueMethod.Exact)).Message);

    [Fact]
    public void IdenticalSamplesGiveNoEvidence()
    {
        var r = PairedTests.WilcoxonSignedRank(Data.X, Data.X);
        Assert.Equal(1, r.PValue);
        Assert.Equal(0, r.Effect.Value);
        var perm = PairedTests.PermutationTest(Data.X, Data.X, 1000, 1);
        Assert.Equal(1, perm.PValue);
    }

    [Fact]
    public void RankBiserialIsTheShareOfRankSumInFavour()
    {
        // V = 48 of S = 55: r = 2·48/55 − 1
        var r = PairedTests.WilcoxonSignedRank(Data.PairA, Data.PairB);
        Data.Close(2 * 48.0 / 55 - 1, r.Effect.Value, 1e-12);
        Assert.True(r.Effect.CiLow <= r.Effect.Value && r.Effect.Value <= r.Effect.CiHigh);
    }

    [Fact]
    public void PermutationTestIsExactForFewPairs()
    {
        // R: all 2^8 sign flips of dd <- x - b: mean(abs(st) >= abs(mean(dd)) - 1e-9) = 0.0546875,
        //    mean(st <= mean(dd) + 1e-9) = 0.984375
        var r = PairedTests.PermutationTest(Data.X, Data.B, iterations: 1000, seed: 1);
        Assert.Contains("exact", r.MethodName);
        Data.Close(0.0546875, r.PValue, 1e-12);
        Data.Close(0.984375, PairedTests.PermutationTest(Data.X, Data.B, 1000, 1, Alternative.Less).PValue, 1e-12);
        Data.Close(0.325, r.Statistic, 1e-12);
    }

    [Fact]
    public void MonteCarloPermutationIsSeededAndNearTheExactValue()
    {
        var first = PairedTests.PermutationTest(Data.X, Data.B, iterations: 100, seed: 7);
        var again = PairedTests.PermutationTest(Data.X, Data.B, iterations: 100, seed: 7);
        Assert.Contains("Monte Carlo", first.MethodName);
        Assert.Equal(first.PValue, again.PValue);
        var large = PairedTests.PermutationTest(Data.X, Data.B, iterations: 200, seed: 3);
        Assert.InRange(large.PValue, 0.0546875 - 0.05, 0.0546875 + 0.05);
    }

    [Fact]
    public void UnequalLengthsAreRejected() =>
        Assert.Contains("same length", Assert.Throws<ArgumentException>(() => PairedTests.TTest([1, 2, 3], [1, 2])).Message);

    [Fact]
    public void SinglePairIsRejectedByTheTTest() =>
        Assert.Throws<ArgumentException>(() => PairedTests.TTest([1], [2]));
}
