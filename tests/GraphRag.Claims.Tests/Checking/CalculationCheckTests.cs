namespace GraphRag.Claims.Tests.Checking;

public class CalculationCheckTests
{
    private static ClaimCheck Calculation(string text) =>
        Assert.Single(ClaimChecker.CheckAll(text), c => c.Claim.Kind == ClaimKind.Calculation);

    [Theory]
    [InlineData("(1/6 × 1/6) = 1/36, or 2.8%")]            // 2.78%
    [InlineData("There’s a 1/2 x 1/2 x 1/2 x 1/2 x 1/2 = 3.1% chance")] // 3.125%
    [InlineData("(0.7 * 0.8) + (0.7 * 0.9) = 1.19")]
    [InlineData("the squared difference is (0 – 47.81)², which equals 2286.")] // 2285.8
    [InlineData("That is 1,560 (52 x 30) numbers.")]
    public void A_value_that_agrees_to_its_rounding_is_not_flagged(string text)
    {
        var check = Calculation(text);
        Assert.False(check.IsFlagged, check.Finding);
        Assert.True(check.Recomputation!.Agrees);
        Assert.Equal("ok", check.Verdict);
    }

    [Fact]
    public void A_wrong_value_is_flagged_with_the_recomputed_value_and_the_difference()
    {
        var check = Calculation("So 1/2 x 1/2 x 1/2 = 15% of the time.");
        Assert.Equal([ClaimFlag.WrongValue], check.Flags);
        Assert.Equal(0.125, check.Recomputation!.Recomputed, 12);
        Assert.Equal(0.15, check.Recomputation.StatedValue, 12);
        Assert.Equal(0.025, check.Recomputation.Difference, 12);
        Assert.Contains("gives 12.5%, not 15%: the stated value is 2.5 percentage points higher", check.Finding);
        Assert.Equal("By its own formula the value is 12.5%, not 15%.", check.Correction);
    }

    [Fact]
    public void One_unit_of_the_last_stated_digit_is_the_tolerance()
    {
        // 2/3 = 66.67%: "67%" and the truncated "66%" pass, "65%" does not; "66.5%" (one decimal) does not either.
        Assert.False(Calculation("2/3 = 67%").IsFlagged);
        Assert.False(Calculation("2/3 = 66%").IsFlagged);
        Assert.True(Calculation("2/3 = 65%").IsFlagged);
        Assert.True(Calculation("2/3 = 66.5%").IsFlagged);
    }

    [Fact]
    public void Every_value_of_a_chain_is_checked()
    {
        var check = Calculation("(1/6 × 1/6) = 1/36, or 3.8%");
        Assert.Equal([ClaimFlag.WrongValue], check.Flags);
        Assert.Equal("3.8%", check.Recomputation!.Stated);
    }

    [Fact]
    public void A_formula_that_cannot_be_evaluated_is_reported_not_flagged()
    {
        var check = Calculation("so (1/0) = 5 here");
        Assert.False(check.IsFlagged);
        Assert.Contains("cannot be evaluated: division by zero", check.Finding);
    }

    [Fact]
    public void A_percentage_is_checked_against_the_count_in_its_sentence()
    {
        var checks = ClaimChecker.CheckAll("This has a 31% probability because it appears 22 times out of the 72 possible sequences. " +
                                           "It ends here 40% of the time, as 50 out of the 232 sequences end.");
        var agrees = checks.Single(c => c.Claim.Text == "31%");
        Assert.False(agrees.IsFlagged);
        Assert.Equal(22.0 / 72, agrees.Recomputation!.Recomputed, 12);
        var wrong = checks.Single(c => c.Claim.Text == "40%");
        Assert.Equal([ClaimFlag.WrongValue], wrong.Flags);
        Assert.Contains("50 out of 232 is 21.55%", wrong.Finding);
    }

    [Fact]
    public void A_rate_and_the_percentage_derived_from_it_are_compared()
    {
        var ok = Assert.Single(ClaimChecker.CheckAll("That’s an extra 14 extra cases of cancer per 10,000 people, or 0.14%."));
        Assert.True(ok.Recomputation!.Agrees, ok.Finding);
        var wrong = Assert.Single(ClaimChecker.CheckAll("That’s an extra 14 extra cases of cancer per 10,000 people, or 1.4%."));
        Assert.Equal([ClaimFlag.WrongValue], wrong.Flags);
        Assert.Contains("a rate of 0.14%, not 1.4%", wrong.Finding);
    }
}
