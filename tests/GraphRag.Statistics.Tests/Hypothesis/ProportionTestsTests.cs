namespace GraphRag.Statistics.Tests.Hypothesis;

/// <summary>The article's bowel-cancer numbers: 45 per 10,000 (A, reference) versus 59 per 10,000 (B).</summary>
public class ProportionTestsTests
{
    private static readonly Proportion A = new(45, 10_000);
    private static readonly Proportion B = new(59, 10_000);

    [Fact]
    public void ZTestSquaredIsTheUncorrectedChiSquare()
    {
        // R: prop.test(c(45,59), c(10000,10000), correct=FALSE): X-squared = 1.8944666109925459, p = 0.16869899127406981
        //    sqrt(X-squared) = 1.3763962405472292
        var z = ProportionTests.ZTest(A, B);
        Data.Close(1.3763962405472292, z.Statistic, 1e-12);
        Data.Close(0.16869899127406981, z.PValue, 1e-10);
        var chi = ProportionTests.ChiSquare(A, B, yates: false);
        Assert.Equal("Pearson's Chi-squared test", chi.MethodName);
        Data.Close(1.8944666109925459, chi.Statistic, 1e-12);
        Data.Close(0.16869899127406981, chi.PValue, 1e-10);
    }

    [Fact]
    public void YatesMatchesR()
    {
        // R: prop.test(c(45,59), c(10000,10000)): X-squared = 1.6334941696823482, p = 0.20122043619035532
        var r = ProportionTests.ChiSquare(A, B, yates: true);
        Assert.Equal("Pearson's Chi-squared test with Yates' continuity correction", r.MethodName);
        Data.Close(1.6334941696823482, r.Statistic, 1e-12);
        Data.Close(0.20122043619035532, r.PValue, 1e-10);
    }

    [Fact]
    public void SmallTableChiSquareMatchesRAndWarns()
    {
        // R: chisq.test(matrix(c(3,7,8,2),2)): X-squared = 3.2323232323232323, p = 0.072198197701657446
        //    correct=FALSE: 5.0505050505050502, p = 0.024618761380815167
        var a = new Proportion(3, 10);
        var b = new Proportion(8, 10);
        var yates = ProportionTests.ChiSquare(a, b, yates: true);
        Data.Close(3.2323232323232323, yates.Statistic, 1e-12);
        Data.Close(0.072198197701657446, yates.PValue, 1e-10);
        Data.Close(0.024618761380815167, ProportionTests.ChiSquare(a, b, yates: false).PValue, 1e-10);
        Assert.Contains(yates.Notes, n => n.Contains("Fisher"));
    }

    [Fact]
    public void FisherMatchesR()
    {
        // R: fisher.test(matrix(c(59, 10000-59, 45, 10000-45), 2)): p = 0.20099718821204346,
        //    odds ratio (conditional MLE) 1.3129357206266932, CI 0.87482376231424375 1.98233515513097491
        //    (R solves the interval with uniroot's default tolerance, ~1e-4, hence the looser check there)
        var r = ProportionTests.Fisher(A, B);
        Assert.Equal("Fisher's Exact Test for Count Data", r.MethodName);
        Data.Close(0.20099718821204346, r.PValue, 1e-9);
        Data.Close(1.3129357206266932, r.Effect.Value, 1e-4);
        Data.Close(0.87482376231424375, r.Effect.CiLow, 1e-4);
        Data.Close(1.98233515513097491, r.Effect.CiHigh, 1e-4);
    }

    [Fact]
    public void FisherSmallTableAndOneSidedMatchR()
    {
        // R: fisher.test(matrix(c(8,2,3,7),2)): p = 0.069778518694927336, OR 8.1530626043573537, CI 0.88211748931581524 127.05584183011168875
        //    alternative="greater": p = 0.034889259347463682, CI 1.1553266279281482 Inf
        //    alternative="less": p = 0.99726125267920929, CI 0 84.045603577148867
        var a = new Proportion(3, 10);
        var b = new Proportion(8, 10);
        var r = ProportionTests.Fisher(a, b);
        Data.Close(0.069778518694927336, r.PValue, 1e-10);
        Data.Close(8.1530626043573537, r.Effect.Value, 1e-4);
        Data.Close(0.88211748931581524, r.Effect.CiLow, 1e-4);
        // R's own upper limit is off by 4e-4 (uniroot tolerance on 1/ψ); solving R's pnhyper with
        // uniroot(function(t) pn(8, exp(t)) - 0.025, c(0, 10), tol=1e-14) gives 127.00902532429157.
        Data.Close(127.00902532429157, r.Effect.CiHigh, 1e-9);
        var greater = ProportionTests.Fisher(a, b, Alternative.Greater);
        Data.Close(0.034889259347463682, greater.PValue, 1e-10);
        Data.Close(1.1553266279281482, greater.Effect.CiLow, 1e-4);
        var less = ProportionTests.Fisher(a, b, Alternative.Less);
        Data.Close(0.99726125267920929, less.PValue, 1e-10);
        Data.Close(84.045603577148867, less.Effect.CiHigh, 1e-4);
    }

    [Fact]
    public void EffectsOfTheArticleExample()
    {
        // R: prop.test(c(45,59), c(10000,10000), correct=FALSE)$conf.int = -0.0033934809006497 0.0005934809006497 (for A − B)
        // R (Katz): rr <- 0.0059/0.0045; se <- sqrt(1/59 - 1/10000 + 1/45 - 1/10000): 1.3111111111111111, CI 0.89043529039301028 1.9305303419862145
        // R (Woolf): or <- (59*9955)/(9941*45): 1.3129575607193553, CI 0.88992037791094214 1.9370919006224092
        var c = ProportionComparison.Compute(A, B);
        Data.Close(0.0014, c.RiskDifference.Value, 1e-12);
        Data.Close(-0.00059348090064970148, c.RiskDifference.CiLow, 1e-9);
        Data.Close(0.00339348090064970189, c.RiskDifference.CiHigh, 1e-9);
        Data.Close(1.3111111111111111, c.RelativeRisk.Value, 1e-12);
        Data.Close(0.89043529039301028, c.RelativeRisk.CiLow, 1e-10);
        Data.Close(1.9305303419862145, c.RelativeRisk.CiHigh, 1e-10);
        Data.Close(1.3129575607193553, c.OddsRatio.Value, 1e-12);
        Data.Close(0.88992037791094214, c.OddsRatio.CiLow, 1e-10);
        Data.Close(1.9370919006224092, c.OddsRatio.CiHigh, 1e-10);
        // NNH = 1 / 0.0014 ≈ 714; the risk-difference interval includes 0, so the NNT interval passes through infinity.
        Data.Close(1 / 0.0014, c.Nnt.Value, 1e-12);
        Assert.StartsWith("number needed to harm", c.Nnt.Name);
        Data.Close(1 / 0.00339348090064970189, c.Nnt.CiLow, 1e-9);
        Data.Close(1 / -0.00059348090064970148, c.Nnt.CiHigh, 1e-9);
        Assert.Contains("infinity", c.Nnt.Note);
    }

    [Fact]
    public void ZeroEventsUseTheHaldaneCorrectionForIntervals()
    {
        var r = ProportionEffects.OddsRatio(new Proportion(0, 20), new Proportion(5, 20));
        Assert.Contains("0.5 added", r.CiMethod);
        Assert.True(double.IsFinite(r.CiLow) && double.IsFinite(r.CiHigh));
    }

    [Theory]
    [InlineData("45/10000", 45, 10000)]
    [InlineData("59 / 10,000", 59, 10000)]
    public void ProportionsParse(string text, long events, long total) =>
        Assert.Equal(new Proportion(events, total), Proportion.Parse(text));

    [Theory]
    [InlineData("45")]
    [InlineData("a/b")]
    public void MalformedProportionsAreRejected(string text) =>
        Assert.Contains("events/total", Assert.Throws<FormatException>(() => Proportion.Parse(text)).Message);

    [Fact]
    public void MoreEventsThanTrialsIsRejected() =>
        Assert.Contains("exceeds", Assert.Throws<ArgumentException>(() => Proportion.Parse("11/10")).Message);
}
