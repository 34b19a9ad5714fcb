namespace GraphRag.Statistics;

/// <summary>
/// The line in the sand, with the reason it was drawn there. A threshold is a choice, not a law of
/// nature: 0.05 "because everyone does" is a reason too, but it has to be written down.
/// </summary>
public sealed record SignificanceThreshold
{
    public SignificanceThreshold(double alpha, string reason)
    {
        Guard.Probability(alpha, "alpha", openInterval: false);
        if (string.IsNullOrWhiteSpace(reason))
            throw new ArgumentException("A significance threshold needs a reason (who chose it, and why this level for this decision).", nameof(reason));
        Alpha = alpha;
        Reason = reason.Trim();
    }

    public double Alpha { get; }
    public string Reason { get; }

    /// <summary>The confidence level the threshold corresponds to (1 − α).</summary>
    public double RequiredConfidence => 1 - Alpha;
}

/// <summary>
/// The smallest effect that would matter, on the scale of a named effect (e.g. Cohen's d 0.2, or a
/// relative risk of 1.1). Ratios are judged symmetrically: a bound of 1.25 also covers 0.8.
/// </summary>
public sealed record Relevance(string EffectName, double SmallestEffectOfInterest, string Reason)
{
    /// <summary>Conventional bounds for standardized effects, used when the caller gives none.</summary>
    public static Relevance? ConventionalFor(EffectSize effect)
    {
        var name = effect.Name;
        if (name.StartsWith("Cohen's d", StringComparison.Ordinal) || name.StartsWith("Hedges' g", StringComparison.Ordinal))
            return new Relevance(name, 0.2, "Cohen's (1988) convention for a small standardized effect");
        if (name.StartsWith("Cliff's delta", StringComparison.Ordinal))
            return new Relevance(name, 0.147, "Romano et al. (2006): |δ| < 0.147 is negligible");
        if (name.StartsWith("matched-pairs rank-biserial", StringComparison.Ordinal))
            return new Relevance(name, 0.1, "Cohen's (1988) convention for a small correlation");
        return null;
    }

    public bool IsNegligible(EffectSize effect, double value)
    {
        if (effect.IsRatio)
        {
            var bound = SmallestEffectOfInterest >= 1 ? SmallestEffectOfInterest : 1 / SmallestEffectOfInterest;
            return value > 0 && Math.Max(value, 1 / value) < bound;
        }
        return Math.Abs(value - effect.NullValue) < Math.Abs(SmallestEffectOfInterest);
    }
}
