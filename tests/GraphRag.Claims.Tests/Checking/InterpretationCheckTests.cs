namespace GraphRag.Claims.Tests.Checking;

/// <summary>Misreadings asserted are flagged with what would be correct; misreadings quoted to be rejected are not (sentences written for these tests).</summary>
public class InterpretationCheckTests
{
    private static ClaimCheck Reading(string text) =>
        Assert.Single(ClaimChecker.CheckAll(text), c => c.Claim.Kind == ClaimKind.Interpretation);

    [Theory]
    [InlineData("With p = 0.01 we can be 99% sure the effect is not due to chance.", ClaimFlag.PValueMisread)]
    [InlineData("Our study shows a 95% probability that the hypothesis is true.", ClaimFlag.PValueMisread)]
    [InlineData("The drug was statistically significant, so the benefit is important for patients.", ClaimFlag.SignificanceAsImportance)]
    [InlineData("The trial found no significant difference, which shows the drug does not work.", ClaimFlag.NoSignificanceAsNoEffect)]
    [InlineData("We tested 20 foods and one was linked to acne (p < 0.05).", ClaimFlag.UncorrectedMultipleComparisons)]
    [InlineData("As 70% of lottery winners are regular players, you are more likely to win if you are a regular player.", ClaimFlag.TransposedConditional)]
    public void An_asserted_misreading_is_flagged_with_one_sentence_saying_what_is_correct(string text, ClaimFlag flag)
    {
        var check = Reading(text);
        Assert.Equal([flag], check.Flags);
        Assert.NotNull(check.Correction);
        Assert.EndsWith(".", check.Correction);
        Assert.Single(check.Correction!.Split(". ", StringSplitOptions.None));
    }

    [Fact]
    public void The_corrections_say_what_a_p_value_is_and_count_the_false_positives()
    {
        Assert.StartsWith("A p-value is the probability of data at least this extreme if chance alone were at work",
            Reading("With p = 0.01 we can be 99% sure the effect is not due to chance.").Correction);
        // 1 − 0.95^20 = 64.2% (R: 1 - 0.95^20 = 0.6415140775)
        Assert.Contains("With 20 tests at α = 0.05 the chance of at least one false positive is 64.2%",
            Reading("We tested 20 foods and one was linked to acne (p < 0.05).").Finding);
        Assert.Contains("P(regular players | lottery winners)",
            Reading("As 70% of lottery winners are regular players, you are more likely to win if you are a regular player.").Correction);
    }

    [Theory]
    [InlineData("A p-value does not mean there is a 95% probability that the hypothesis is true.")]
    [InlineData("A common misconception is that p = 0.05 makes us 95% sure the effect is not due to chance.")]
    [InlineData("Many say there is a 99% chance that the hypothesis is correct. This is a misreading.")]
    [InlineData("In a study of 5 tosses, there is a 3% probability that the result is due to chance if the coin is fair.")]
    [InlineData("We tested 20 foods and one was linked to acne (p < 0.05) after a Holm correction.")]
    [InlineData("We tested 20 foods for taste.")]
    public void A_misreading_quoted_to_be_rejected_or_made_right_is_not_flagged(string text)
    {
        var check = Reading(text);
        Assert.False(check.IsFlagged, check.Finding);
    }
}
