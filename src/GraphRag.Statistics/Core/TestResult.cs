namespace GraphRag.Statistics;

/// <summary>
/// The outcome of one significance test: the statistic, the p-value and the primary effect size
/// with its interval. <see cref="Confidence"/> is 1 − p: how surprising the data would be if only
/// chance were at work, not the probability that the claim is true.
/// </summary>
public sealed record TestResult(string MethodName, string StatisticName, double Statistic, double PValue, EffectSize Effect)
{
    public Alternative Alternative { get; init; } = Alternative.TwoSided;

    public double? DegreesOfFreedom { get; init; }

    /// <summary>Further effect sizes on other scales (e.g. Cohen's d beside a mean difference).</summary>
    public IReadOnlyList<EffectSize> SecondaryEffects { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    public double Confidence => 1 - PValue;
}
