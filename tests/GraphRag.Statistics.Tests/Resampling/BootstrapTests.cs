namespace GraphRag.Statistics.Tests.Resampling;

public class BootstrapTests
{
    private static readonly double[] Skewed = [5.1, 4.9, 6.2, 5.8, 6.0, 5.5, 5.3, 6.1, 7.9, 4.2, 9.5, 5.0];

    [Fact]
    public void PercentileAndBcaAgreeWithRsBootWithinMonteCarloError()
    {
        // R: b <- boot::boot(x, function(d, i) mean(d[i]), R=200000); boot::boot.ci(b, type=c("perc","bca"))
        //    Percentile (5.267, 6.808); BCa (5.358, 7.008). Different random streams: agree to Monte Carlo error.
        var percentile = Bootstrap.MeanInterval(Skewed, 200_000, seed: 1, method: BootstrapMethod.Percentile);
        Assert.Equal(5.267, percentile.CiLow, 0.02);
        Assert.Equal(6.808, percentile.CiHigh, 0.02);
        var bca = Bootstrap.MeanInterval(Skewed, 200_000, seed: 1, method: BootstrapMethod.BCa);
        Assert.Equal(5.358, bca.CiLow, 0.02);
        Assert.Equal(7.008, bca.CiHigh, 0.03);
        Assert.Equal(Skewed.Average(), bca.Estimate, 12);
    }

    [Fact]
    public void SameSeedSameInterval()
    {
        var first = Bootstrap.MedianInterval(Skewed, 2000, seed: 5);
        var again = Bootstrap.MedianInterval(Skewed, 2000, seed: 5);
        Assert.Equal(first, again);
        Assert.Equal(5.65, first.Estimate, 12); // sorted: ... 5.5, 5.8 ... → (5.5 + 5.8) / 2
    }

    [Fact]
    public void ConstantDataGiveADegenerateInterval()
    {
        var r = Bootstrap.MeanInterval([3, 3, 3, 3], 500, seed: 1);
        Assert.Equal((3.0, 3.0), (r.CiLow, r.CiHigh));
    }

    [Fact]
    public void OneObservationIsRejected() =>
        Assert.Contains("at least 2", Assert.Throws<ArgumentException>(() => Bootstrap.MeanInterval([1.0])).Message);

    [Fact]
    public void EffectCarriesTheRecipe()
    {
        var effect = Bootstrap.MeanInterval(Skewed, 1000, seed: 9).ToEffect();
        Assert.Equal("BCa bootstrap, 1000 resamples, seed 9", effect.CiMethod);
    }
}
