using GraphRag.Claims.Formulas;

namespace GraphRag.Claims.Tests.Formulas;

/// <summary>Reference values: R 4.2.2, printed with sprintf("%.17g"); the R call is beside each number.</summary>
public class FormulaTests
{
    private static double Eval(string text) => Formula.Parse(text).Evaluate();

    [Theory]
    // As written in prose: em/en dashes and the minus sign are minus, × and a lone x are times, ² is a square.
    [InlineData("1/2 x 1/2 x 1/2 x 1/2 x 1/2", 0.03125)]
    [InlineData("(1/6 × 1/6)", 1.0 / 36)]
    [InlineData("(32 * 0.10) + (107 * -0.29) + (56 * -0.07) + (11.2 * 0.46)", -26.598)]
    [InlineData("— 26.6", -26.6)]
    [InlineData("(0 – 47.81)²", 2285.7961)]
    [InlineData("(400 – 200) divided by (4 – 2)", 100)]
    [InlineData("0 multiplied by 161", 0)]
    [InlineData("52 x 30", 1560)]
    [InlineData("1,560", 1560)]
    [InlineData("18/100", 0.18)]
    [InlineData("4 * -2", -8)]
    [InlineData("2 ** 10", 1024)]
    [InlineData("2^3^2", 512)]
    [InlineData("-2^2", -4)]
    [InlineData("2^-1", 0.5)]
    [InlineData("5!", 120)]
    [InlineData("1e-3 * 2", 0.002)]
    [InlineData(".5 + .25", 0.75)]
    public void Arithmetic_as_written_in_prose(string text, double expected) => Assert.Equal(expected, Eval(text), 10);

    [Fact]
    public void Percentages_are_fractions()
    {
        // R: 0.11/0.0007 = 157.14285714285714
        Assert.Equal(157.14285714285714, Eval("11%/0.07%"), 10);
        Assert.Equal(0.025, Eval("50% * 5%"), 12);
    }

    [Fact]
    public void The_dice_formula_with_its_variable_matches_R()
    {
        var formula = Formula.Parse("1 — (5/6)^n — n*(1/6)*(5/6)^(n-1)");
        Assert.Equal(["n"], formula.Variables);
        // R: 1 - (5/6)^12 - 12*(1/6)*(5/6)^11 = 0.61866737373230851 (= 1 - pbinom(1, 12, 1/6) to 1e-16)
        Assert.Equal(0.61866737373230851, formula.Evaluate("n", 12), 14);
        Assert.Equal(0.61866737373230862, Eval("1 - pbinom(1, 12, 1/6)"), 12);
    }

    [Theory]
    [InlineData("choose(12, 2)", 66)]                           // R: choose(12,2)
    [InlineData("12 choose 2", 66)]
    [InlineData("C(12,2) * (1/6)^2 * (5/6)^10", 0.29609356863138381)] // R: dbinom(2, 12, 1/6)
    [InlineData("dbinom(2, 12, 1/6)", 0.29609356863138381)]
    [InlineData("pbinom(1, 12, 1/6)", 0.38133262626769138)]     // R: pbinom(1, 12, 1/6)
    [InlineData("choose(50, 25)", 126410606437752)]             // R: choose(50,25)
    [InlineData("factorial(10)", 3628800)]                      // R: factorial(10)
    [InlineData("pnorm(1.96)", 0.97500210485177963)]            // R: pnorm(1.96)
    [InlineData("pnorm(110, 100, 15)", 0.74750746245307709)]    // R: pnorm(110, 100, 15)
    [InlineData("qnorm(0.975)", 1.9599639845400536)]            // R: qnorm(0.975)
    [InlineData("qnorm(0.9, 100, 15)", 119.22327348316901)]     // R: qnorm(0.9, 100, 15)
    [InlineData("sqrt(2)", 1.4142135623730951)]
    [InlineData("log(10)", 2.3025850929940459)]                 // R: log(10), natural
    public void Functions_are_named_as_in_R(string text, double expected) =>
        Assert.Equal(1, Eval(text) / expected, 12);

    [Fact]
    public void Large_binomial_coefficients_go_through_log_gamma()
    {
        // R: choose(100, 50) = 1.0089134454556308e+29
        Assert.Equal(1, Eval("choose(100, 50)") / 1.0089134454556308e+29, 10);
    }

    [Fact]
    public void A_comma_inside_a_function_separates_arguments_and_outside_groups_thousands()
    {
        Assert.Equal(0, Eval("choose(10,100)"));
        Assert.Equal(10_000, Eval("10,000"));
    }

    [Fact]
    public void Computes_tells_a_formula_from_a_bare_number()
    {
        Assert.False(Formula.Parse("-26.6").Computes);
        Assert.False(Formula.Parse("n").Computes);
        Assert.True(Formula.Parse("1/36").Computes);
        Assert.False(Formula.Parse("2.8%").Computes);
        Assert.True(Formula.Parse("11%/0.07%").Computes);
        Assert.True(Formula.Parse("5!").Computes);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("2 +", "ends where a number")]
    [InlineData("(1 + 2", "ends where ')'")]
    [InlineData("1 + 2)", "unexpected ')' at position 6")]
    [InlineData("2 $ 3", "unexpected '$' at position 3")]
    [InlineData("3 4", "unexpected '4' at position 3")]
    [InlineData("choose(5)", "choose takes 2 arguments, not 1")]
    [InlineData("1/0", "division by zero")]
    [InlineData("171!", "too large")]
    [InlineData("2.5!", "whole number")]
    [InlineData("sqrt(-1)", "negative")]
    [InlineData("log(0)", "non-positive")]
    [InlineData("(-8)^(1/3)", "fractional power")]
    [InlineData("10^400", "too large to represent")]
    [InlineData("pbinom(1, 12, 1.5)", "probability between 0 and 1")]
    [InlineData("qnorm(1)", "strictly between 0 and 1")]
    [InlineData("n + 1", "'n' has no value")]
    public void Bad_input_is_refused_with_the_reason(string text, string reason)
    {
        var error = Assert.Throws<FormulaException>(() => Eval(text));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Size_and_nesting_are_bounded_so_no_input_exhausts_the_stack()
    {
        Assert.Contains("at most 500 characters", Assert.Throws<FormulaException>(() => Formula.Parse(new string('1', 501))).Message);
        Assert.Contains("nest at most 32", Assert.Throws<FormulaException>(() => Formula.Parse(new string('(', 40) + "1" + new string(')', 40))).Message);
        Assert.Contains("nest at most 32", Assert.Throws<FormulaException>(() => Formula.Parse(new string('-', 40) + "1")).Message);
        Assert.Contains("at most 256 parts", Assert.Throws<FormulaException>(() => Formula.Parse(string.Join("+", Enumerable.Repeat("1", 200)))).Message);
    }

    [Fact]
    public void Names_are_never_resolved_to_anything_but_known_functions_and_variables()
    {
        // A name that is not a known function is a variable; calling it is a syntax error, not a call.
        Assert.Throws<FormulaException>(() => Formula.Parse("System(1)").Evaluate(new Dictionary<string, double> { ["System"] = 1 }));
        Assert.False(Formula.TryParse("File.Delete(1)", out _));
    }
}
