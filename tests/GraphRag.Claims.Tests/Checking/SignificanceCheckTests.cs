namespace GraphRag.Claims.Tests.Checking;

public class SignificanceCheckTests
{
    private static ClaimCheck Significance(string text) =>
        Assert.Single(ClaimChecker.CheckAll(text), c => c.Claim.Kind == ClaimKind.StatisticalSignificance);

    [Theory]
    [InlineData("The new drug was statistically significant.")]
    [InlineData("The trial found a statistically significant reduction in pain.")]
    public void A_finding_reported_as_significant_with_no_size_is_flagged(string text) =>
        Assert.Equal([ClaimFlag.SignificanceOnly], Significance(text).Flags);

    [Theory]
    [InlineData("Pain fell by 0.4 points, which was statistically significant.")]           // has its size
    [InlineData("Claims of statistical significance deserve a critical eye.")]              // the concept
    [InlineData("Statistical significance is not related to the importance of a result.")]
    [InlineData("If you run it on millions, a tiny difference might be statistically significant.")] // hypothetical
    [InlineData("Say we run an experiment. The analysis finds it was statistically significant.")] // thought experiment
    [InlineData("In the replication the effect was statistically insignificant.")]          // the absence of significance
    public void Mentions_hypotheticals_and_findings_with_their_size_are_not_flagged(string text) =>
        Assert.False(Significance(text).IsFlagged);

    [Fact]
    public void A_p_value_definition_is_not_a_finding_and_p1_is_not_a_p_value()
    {
        var definition = Assert.Single(ClaimChecker.CheckAll("A p-value of 0.05 means data this extreme arise by chance."), c => c.Claim.Kind == ClaimKind.PValue);
        Assert.False(definition.IsFlagged);
        Assert.DoesNotContain(ClaimFinder.Find("I made four points p1, p2 and P1 on it."), c => c.Kind == ClaimKind.PValue);
    }
}
