namespace GraphRag.Claims.Tests.Finding;

/// <summary>The wording of each misreading, on sentences written for these tests (not the corpus's).</summary>
public class InterpretationFinderTests
{
    [Theory]
    [InlineData("With p = 0.01 we can be 99% sure the effect is not due to chance.", Misreading.ProbabilityOfChance, "99% sure the effect is not due to chance")]
    [InlineData("The test gives the probability that the difference was just the result of random noise.", Misreading.ProbabilityOfChance, "probability that the difference was just the result of random noise")]
    [InlineData("Our study shows a 95% probability that the hypothesis is true.", Misreading.ProbabilityOfHypothesis, "95% probability that the hypothesis is true")]
    [InlineData("The drug was statistically significant, so the benefit is important for patients.", Misreading.SignificanceAsImportance, "statistically significant, so the benefit is important")]
    [InlineData("The trial found no significant difference, which shows the drug does not work.", Misreading.NoSignificanceAsNoEffect, "no significant difference, which shows the drug does not work")]
    [InlineData("We tested 20 foods and one was linked to acne (p < 0.05).", Misreading.MultipleComparisons, "tested 20 foods")]
    [InlineData("As 70% of lottery winners are regular players, you are more likely to win if you are a regular player.", Misreading.TransposedConditional, "70% of lottery winners are regular players, you are more likely to win if you are a regular player")]
    public void Finds_each_misreading_by_its_wording(string text, Misreading kind, string expected)
    {
        var claim = Assert.Single(ClaimFinder.Find(text), c => c.Kind == ClaimKind.Interpretation);
        Assert.Equal(kind, claim.Misreading);
        Assert.Equal(expected, claim.Text);
    }

    [Theory]
    [InlineData("The result is surely due to chance, I think, said nobody.")]                                      // no probability of a result under test
    [InlineData("I am confident the win was not due to luck.")]                                                   // no test in view
    [InlineData("The probability of seeing data this extreme due to chance alone is 5%.")]                        // the definition
    [InlineData("As 70% of lottery winners are regular players, you are more likely to win if you buy early.")]   // "if" is not the share's condition
    public void Other_wordings_are_not_misreadings(string text) =>
        Assert.DoesNotContain(ClaimFinder.Find(text), c => c.Kind == ClaimKind.Interpretation);
}
