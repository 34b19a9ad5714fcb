namespace GraphRag.Statistics.Tests.Multiplicity;

public class DiceExampleTests
{
    [Theory]
    // R: 1 - pbinom(1, c(2,3,4,5,6,7,8,12), 1/6)
    [InlineData(2, 0.02777777777777779)]
    [InlineData(3, 0.07407407407407407)]
    [InlineData(4, 0.13194444444444442)]
    [InlineData(5, 0.19624485596707819)]
    [InlineData(6, 0.26322445130315519)]
    [InlineData(7, 0.33020404663923197)]
    [InlineData(8, 0.39532309766041784)]
    [InlineData(12, 0.61866737373230862)]
    public void AtLeastTwoOnesMatchesR(int dice, double expected)
    {
        Data.Close(expected, DiceExample.ProbabilityOfAtLeast(dice), 1e-12);
        Data.Close(expected, DiceExample.ArticleFormula(dice), 1e-12);
    }

    [Fact]
    public void TheArticlesListOverstatesTheChanceFromFourDiceOn()
    {
        // The article's formula is right, but its list (4 dice ≈ 14.4%, 8 ≈ 51%, 12 ≈ 80%) does not follow from it:
        // the formula gives 13.2%, 39.5% and 61.9%. Its two-dice (2.8%) and three-dice (7.4%) values agree.
        Assert.Equal(0.028, DiceExample.ProbabilityOfAtLeast(2), 3);
        Assert.Equal(0.074, DiceExample.ProbabilityOfAtLeast(3), 3);
        Assert.NotEqual(0.144, DiceExample.ProbabilityOfAtLeast(4), 3);
        Assert.NotEqual(0.80, DiceExample.ProbabilityOfAtLeast(12), 2);
    }

    [Fact]
    public void TableListsEachDiceCount()
    {
        var table = DiceExample.Table(12);
        Assert.Equal(11, table.Count);
        Assert.Equal((2, DiceExample.ProbabilityOfAtLeast(2)), table[0]);
        Assert.True(table.Zip(table.Skip(1)).All(p => p.Second.Probability > p.First.Probability));
    }

    [Fact]
    public void ZeroDiceIsRejected() => Assert.Throws<ArgumentException>(() => DiceExample.ProbabilityOfAtLeast(0));
}
