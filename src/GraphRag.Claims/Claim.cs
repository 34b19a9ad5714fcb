namespace GraphRag.Claims;

public enum ClaimKind
{
    /// <summary>"32% increased risk", "relative risk of 1.3", "odds ratio 2.1": an effect stated relative to a baseline.</summary>
    RelativeRisk,
    /// <summary>"157 times greater", "a 3-fold rise".</summary>
    TimesMore,
    /// <summary>"45 versus 59 cases per 10,000 people", "for every 10,000 people ... 45 were ..., while it was 59".</summary>
    RatePerPopulation,
    /// <summary>"7 out of 20", "1 in every 5", "22 times out of the 72".</summary>
    OutOf,
    /// <summary>"p = 0.03", "a p-value of 0.05".</summary>
    PValue,
    /// <summary>"statistically significant", "statistical significance".</summary>
    StatisticalSignificance,
    /// <summary>"95% confidence", "a significance threshold of 99.9999998%".</summary>
    ConfidenceLevel,
    /// <summary>Any other percentage.</summary>
    Percentage,
    /// <summary>A value stated with what produces it: "(1/6 × 1/6) = 1/36, or 2.8%", "1,560 (52 x 30)", or an item of a list beside the formula that generates it ("4 dice: ≈ 14.4%").</summary>
    Calculation,
    /// <summary>A reading of a statistical result: what a p-value, a confidence, significance or a share is said to mean.</summary>
    Interpretation,
}

/// <summary>The known misreadings an <see cref="ClaimKind.Interpretation"/> claim may state.</summary>
public enum Misreading
{
    /// <summary>A p-value (or 1 − p) as the probability that a result is, or is not, due to chance.</summary>
    ProbabilityOfChance,
    /// <summary>A p-value or confidence level as the probability that the hypothesis is true.</summary>
    ProbabilityOfHypothesis,
    /// <summary>"Statistically significant, so important".</summary>
    SignificanceAsImportance,
    /// <summary>"Not significant, so no effect".</summary>
    NoSignificanceAsNoEffect,
    /// <summary>Significance found among many tests, with no correction for their number.</summary>
    MultipleComparisons,
    /// <summary>"88% of published papers are significant, so significant papers are more likely to be published": P(B | A) read as P(A | B).</summary>
    TransposedConditional,
}

/// <summary>
/// What a <see cref="ClaimKind.Calculation"/> claim states: the formula (as written in the text), the
/// values the text gives for it (each as written, e.g. "1/36" and "2.8%"), and the values of the
/// formula's variables (n = 4 for the list item "4 dice").
/// </summary>
public sealed record Calculation(string Formula, IReadOnlyList<string> Stated)
{
    public IReadOnlyDictionary<string, double> Variables { get; init; } = new Dictionary<string, double>();
}

/// <summary>
/// A quantitative claim found in a text, with its provenance: the character offsets of the match
/// (<see cref="Start"/>, <see cref="Length"/>) and of the sentence around it. <see cref="Numbers"/>
/// holds the parsed values under names that depend on the kind (e.g. "a", "b", "per").
/// </summary>
public sealed record Claim(ClaimKind Kind, string Text, int Start, int Length)
{
    public required string Sentence { get; init; }
    public required int SentenceStart { get; init; }
    public IReadOnlyDictionary<string, double> Numbers { get; init; } = new Dictionary<string, double>();

    /// <summary>For calculations, and for relative claims computed in the text ("11%/0.07% = 157 times"): the formula and the stated values.</summary>
    public Calculation? Calculation { get; init; }

    /// <summary>For interpretations: the misreading the wording states (the checker decides whether the text asserts it or rejects it).</summary>
    public Misreading? Misreading { get; init; }

    public int End => Start + Length;

    public double? Number(string name) => Numbers.TryGetValue(name, out var value) ? value : null;
}
