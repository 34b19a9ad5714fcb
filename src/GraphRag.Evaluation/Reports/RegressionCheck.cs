namespace GraphRag.Evaluation.Reports;

/// <summary>
/// `eval --compare OLD.json`: for every mode in both runs, the paired difference now − before on
/// each headline metric over the queries both runs share, tested like mode comparisons (Holm across
/// all rows). A row is a regression or an improvement only when the adjusted test holds.
/// </summary>
public static class RegressionCheck
{
    public const string Before = " (before)";

    public static IReadOnlyList<Comparison> Compare(EvalResults before, EvalResults now)
    {
        if (before.Dataset != now.Dataset)
            throw new ArgumentException($"The old results are for data set '{before.Dataset}', this run for '{now.Dataset}'.");
        if (before.K != now.K)
            throw new ArgumentException($"The old results use k = {before.K}, this run k = {now.K}: run with --k {before.K} to compare.");
        var rows = new List<(string, string, string, double[], double[])>();
        foreach (var mode in now.Modes)
        {
            var old = before.Modes.FirstOrDefault(m => m.Mode == mode.Mode);
            if (old is null)
                continue;
            var oldById = old.PerQuery.ToDictionary(q => q.Id);
            var shared = mode.PerQuery.Where(q => oldById.ContainsKey(q.Id)).ToList();
            if (shared.Count < 2)
                continue;
            foreach (var metric in EvalSummary.HeadlineMetrics(now.K))
            {
                var x = shared.Select(q => q.Headline(metric, now.K)).ToArray();
                var y = shared.Select(q => oldById[q.Id].Headline(metric, now.K)).ToArray();
                rows.Add((mode.Mode, mode.Mode + Before, metric, x, y));
            }
        }
        if (rows.Count == 0)
            throw new ArgumentException("The old results share no mode (with at least two common queries) with this run.");
        return EvalSummary.Paired(rows, againstBefore: true);
    }
}
