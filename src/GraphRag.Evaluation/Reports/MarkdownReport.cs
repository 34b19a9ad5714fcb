using System.Globalization;
using System.Text;
using static GraphRag.Evaluation.Reports.Figures;

namespace GraphRag.Evaluation.Reports;

/// <summary>report.md: the same figures as report.html, as Markdown tables.</summary>
public static class MarkdownReport
{
    public static string Render(EvalResults results, IReadOnlyList<Comparison>? againstBefore = null)
    {
        var k = results.K;
        var md = new StringBuilder();
        md.AppendLine($"# Retrieval evaluation: {results.Dataset}");
        md.AppendLine();
        md.AppendLine($"{results.Queries} queries, k = {k}, depth {results.Depth}, {results.CreatedUtc:yyyy-MM-dd HH:mm} UTC. " +
                      "Measures as trec_eval computes them; intervals are 95% BCa bootstrap intervals of the mean.");
        md.AppendLine();
        md.AppendLine($"| mode | nDCG@{k} | recall@{k} | MRR | MAP | P@{k} | success@{k} | search time |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var mode in results.Modes)
        {
            md.AppendLine($"| {mode.Mode} | {WithInterval(mode, EvalResults.NdcgName(k))} | {WithInterval(mode, EvalResults.RecallName(k))} | " +
                          $"{WithInterval(mode, EvalResults.MrrName)} | {WithInterval(mode, "map")} | {F(mode.Averages[$"P@{k}"])} | " +
                          $"{F(mode.Averages[$"success@{k}"])} | {mode.SearchSeconds.ToString("F2", CultureInfo.InvariantCulture)} s |");
        }
        AppendComparisons(md, "Paired comparisons between modes", results.Comparisons);
        if (againstBefore is not null)
            AppendComparisons(md, "Against the previous results", againstBefore);
        md.AppendLine();
        md.AppendLine("## Per query");
        md.AppendLine();
        md.AppendLine("| query | " + string.Join(" | ", results.Modes.Select(m => $"{m.Mode} nDCG@{k}")) + " | question |");
        md.AppendLine("|---|" + string.Concat(results.Modes.Select(_ => "---|")) + "---|");
        for (var i = 0; i < results.Modes.FirstOrDefault()?.PerQuery.Count; i++)
        {
            var query = results.Modes[0].PerQuery[i];
            md.AppendLine($"| {query.Id} | " + string.Join(" | ", results.Modes.Select(m => F(m.PerQuery[i].Ndcg))) + $" | {Escape(query.Text)} |");
        }
        return md.ToString();
    }

    private static void AppendComparisons(StringBuilder md, string title, IReadOnlyList<Comparison> comparisons)
    {
        if (comparisons.Count == 0)
            return;
        md.AppendLine();
        md.AppendLine($"## {title}");
        md.AppendLine();
        md.AppendLine("Randomisation test (10,000 seeded sign flips) and paired t-test, both Holm-adjusted across the rows of this table; " +
                      "the difference is A − B with a 95% bootstrap interval; d_z is Cohen's standardized paired difference.");
        md.AppendLine();
        md.AppendLine("| A | B | metric | A − B [95% CI] | d_z | p (randomisation, Holm) | p (t, Holm) | verdict |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var c in comparisons)
            md.AppendLine($"| {c.A} | {c.B} | {c.Metric} | {Signed(c.MeanDifference)} [{Signed(c.CiLow)}, {Signed(c.CiHigh)}] | {F(c.CohensDz, "F2")} | " +
                          $"{P(c.RandomizationPHolm)} | {P(c.TTestPHolm)} | {c.Verdict} |");
    }

    private static string WithInterval(ModeResult mode, string metric) =>
        mode.Intervals.TryGetValue(metric, out var i) ? $"{F(i.Mean)} [{F(i.Low)}, {F(i.High)}]" : F(mode.Averages[metric]);

    private static string Escape(string text) => text.Replace("|", "\\|").ReplaceLineEndings(" ");
}
