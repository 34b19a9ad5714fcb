namespace GraphRag.Statistics;

public enum EvidenceWarningKind
{
    /// <summary>The threshold is met, but the effect is too small to matter (typical of huge samples).</summary>
    SignificantButNegligible,
    /// <summary>The estimate is big enough to matter, but the interval also allows a negligible or no effect.</summary>
    LargeButUncertain,
}

public sealed record EvidenceWarning(EvidenceWarningKind Kind, string Message);

/// <summary>
/// What a test result says, in the form the significance article asks for: confidence (1 − p) and the
/// effect size with its interval side by side, the threshold with its reason, and warnings for the two
/// classic misreadings. Never a bare "significant".
/// </summary>
public sealed record EvidenceReport
{
    public required string MethodName { get; init; }
    public required double PValue { get; init; }
    public double Confidence => 1 - PValue;
    public required EffectSize Effect { get; init; }
    /// <summary>The effect the warnings were judged on (a standardized one where the primary has no conventional bound).</summary>
    public EffectSize? JudgedEffect { get; init; }
    public required SignificanceThreshold Threshold { get; init; }
    public Relevance? Relevance { get; init; }
    public bool MeetsThreshold => PValue <= Threshold.Alpha;
    public required IReadOnlyList<EvidenceWarning> Warnings { get; init; }
    public required string Summary { get; init; }

    public const string PValueCaveat =
        "Confidence here is 1 − p: how unusual data like these would be if chance alone were at work. It is not the probability that the effect is real.";

    public static EvidenceReport Create(TestResult result, SignificanceThreshold threshold, Relevance? relevance = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(threshold);
        var effects = new[] { result.Effect }.Concat(result.SecondaryEffects).ToArray();
        var judged = relevance is null
            ? effects.FirstOrDefault(e => Relevance.ConventionalFor(e) is not null)
            : effects.FirstOrDefault(e => e.Name == relevance.EffectName) ?? result.Effect;
        relevance ??= judged is null ? null : Relevance.ConventionalFor(judged);

        var warnings = new List<EvidenceWarning>();
        var meets = result.PValue <= threshold.Alpha;
        if (judged is not null && relevance is not null)
        {
            var negligible = relevance.IsNegligible(judged, judged.Value);
            if (meets && negligible)
            {
                warnings.Add(new(EvidenceWarningKind.SignificantButNegligible,
                    $"Meets the threshold, but {judged.Name} = {judged.Value:G3} is below the smallest effect of interest ({relevance.SmallestEffectOfInterest:G3}: {relevance.Reason}). With enough data, any difference passes."));
            }
            var intervalReachesNegligible = relevance.IsNegligible(judged, judged.CiLow) || relevance.IsNegligible(judged, judged.CiHigh)
                || judged.IntervalIncludesNull;
            if (!negligible && intervalReachesNegligible)
            {
                warnings.Add(new(EvidenceWarningKind.LargeButUncertain,
                    $"{judged.Name} = {judged.Value:G3} would matter, but its {judged.ConfidenceLevel:P0} interval [{judged.CiLow:G3}, {judged.CiHigh:G3}] also allows a negligible effect: more data are needed to know how big it is."));
            }
        }

        var e = result.Effect;
        var summary =
            $"{result.MethodName}: confidence {Format.Percent(1 - result.PValue)} (p = {Format.P(result.PValue)}) that chance alone does not explain the data; " +
            $"{e.Name} = {e.Value:G4} [{e.ConfidenceLevel:P0} CI {e.CiLow:G4}, {e.CiHigh:G4}]. " +
            $"Threshold α = {threshold.Alpha:G3} ({threshold.Reason}): {(meets ? "met" : "not met")}.";
        return new EvidenceReport
        {
            MethodName = result.MethodName,
            PValue = result.PValue,
            Effect = e,
            JudgedEffect = judged,
            Threshold = threshold,
            Relevance = relevance,
            Warnings = warnings,
            Summary = summary,
        };
    }
}

/// <summary>Number formats for people: p-values never shown as 0, confidences as percentages.</summary>
public static class Format
{
    public static string P(double p) => p switch
    {
        0 => "< 1e-300",
        < 1e-4 => p.ToString("0.##e+0", System.Globalization.CultureInfo.InvariantCulture),
        _ => p.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
    };

    public static string Percent(double confidence)
    {
        var text = (confidence * 100).ToString(confidence > 0.999 ? "0.########" : "0.#", System.Globalization.CultureInfo.InvariantCulture);
        return text + "%";
    }
}
