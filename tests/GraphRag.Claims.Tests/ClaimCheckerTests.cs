using GraphRag.Claims;

namespace GraphRag.Claims.Tests;

public class ClaimCheckerTests
{
    [Fact]
    public void FortyFiveVersusFiftyNinePerTenThousand()
    {
        var check = Assert.Single(ClaimChecker.CheckAll("45 versus 59 cases per 10,000 people."));
        var c = check.Comparison!;
        // Absolute risk difference 0.14 percentage points; RR 1.31 [0.89, 1.93] (R: see ProportionTestsTests); NNH ≈ 714.
        Assert.Equal(0.0014, c.RiskDifference.Value, 12);
        Assert.Equal(1.3111111111111111, c.RelativeRisk.Value, 12);
        Assert.Equal(0.89043529039301028, c.RelativeRisk.CiLow, 10);
        // R: fisher.test(matrix(c(59, 9941, 45, 9955), 2))$p.value = 0.20099718821204346
        Assert.Equal(0.20099718821204346, c.Fisher.PValue, 10);
        Assert.Contains("0.14 percentage points", check.Finding);
        Assert.Contains("relative risk 1.31 [0.89, 1.93]", check.Finding);
        Assert.Contains("number needed to harm (NNH) ≈ 714", check.Finding);
        Assert.Empty(check.Flags);
    }

    [Fact]
    public void RelativeOnlyClaimIsFlaggedWithTheQuestion()
    {
        var check = Assert.Single(ClaimChecker.CheckAll("Bacon gives a 32% increased risk of bowel cancer."));
        Assert.Equal([ClaimFlag.RelativeOnly], check.Flags);
        Assert.Contains(ClaimChecker.AskForAbsolute, check.Questions);
        Assert.Contains("ratio of 1.32", check.Finding);
    }

    [Fact]
    public void SignificanceOnlyClaimIsFlaggedWithTheQuestion()
    {
        var check = Assert.Single(ClaimChecker.CheckAll("The new drug was statistically significant."));
        Assert.Equal([ClaimFlag.SignificanceOnly], check.Flags);
        Assert.Contains(ClaimChecker.AskForEffect, check.Questions);
        // With a magnitude in the same sentence it is not "significance only".
        var withEffect = ClaimChecker.CheckAll("Pain fell by 0.4 points, which was statistically significant.")
            .Single(c => c.Claim.Kind == ClaimKind.StatisticalSignificance);
        Assert.Empty(withEffect.Flags);
    }

    [Fact]
    public void OutOfGetsAnExactInterval()
    {
        // R: binom.test(7, 20)$conf.int = 0.15390920478454115 0.59218853453282816
        var check = Assert.Single(ClaimChecker.CheckAll("In all, 7 out of 20 patients improved."));
        Assert.Equal(0.35, check.Proportion!.Value, 12);
        Assert.Equal(0.15390920478454115, check.Proportion.CiLow, 10);
        Assert.Contains("35% [95% CI 15.4%, 59.2%", check.Finding);
    }

    [Fact]
    public void ImpossibleProportionIsReported() =>
        Assert.Contains("not a possible proportion", Assert.Single(ClaimChecker.CheckAll("Then 30 out of 20 agreed.")).Finding);

    [Fact]
    public void PValueIsTranslatedToConfidenceWithoutCallingItTheProbabilityOfTruth()
    {
        var check = Assert.Single(ClaimChecker.CheckAll("We found p = 0.03 for the effect."));
        Assert.Contains("confidence 97%", check.Finding);
        Assert.Contains("not the probability that the claim is true", check.Finding);
        Assert.Equal([ClaimFlag.SignificanceOnly], check.Flags);
    }

    [Fact]
    public void OnTheCorpusArticleTheRelativeClaimIsBackedByItsCounts()
    {
        var checks = ClaimChecker.CheckAll(CorpusArticle.SignificanceScam());
        var relative = checks.Single(c => c.Claim.Text == "32% increased risk");
        Assert.Empty(relative.Flags);
        Assert.Contains("relative risk of 1.31, consistent with it", relative.Finding);
        Assert.Contains("0.14 percentage points", relative.Finding);
        var times = checks.Single(c => c.Claim.Kind == ClaimKind.TimesMore);
        Assert.Equal([ClaimFlag.RelativeOnly], times.Flags);
        var cern = checks.Single(c => c.Claim.Kind == ClaimKind.ConfidenceLevel && c.Claim.Number("value") == 99.9999998);
        Assert.Contains("p ≤ 2e-9", cern.Finding);
        Assert.Contains("6.0 standard errors", cern.Finding);
        var rate = checks.Single(c => c.Claim.Kind == ClaimKind.RatePerPopulation && c.Comparison is not null);
        Assert.Contains("absolute risk difference 0.14 percentage points", rate.Finding);
    }
}
