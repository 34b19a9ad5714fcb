using GraphRag.Evaluation.Beir;
using GraphRag.Evaluation.Runs;
using GraphRag.Statistics;

namespace GraphRag.Evaluation.Reports;

/// <summary>
/// Turns mode runs into <see cref="EvalResults"/>: averages with 95% bootstrap intervals (BCa,
/// 10,000 resamples, seed 1) and paired comparisons of every two modes on nDCG@k, recall@k and MRR
/// (randomisation test and paired t-test, Holm-adjusted across all comparisons; mean difference with
/// a bootstrap interval and Cohen's d_z). All of it comes from GraphRag.Statistics.
/// </summary>
public static class EvalSummary
{
    public const int Resamples = 10_000;
    public const int Seed = 1;

    public static EvalResults Summarize(string dataset, int k, int depth, IReadOnlyList<EvalQuery> queries, IReadOnlyList<ModeRun> runs)
    {
        var modes = runs.Select(r => Mode(r, queries, k)).ToList();
        return new EvalResults(dataset, k, depth, queries.Count, DateTimeOffset.UtcNow, modes, CompareModes(modes, k));
    }

    public static IReadOnlyList<string> HeadlineMetrics(int k) => [EvalResults.NdcgName(k), EvalResults.RecallName(k), EvalResults.MrrName];

    private static ModeResult Mode(ModeRun run, IReadOnlyList<EvalQuery> queries, int k)
    {
        var perQuery = queries.Select(q =>
        {
            var m = run.Scores.PerQuery[q.Id];
            return new QueryScore(q.Id, q.Text, m[$"ndcg_cut_{k}"], m[$"recall_{k}"], m["recip_rank"], m);
        }).ToList();
        var columns = new Dictionary<string, Func<QueryScore, double>>
        {
            [EvalResults.NdcgName(k)] = s => s.Ndcg,
            [EvalResults.RecallName(k)] = s => s.Recall,
            [EvalResults.MrrName] = s => s.Mrr,
            ["map"] = s => s.Measures["map"],
            [$"P@{k}"] = s => s.Measures[$"P_{k}"],
            [$"success@{k}"] = s => s.Measures[$"success_{k}"],
            ["ndcg"] = s => s.Measures["ndcg"],
        };
        var averages = columns.ToDictionary(c => c.Key, c => perQuery.Average(c.Value));
        var intervals = columns.Take(4).ToDictionary(c => c.Key, c => MeanInterval(perQuery.Select(c.Value).ToArray()));
        var curve = Enumerable.Range(1, k).Select(i => perQuery.Average(s => s.Measures[$"recall_{i}"])).ToList();
        return new ModeResult(run.Mode, run.SearchTime.TotalSeconds, averages, intervals, curve, perQuery, run.FailedQueries);
    }

    public static Interval MeanInterval(double[] values)
    {
        var mean = values.Average();
        if (values.Length < 2 || values.All(v => v == values[0]))
            return new Interval(mean, mean, mean);
        var result = Bootstrap.MeanInterval(values, Resamples, Seed);
        return new Interval(mean, result.CiLow, result.CiHigh);
    }

    private static IReadOnlyList<Comparison> CompareModes(IReadOnlyList<ModeResult> modes, int k)
    {
        var raw = new List<(string A, string B, string Metric, double[] X, double[] Y)>();
        for (var i = 0; i < modes.Count; i++)
            for (var j = i + 1; j < modes.Count; j++)
                foreach (var metric in HeadlineMetrics(k))
                    raw.Add((modes[i].Mode, modes[j].Mode, metric, Column(modes[i], metric, k), Column(modes[j], metric, k)));
        return Paired(raw);
    }

    /// <summary>Paired tests for each (a, b, metric) row, Holm-adjusted across all rows.</summary>
    public static IReadOnlyList<Comparison> Paired(IReadOnlyList<(string A, string B, string Metric, double[] X, double[] Y)> rows, bool againstBefore = false)
    {
        if (rows.Count == 0)
            return [];
        var tests = rows.Select(r => PairedTest(r.X, r.Y)).ToList();
        var randomizationHolm = MultipleComparisons.Holm(tests.Select(t => t.RandomizationP).ToList());
        var tHolm = MultipleComparisons.Holm(tests.Select(t => double.IsNaN(t.TTestP) ? 1.0 : t.TTestP).ToList());
        return rows.Select((r, i) => new Comparison(r.A, r.B, r.Metric, r.X.Length, tests[i].Difference.Mean,
            tests[i].Difference.Low, tests[i].Difference.High, tests[i].Dz, tests[i].RandomizationP, tests[i].TTestP,
            randomizationHolm[i], double.IsNaN(tests[i].TTestP) ? double.NaN : tHolm[i]) { AgainstBefore = againstBefore }).ToList();
    }

    public static double[] Column(ModeResult mode, string metric, int k) => mode.PerQuery.Select(s => s.Headline(metric, k)).ToArray();

    private static (Interval Difference, double Dz, double RandomizationP, double TTestP) PairedTest(double[] x, double[] y)
    {
        var differences = x.Zip(y, (a, b) => a - b).ToArray();
        var difference = MeanInterval(differences);
        if (differences.All(d => d == differences[0]))
        {
            // No spread in the differences: identical modes (p = 1) or a constant shift the t-test cannot assess.
            return differences[0] == 0 ? (difference, 0, 1, 1) : (difference, double.NaN, PairedTests.PermutationTest(x, y, Resamples, Seed).PValue, double.NaN);
        }
        var permutation = PairedTests.PermutationTest(x, y, Resamples, Seed);
        var t = PairedTests.TTest(x, y);
        var dz = t.SecondaryEffects.FirstOrDefault()?.Value ?? double.NaN;
        return (difference, dz, permutation.PValue, t.PValue);
    }
}
