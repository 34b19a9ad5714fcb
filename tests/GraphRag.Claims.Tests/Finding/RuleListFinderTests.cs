namespace GraphRag.Claims.Tests.Finding;

public class RuleListFinderTests
{
    private const string Formula = "\n\n> n is the number of dice\n>\n> So the complete formula is: 1 — (5/6)^n — n*(1/6)*(5/6)^(n-1)";

    [Fact]
    public void Each_list_item_becomes_a_claim_on_the_formula_beside_the_list_at_its_own_x()
    {
        const string text = "The odds rise:\n\n- 3 dice: ≈ 7.4%\n- 4 dice: ≈ 14.4%\n- 12 dice: ≈ 80%*" + Formula;
        var items = ClaimFinder.Find(text).Where(c => c.Kind == ClaimKind.Calculation).ToList();
        Assert.Equal(["3 dice: ≈ 7.4%", "4 dice: ≈ 14.4%", "12 dice: ≈ 80%"], items.Select(c => c.Text));
        Assert.All(items, c => Assert.Equal("1 — (5/6)^n — n*(1/6)*(5/6)^(n-1)", c.Calculation!.Formula.Trim()));
        Assert.Equal([3.0, 4.0, 12.0], items.Select(c => c.Calculation!.Variables["n"]));
        Assert.Equal(["7.4%", "14.4%", "80%"], items.Select(c => c.Calculation!.Stated.Single()));
    }

    [Fact]
    public void The_formula_that_reproduces_items_wins_over_other_formulas_nearby()
    {
        // Two formulas in n; only the second gives 7.4% for 3 dice (R: 1 - pbinom(1, 3, 1/6) = 0.0741).
        const string text = "- 3 dice: ≈ 7.4%\n- 4 dice: ≈ 13.2%\n- 5 dice: ≈ 19.6%\n\n> P(zero ones) = (5/6)^n\n> P(at least two) = 1 - (5/6)^n - n*(1/6)*(5/6)^(n-1)";
        var items = ClaimFinder.Find(text).Where(c => c.Kind == ClaimKind.Calculation).ToList();
        Assert.Equal(3, items.Count);
        Assert.All(items, c => Assert.Equal("1 - (5/6)^n - n*(1/6)*(5/6)^(n-1)", c.Calculation!.Formula.Trim()));
    }

    [Fact]
    public void A_list_with_no_formula_that_fits_is_left_as_percentages()
    {
        const string text = "- 3 dice: ≈ 50%\n- 4 dice: ≈ 60%\n- 5 dice: ≈ 70%\n\n> P(zero ones) = (5/6)^n";
        Assert.DoesNotContain(ClaimFinder.Find(text), c => c.Kind == ClaimKind.Calculation);
    }

    [Fact]
    public void A_formula_that_reproduces_no_item_is_not_taken_for_the_rule_even_with_its_variable_defined()
    {
        // (5/6)^n is a step on the way (P(zero ones)): 57.9% for 3 dice, matching no item.
        const string text = "- 3 dice: ≈ 7.4%\n- 4 dice: ≈ 14.4%\n- 5 dice: ≈ 23%\n\n> P(zero ones) = (5/6)^n\n>\n> n is the number of dice";
        Assert.DoesNotContain(ClaimFinder.Find(text), c => c.Kind == ClaimKind.Calculation);
    }

    [Fact]
    public void Markdown_emphasis_and_escapes_around_the_list_and_formula_are_read_through()
    {
        // The corpus file's own Markdown: "*   12 dice: ≈ 80%\*" and "**1 — (5/6)^n — n\*(1/6)\*(5/6)^(n-1)**".
        const string text = "*   3 dice: ≈ 7.4%\n*   4 dice: ≈ 14.4%\n*   12 dice: ≈ 80%\\*\n\n> So the complete formula is: **1 — (5/6)^n — n\\*(1/6)\\*(5/6)^(n-1)**";
        var items = ClaimFinder.Find(text).Where(c => c.Kind == ClaimKind.Calculation).ToList();
        Assert.Equal(["3 dice: ≈ 7.4%", "4 dice: ≈ 14.4%", "12 dice: ≈ 80%"], items.Select(c => c.Text));
        Assert.All(items, c => Assert.Equal("1 — (5/6)^n — n*(1/6)*(5/6)^(n-1)", c.Calculation!.Formula.Trim()));
    }

    [Fact]
    public void Two_items_are_not_a_list() =>
        Assert.DoesNotContain(ClaimFinder.Find("- 3 dice: ≈ 7.4%\n- 4 dice: ≈ 14.4%" + Formula), c => c.Kind == ClaimKind.Calculation);
}
