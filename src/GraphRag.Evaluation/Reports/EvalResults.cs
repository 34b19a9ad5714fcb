namespace GraphRag.Evaluation.Reports;

/// <summary>A mean with its 95% interval.</summary>
public sealed record Interval(double Mean, double Low, double High);

/// <summary>One query's figures in one mode. <see cref="Measures"/> holds every trec_eval measure by its printed name.</summary>
public sealed record QueryScore(string Id, string Text, double Ndcg, double Recall, double Mrr, IReadOnlyDictionary<string, double> Measures)
{
    /// <summary>The value of one of <see cref="EvalSummary.HeadlineMetrics"/>.</summary>
    public double Headline(string metric, int k) =>
        metric == EvalResults.NdcgName(k) ? Ndcg
        : metric == EvalResults.RecallName(k) ? Recall
        : metric == EvalResults.MrrName ? Mrr
        : throw new ArgumentException($"{metric} is not a headline metric (ndcg@{k}, recall@{k}, mrr).");
}

/// <summary>One mode's figures over an eval set (the "@k" names use the run's k).</summary>
public sealed record ModeResult(
    string Mode,
    double SearchSeconds,
    IReadOnlyDictionary<string, double> Averages,
    IReadOnlyDictionary<string, Interval> Intervals,
    IReadOnlyList<double> RecallCurve,
    IReadOnlyList<QueryScore> PerQuery,
    IReadOnlyList<string> FailedQueries);

/// <summary>A paired comparison of two modes on one metric, over the same queries.</summary>
public sealed record Comparison(
    string A,
    string B,
    string Metric,
    int Queries,
    double MeanDifference,
    double CiLow,
    double CiHigh,
    double CohensDz,
    double RandomizationP,
    double TTestP,
    double RandomizationPHolm,
    double TTestPHolm)
{
    /// <summary>True when B is an earlier run of the same mode (`eval --compare`), false when A and B are two modes.</summary>
    public bool AgainstBefore { get; init; }

    /// <summary>
    /// Whether the Holm-adjusted randomisation test holds at 0.05: against an earlier run "improvement" or
    /// "regression"; between modes "A better" or "B better" (with their names); otherwise "no significant change".
    /// </summary>
    public string Verdict => RandomizationPHolm >= 0.05 || MeanDifference == 0 ? "no significant change"
        : AgainstBefore ? (MeanDifference > 0 ? "improvement" : "regression")
        : $"{(MeanDifference > 0 ? A : B)} better";
}

/// <summary>Everything one `eval` run produced; written as results.json and read back by `eval --compare`.</summary>
public sealed record EvalResults(
    string Dataset,
    int K,
    int Depth,
    int Queries,
    DateTimeOffset CreatedUtc,
    IReadOnlyList<ModeResult> Modes,
    IReadOnlyList<Comparison> Comparisons)
{
    public static string NdcgName(int k) => $"ndcg@{k}";
    public static string RecallName(int k) => $"recall@{k}";
    public const string MrrName = "mrr";
}
