namespace GraphRag.Claims.Tests.Finding;

public class CalculationFinderTests
{
    private static List<Claim> Calculations(string text) =>
        ClaimFinder.Find(text).Where(c => c.Kind == ClaimKind.Calculation).ToList();

    [Fact]
    public void An_equality_chain_keeps_the_formula_and_every_value_the_text_gives_for_it()
    {
        const string text = "The odds of two ones is (1/6 × 1/6) = 1/36, or 2.8%; rare.";
        var claim = Assert.Single(Calculations(text));
        Assert.Equal("(1/6 × 1/6)", claim.Calculation!.Formula);
        Assert.Equal(["1/36", "2.8%"], claim.Calculation.Stated);
        Assert.Equal("(1/6 × 1/6) = 1/36, or 2.8%", claim.Text);
        Assert.Equal(claim.Text, text.Substring(claim.Start, claim.Length));
    }

    [Fact]
    public void Assignments_to_named_values_give_only_their_arithmetic()
    {
        var claims = Calculations("Therefore, a = 4, b = -2, c = 4 * -2 = -8, d = 5, and e = -8 + 5 = -3.");
        Assert.Equal([("4 * -2", "-8"), ("-8 + 5", "-3")], claims.Select(c => (c.Calculation!.Formula, c.Calculation.Stated.Single())));
    }

    [Theory]
    [InlineData("(400 – 200) divided by (4 – 2), which equals 100", "(400 – 200) divided by (4 – 2)", "100")]
    [InlineData("the squared difference is (0 – 47.81)², which equals 2286.", "(0 – 47.81)²", "2286")]
    [InlineData("so: (32 * 0.10) + (107 * -0.29) = — 27.83", "(32 * 0.10) + (107 * -0.29)", "— 27.83")]
    [InlineData("I don't want to paste 1,560 (52 x 30) numbers.", "52 x 30", "1,560")]
    [InlineData("“a” will appear 18% (18/100) of the time", "18/100", "18%")]
    public void Finds_formulas_as_prose_writes_them(string text, string formula, string stated)
    {
        var claim = Assert.Single(Calculations(text));
        Assert.Equal(formula, claim.Calculation!.Formula);
        Assert.Equal(stated, claim.Calculation.Stated.Single());
    }

    [Theory]
    [InlineData("a.value += -a.grad * 0.1 =>  4 += -(-2 * 0.1) = 4 + 0.2 = 4.2")] // program code
    [InlineData("The weight is y = 100x for x slices.")]                          // algebra, a variable
    [InlineData("P1 X A1 = Z1 → Position [1,1] = 11")]                            // matrix positions
    [InlineData("+ P3 (1,3) * Z1(3,1) + b(1) = 11, where b is bias.")]            // b(1) is a name, not a bracket
    [InlineData("the derivative of 8 m/s at t = 4s (2 * 4)")]                     // 4s is a value with a unit
    [InlineData("around a tenth (11%) of all deaths")]                            // nothing computed
    [InlineData("if p <= 0.05 and n >= 30")]                                      // inequalities
    public void Code_algebra_and_names_are_not_calculations(string text) => Assert.Empty(Calculations(text));

    [Fact]
    public void A_relative_claim_computed_in_the_text_keeps_its_calculation()
    {
        var claim = Assert.Single(ClaimFinder.Find("Tobacco's rate is 11%/0.07% = 157 times greater than meat's."),
            c => c.Kind == ClaimKind.TimesMore);
        Assert.Equal("11%/0.07%", claim.Calculation!.Formula);
        Assert.Equal(["157"], claim.Calculation.Stated);
    }
}
