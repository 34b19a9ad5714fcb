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
        // "11%/0.07% = **157** times greater": recomputed (157.14), then 11% (a share of all deaths) and 0.07% (a person's risk) traced to where they were introduced.
        var times = checks.Single(c => c.Claim.Kind == ClaimKind.TimesMore);
        Assert.Equal([ClaimFlag.IncommensurableRatio], times.Flags);
        Assert.Equal(0.11 / 0.0007, times.Recomputation!.Recomputed, 9);
        var cern = checks.Single(c => c.Claim.Kind == ClaimKind.ConfidenceLevel && c.Claim.Number("value") == 99.9999998);
        Assert.Contains("p ≤ 2e-9", cern.Finding);
        Assert.Contains("6.0 standard errors", cern.Finding);
        var rate = checks.Single(c => c.Claim.Kind == ClaimKind.RatePerPopulation && c.Comparison is not null);
        Assert.Contains("absolute risk difference 0.14 percentage points", rate.Finding);
    }

    [Theory]
    // Recomputed values, R 4.2.2: sprintf("%.17g", 1 - pbinom(1, n, 1/6)), equal to the article's own formula 1 − (5/6)^n − n(1/6)(5/6)^(n−1).
    [InlineData(4, "14.4%", 0.13194444444444442)]
    [InlineData(5, "23%", 0.19624485596707819)]
    [InlineData(6, "32.4%", 0.26322445130315519)]
    [InlineData(7, "42%", 0.33020404663923197)]
    [InlineData(8, "51%", 0.39532309766041784)]
    [InlineData(12, "80%", 0.61866737373230862)]
    public void On_the_corpus_each_wrong_dice_value_is_flagged_with_its_recomputed_value(int dice, string stated, double expected)
    {
        var check = DiceChecks().Single(c => c.Claim.Calculation!.Variables["n"] == dice);
        Assert.Equal([ClaimFlag.WrongValue], check.Flags);
        Assert.Equal(stated, check.Recomputation!.Stated);
        Assert.Equal(expected, check.Recomputation.Recomputed, 12);
        Assert.Equal(check.Recomputation.StatedValue - expected, check.Recomputation.Difference, 12);
        Assert.Contains($"gives {expected * 100:0.##}%, not {stated}", check.Finding);
    }

    [Fact]
    public void On_the_corpus_the_three_dice_value_agrees_with_the_formula_and_is_not_flagged()
    {
        // R: 1 - pbinom(1, 3, 1/6) = 0.07407407407407407 (7.41%), stated 7.4%.
        var check = DiceChecks().Single(c => c.Claim.Calculation!.Variables["n"] == 3);
        Assert.False(check.IsFlagged, check.Finding);
        Assert.Equal(0.07407407407407407, check.Recomputation!.Recomputed, 12);
    }

    /// <summary>The dice list of "The Statistical Significance Scam" as ingestion reads it (the text `claims check` sees).</summary>
    private static List<ClaimCheck> DiceChecks()
    {
        var article = Gold.GoldCorpus.Articles.Single(a => a.Title == "The Statistical Significance Scam");
        var dice = ClaimChecker.CheckAll(article.Text)
            .Where(c => c.Claim.Kind == ClaimKind.Calculation && c.Claim.Calculation!.Variables.ContainsKey("n")).ToList();
        Assert.Equal(7, dice.Count);
        return dice;
    }
}
