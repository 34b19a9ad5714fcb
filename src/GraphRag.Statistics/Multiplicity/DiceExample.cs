namespace GraphRag.Statistics;

/// <summary>
/// The worked case from "The Statistical Significance Scam": two ones from two dice is a 1-in-36
/// (2.8 %) event, yet throw more dice and "at least two ones" soon becomes likely. The chance is
/// 1 − (5/6)^n − n·(1/6)·(5/6)^(n−1), computed here as a binomial upper tail.
/// </summary>
public static class DiceExample
{
    /// <summary>P(at least <paramref name="atLeast"/> dice show <c>one</c>) when <paramref name="dice"/> fair dice with <paramref name="faces"/> faces are thrown.</summary>
    public static double ProbabilityOfAtLeast(int dice, int atLeast = 2, int faces = 6)
    {
        if (dice < 1) throw new ArgumentException($"The number of dice must be at least 1 (got {dice}).", nameof(dice));
        if (atLeast < 0) throw new ArgumentException($"The number of ones cannot be negative (got {atLeast}).", nameof(atLeast));
        if (faces < 2) throw new ArgumentException($"A die needs at least 2 faces (got {faces}).", nameof(faces));
        return Tails.BinomialUpper(atLeast, dice, 1.0 / faces);
    }

    /// <summary>The article's closed form for "at least two ones", kept to show the two computations agree.</summary>
    public static double ArticleFormula(int dice) =>
        1 - Math.Pow(5.0 / 6, dice) - dice * (1.0 / 6) * Math.Pow(5.0 / 6, dice - 1);

    /// <summary>The chance for 2..<paramref name="maxDice"/> dice, as the article's list.</summary>
    public static IReadOnlyList<(int Dice, double Probability)> Table(int maxDice) =>
        Enumerable.Range(2, Math.Max(0, maxDice - 1)).Select(n => (n, ProbabilityOfAtLeast(n))).ToArray();
}
