namespace GraphRag.Statistics.Tests.Effects;

public class ProportionIntervalTests
{
    // Reference values: R 4.2.2, prop.test(x, n, correct = FALSE)$conf.int, printed with sprintf("%.17g").
    [Theory]
    [InlineData(7, 20, 0.95, 0.18119182410108206, 0.56714572331476365)]
    [InlineData(11, 12, 0.95, 0.64612008885888306, 0.98513490559508299)]
    [InlineData(45, 10000, 0.95, 0.003364971291591769, 0.0060155710937487361)]
    [InlineData(7, 20, 0.90, 0.20226004005676107, 0.53348731115152825)]
    public void Wilson_matches_Rs_score_interval(long events, long total, double level, double low, double high)
    {
        var (actualLow, actualHigh) = ProportionInterval.Wilson(events, total, level);
        Data.Close(low, actualLow, 1e-12);
        Data.Close(high, actualHigh, 1e-12);
    }

    [Fact]
    public void Wilson_reaches_exactly_zero_and_one_at_the_ends()
    {
        // R: prop.test(8, 8, correct = FALSE)$conf.int = 0.67559243511611977 1
        var (low, high) = ProportionInterval.Wilson(8, 8);
        Data.Close(0.67559243511611977, low, 1e-12);
        Assert.Equal(1, high);
        // R: prop.test(0, 12, correct = FALSE)$conf.int = 0 0.24249400665524079
        var (zeroLow, zeroHigh) = ProportionInterval.Wilson(0, 12);
        Assert.Equal(0, zeroLow);
        Data.Close(0.24249400665524079, zeroHigh, 1e-12);
    }

    [Fact]
    public void Impossible_counts_are_refused_with_the_reason()
    {
        Assert.Contains("exceeds", Assert.Throws<ArgumentException>(() => ProportionInterval.Wilson(5, 4)).Message);
        Assert.Contains("positive", Assert.Throws<ArgumentException>(() => ProportionInterval.Wilson(0, 0)).Message);
    }
}
