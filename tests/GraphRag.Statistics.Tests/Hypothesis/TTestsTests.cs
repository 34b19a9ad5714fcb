namespace GraphRag.Statistics.Tests.Hypothesis;

public class TTestsTests
{
    [Fact]
    public void WelchIsTheDefaultAndMatchesR()
    {
        // R: t.test(x, y): t = 3.861638771853416, df = 11.559760108946456, p = 0.0024185656490440352,
        //    CI 0.33974511065464236 1.22811203220250076
        var r = TTests.TwoSample(Data.X, Data.Y);
        Assert.Equal("Welch Two Sample t-test", r.MethodName);
        Data.Close(3.861638771853416, r.Statistic, 1e-12);
        Data.Close(11.559760108946456, r.DegreesOfFreedom!.Value, 1e-12);
        Data.Close(0.0024185656490440352, r.PValue, 1e-9);
        Data.Close(0.33974511065464236, r.Effect.CiLow, 1e-9);
        Data.Close(1.22811203220250076, r.Effect.CiHigh, 1e-9);
        Data.Close(5.6124999999999998 - 4.8285714285714283, r.Effect.Value, 1e-12);
    }

    [Fact]
    public void StudentWithEqualVarianceMatchesR()
    {
        // R: t.test(x, y, var.equal=TRUE): t = 3.730627171218178, df = 13, p = 0.0025186802317393011,
        //    CI 0.32996342377568283 1.23789371908146029
        var r = TTests.TwoSample(Data.X, Data.Y, equalVariance: true);
        Assert.Equal("Two Sample t-test", r.MethodName);
        Data.Close(3.730627171218178, r.Statistic, 1e-12);
        Assert.Equal(13, r.DegreesOfFreedom);
        Data.Close(0.0025186802317393011, r.PValue, 1e-9);
        Data.Close(0.32996342377568283, r.Effect.CiLow, 1e-9);
        Data.Close(1.23789371908146029, r.Effect.CiHigh, 1e-9);
    }

    [Fact]
    public void OneSidedWelchMatchesR()
    {
        // R: t.test(x, y, alternative="less"): p = 0.99879071717547796, CI (-Inf, 1.1468918200421734)
        var r = TTests.TwoSample(Data.X, Data.Y, alternative: Alternative.Less);
        Data.Close(0.99879071717547796, r.PValue, 1e-11);
        Assert.Equal(double.NegativeInfinity, r.Effect.CiLow);
        Data.Close(1.1468918200421734, r.Effect.CiHigh, 1e-9);
    }

    [Fact]
    public void OneSampleMatchesR()
    {
        // R: t.test(x, mu=5): t = 3.5696258853462979, p = 0.0091014730088208561, CI 5.2067621438156468 6.0182378561843528
        var r = TTests.OneSample(Data.X, mu: 5);
        Data.Close(3.5696258853462979, r.Statistic, 1e-12);
        Data.Close(0.0091014730088208561, r.PValue, 1e-9);
        Data.Close(5.2067621438156468 - 5, r.Effect.CiLow, 1e-9);
        Data.Close(6.0182378561843528 - 5, r.Effect.CiHigh, 1e-9);
    }

    [Fact]
    public void TinyPValueIsReportedNotRoundedToZero()
    {
        // R: t.test(x1, y1, var.equal=TRUE): t = 519.61524227066354, p = 2.1102283998621306e-31
        double[] x1 = [10.1, 10.2, 10.15, 10.12, 10.18, 10.11, 10.16, 10.14];
        double[] y1 = [1.1, 1.2, 1.15, 1.12, 1.18, 1.11, 1.16, 1.14];
        var r = TTests.TwoSample(x1, y1, equalVariance: true);
        Data.Close(519.61524227066354, r.Statistic, 1e-10);
        Data.Close(2.1102283998621306e-31, r.PValue, 1e-7);
    }

    [Fact]
    public void HugeSamplesMatchR()
    {
        // R: x <- rep(1:5, times=c(3000, 5000, 8000, 5000, 3000)); y <- rep(1:5, times=c(2800, 4900, 8000, 5200, 3100))
        //    t.test(x, y): t = -3.4597714213933277, p = 0.00054110348019167128, df = 47996.832354776656
        var x = Data.Repeat((1, 3000), (2, 5000), (3, 8000), (4, 5000), (5, 3000));
        var y = Data.Repeat((1, 2800), (2, 4900), (3, 8000), (4, 5200), (5, 3100));
        var r = TTests.TwoSample(x, y);
        Data.Close(-3.4597714213933277, r.Statistic, 1e-10);
        Data.Close(0.00054110348019167128, r.PValue, 1e-8);
        Data.Close(47996.832354776656, r.DegreesOfFreedom!.Value, 1e-10);
    }

    [Fact]
    public void CohensDAndHedgesGComeWithExactIntervals()
    {
        // R (noncentral t inverted with uniroot(tol=1e-13), see tests' header):
        //   d = 1.9307829942033423, CI 0.65427384678328981 3.1590134469267306, J(13) = 0.94098246747114889
        var r = TTests.TwoSample(Data.X, Data.Y);
        var d = r.SecondaryEffects.Single(e => e.Name == "Cohen's d");
        Data.Close(1.9307829942033423, d.Value, 1e-12);
        Data.Close(0.65427384678328981, d.CiLow, 1e-7);
        Data.Close(3.1590134469267306, d.CiHigh, 1e-7);
        var g = r.SecondaryEffects.Single(e => e.Name == "Hedges' g");
        Data.Close(1.9307829942033423 * 0.94098246747114889, g.Value, 1e-12);
    }

    [Fact]
    public void ConstantDataIsRejectedClearly()
    {
        var ex = Assert.Throws<ArgumentException>(() => TTests.TwoSample([3, 3, 3], [3, 3, 3]));
        Assert.Contains("constant", ex.Message);
    }

    [Fact]
    public void SingleObservationIsRejectedForWelch()
    {
        var ex = Assert.Throws<ArgumentException>(() => TTests.TwoSample([1], [2, 3, 4]));
        Assert.Contains("at least 2", ex.Message);
    }

    [Fact]
    public void NaNAndEmptyInputAreRejected()
    {
        Assert.Contains("index 1", Assert.Throws<ArgumentException>(() => TTests.OneSample([1, double.NaN, 3])).Message);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => TTests.TwoSample([], [1, 2])).Message);
    }
}
