namespace GraphRag.Statistics;

/// <summary>
/// How big an effect is, with a confidence interval. <see cref="NullValue"/> is the value meaning
/// "no effect" (0 for differences, 1 for ratios), so a report can tell whether the interval includes it.
/// </summary>
public sealed record EffectSize(string Name, double Value, double CiLow, double CiHigh)
{
    public double ConfidenceLevel { get; init; } = 0.95;

    public double NullValue { get; init; }

    /// <summary>How the interval was computed (e.g. "Welch t", "Wald on log scale", "percentile bootstrap, 2000 resamples, seed 1").</summary>
    public string CiMethod { get; init; } = "";

    /// <summary>Anything a reader must know to read the numbers (e.g. an interval through infinity).</summary>
    public string? Note { get; init; }

    public bool IsRatio => NullValue == 1;

    public bool IntervalIncludesNull => CiLow <= NullValue && NullValue <= CiHigh;
}
