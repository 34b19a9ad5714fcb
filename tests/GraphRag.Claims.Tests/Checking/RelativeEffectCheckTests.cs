namespace GraphRag.Claims.Tests.Checking;

public class RelativeEffectCheckTests
{
    [Fact]
    public void A_ratio_of_a_share_of_deaths_to_a_personal_risk_is_flagged_as_incommensurable()
    {
        const string text = "Drinking caused 12% of all deaths last year.\n\nFor a coffee drinker the risk of dying of it is 0.5%.\n\n" +
                            "So drinking is 12%/0.5% = 24 times deadlier than coffee.";
        var check = Assert.Single(ClaimChecker.CheckAll(text), c => c.Claim.Kind == ClaimKind.TimesMore);
        Assert.Equal([ClaimFlag.IncommensurableRatio], check.Flags);
        Assert.Contains("12% is a share of events", check.Finding);
        Assert.Contains("0.5% a person's risk", check.Finding);
        Assert.True(check.Recomputation!.Agrees);
        Assert.NotNull(check.Correction);
    }

    [Fact]
    public void A_ratio_of_two_personal_risks_is_backed_by_its_figures()
    {
        const string text = "A smoker's risk is 12%.\n\nA non-smoker's risk is 0.5%.\n\nSo the risk is 12%/0.5% = 24 times greater.";
        var check = Assert.Single(ClaimChecker.CheckAll(text), c => c.Claim.Kind == ClaimKind.TimesMore);
        Assert.False(check.IsFlagged, check.Finding);
        Assert.Contains("is the ratio of 12% to 0.5%", check.Finding);
    }

    [Fact]
    public void A_wrong_computed_ratio_is_flagged_as_a_wrong_value()
    {
        var check = Assert.Single(ClaimChecker.CheckAll("The risk is 12%/0.5% = 42 times greater."), c => c.Claim.Kind == ClaimKind.TimesMore);
        Assert.Equal([ClaimFlag.WrongValue], check.Flags);
        Assert.Equal(24, check.Recomputation!.Recomputed, 9);
    }

    [Fact]
    public void A_ratio_that_is_not_about_a_risk_needs_no_baseline()
    {
        var computed = Assert.Single(ClaimChecker.CheckAll("the car travels 2 × 4 = 8 times as fast as the man."), c => c.Claim.Kind == ClaimKind.TimesMore);
        Assert.False(computed.IsFlagged, computed.Finding);
        var plain = Assert.Single(ClaimChecker.CheckAll("This GPU is 8 times faster than that one."));
        Assert.False(plain.IsFlagged, plain.Finding);
    }

    [Fact]
    public void A_relative_risk_alone_is_flagged_and_one_with_counts_in_the_next_paragraph_is_not()
    {
        var alone = Assert.Single(ClaimChecker.CheckAll("Smokers are 15 times more likely to get it."));
        Assert.Equal([ClaimFlag.RelativeOnly], alone.Flags);
        var backed = ClaimChecker.CheckAll("Eating it gave a 32% increased risk of cancer.\n\nFor every 10,000 people on the study, 45 were diagnosed, while it was 59 among the others.")
            .Single(c => c.Claim.Kind == ClaimKind.RelativeRisk);
        Assert.False(backed.IsFlagged, backed.Finding);
        Assert.Contains("relative risk of 1.31, consistent with it", backed.Finding);
    }
}
