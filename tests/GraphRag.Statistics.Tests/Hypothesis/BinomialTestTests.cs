namespace GraphRag.Statistics.Tests.Hypothesis;

public class BinomialTestTests
{
    [Fact]
    public void TwoSidedMatchesRWithClopperPearsonInterval()
    {
        // R: binom.test(7, 20, 0.5): p = 0.26317596435546875, CI 0.15390920478454115 0.59218853453282816
        var r = BinomialTest.Exact(7, 20);
        Assert.Equal("Exact binomial test", r.MethodName);
        Data.Close(0.26317596435546875, r.PValue, 1e-12);
        Data.Close(0.15390920478454115, r.Effect.CiLow, 1e-10);
        Data.Close(0.59218853453282816, r.Effect.CiHigh, 1e-10);
        Assert.Equal(0.35, r.Effect.Value);
        Assert.Equal(0.5, r.Effect.NullValue);
    }

    [Fact]
    public void OneSidedMatchesR()
    {
        // R: binom.test(7, 20, 0.2, alternative="greater"): p = 0.086692513567400251, CI 0.17731091757444911 1
        var greater = BinomialTest.Exact(7, 20, 0.2, Alternative.Greater);
        Data.Close(0.086692513567400251, greater.PValue, 1e-11);
        Data.Close(0.17731091757444911, greater.Effect.CiLow, 1e-10);
        Assert.Equal(1, greater.Effect.CiHigh);
        // R: binom.test(7, 20, 0.2, alternative="less"): p = 0.96785733691912479, CI 0 0.55803451131548865
        var less = BinomialTest.Exact(7, 20, 0.2, Alternative.Less);
        Data.Close(0.96785733691912479, less.PValue, 1e-11);
        Data.Close(0.55803451131548865, less.Effect.CiHigh, 1e-10);
    }

    [Fact]
    public void UpperSideAndTinyPValuesMatchR()
    {
        // R: binom.test(15, 20, 0.3): p = 4.2940021953591667e-05
        Data.Close(4.2940021953591667e-05, BinomialTest.Exact(15, 20, 0.3).PValue, 1e-10);
        // R: binom.test(2, 1000, 0.5): p = 9.341987486490458e-296, CI 0.00024230111687723182 0.00720583891145754052
        var tiny = BinomialTest.Exact(2, 1000);
        Data.Close(9.341987486490458e-296, tiny.PValue, 1e-8);
        Data.Close(0.00024230111687723182, tiny.Effect.CiLow, 1e-9);
        Data.Close(0.00720583891145754052, tiny.Effect.CiHigh, 1e-9);
    }

    [Fact]
    public void LargeNMatchesR()
    {
        // R: binom.test(5100, 10000, 0.5): p = 0.046585527704947359, CI 0.50015042682154542 0.51984374630483021
        var r = BinomialTest.Exact(5100, 10000);
        Data.Close(0.046585527704947359, r.PValue, 1e-9);
        Data.Close(0.50015042682154542, r.Effect.CiLow, 1e-10);
        Data.Close(0.51984374630483021, r.Effect.CiHigh, 1e-10);
    }

    [Fact]
    public void TheArticlesFiveHeadsIsThreePointOnePercentOneSided()
    {
        // "You toss the coin 5 times and it lands on heads each time ... 3.1% chance": (1/2)^5 = 0.03125
        Assert.Equal(0.03125, BinomialTest.Exact(5, 5, 0.5, Alternative.Greater).PValue, 15);
    }

    [Fact]
    public void NOfOneWorks()
    {
        // R: binom.test(1, 1): p = 1, CI 0.025 1
        var r = BinomialTest.Exact(1, 1);
        Data.Close(1, r.PValue, 1e-12);
        Data.Close(0.025, r.Effect.CiLow, 1e-10);
    }

    [Theory]
    [InlineData(-1, 10, "negative")]
    [InlineData(11, 10, "exceeds")]
    [InlineData(0, 0, "positive")]
    public void BadCountsAreRejected(long k, long n, string message) =>
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => BinomialTest.Exact(k, n)).Message);
}
