namespace GraphRag.Claims;

public enum ClaimKind
{
    /// <summary>"32% increased risk", "relative risk of 1.3", "odds ratio 2.1": an effect stated relative to a baseline.</summary>
    RelativeRisk,
    /// <summary>"157 times greater", "a 3-fold rise".</summary>
    TimesMore,
    /// <summary>"45 versus 59 cases per 10,000 people", "for every 10,000 people ... 45 were ..., while it was 59".</summary>
    RatePerPopulation,
    /// <summary>"7 out of 20", "1 in every 5".</summary>
    OutOf,
    /// <summary>"p = 0.03", "a p-value of 0.05".</summary>
    PValue,
    /// <summary>"statistically significant", "statistical significance".</summary>
    StatisticalSignificance,
    /// <summary>"95% confidence", "a significance threshold of 99.9999998%".</summary>
    ConfidenceLevel,
    /// <summary>Any other percentage.</summary>
    Percentage,
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

    public int End => Start + Length;

    public double? Number(string name) => Numbers.TryGetValue(name, out var value) ? value : null;
}
