using System.Net;
using System.Text;
using static GraphRag.Evaluation.Reports.Figures;

namespace GraphRag.Evaluation.Reports;

/// <summary>report.html: one self-contained page (inline CSS and SVG, no scripts, nothing fetched) that opens offline.</summary>
public static class HtmlReport
{
    public static string Render(EvalResults results, IReadOnlyList<Comparison>? againstBefore = null)
    {
        var k = results.K;
        var modes = results.Modes.Select(m => m.Mode).ToList();
        var metrics = EvalSummary.HeadlineMetrics(k).Append("map").ToList();
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Retrieval evaluation: {{E(results.Dataset)}}</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; line-height: 1.4; }
            table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }
            th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: right; }
            th:first-child, td:first-child, td.text { text-align: left; }
            .improvement { color: #0a7a0a; font-weight: 600; } .regression { color: #b3140a; font-weight: 600; }
            figure { margin: 1rem 0; overflow-x: auto; } figcaption { color: #555; font-size: 0.85rem; }
            </style></head><body>
            <h1>Retrieval evaluation: {{E(results.Dataset)}}</h1>
            <p>{{results.Queries}} queries, k = {{k}}, depth {{results.Depth}}, {{results.CreatedUtc:yyyy-MM-dd HH:mm}} UTC.
            Measures as trec_eval computes them; intervals are 95% BCa bootstrap intervals of the mean (10,000 resamples, seed 1).</p>
            """);
        html.Append("<h2>Averages</h2><table><tr><th>mode</th>");
        foreach (var metric in metrics)
            html.Append($"<th>{E(metric)} [95% CI]</th>");
        html.Append($"<th>P@{k}</th><th>success@{k}</th><th>search time</th></tr>");
        foreach (var mode in results.Modes)
        {
            html.Append($"<tr><td>{E(mode.Mode)}</td>");
            foreach (var metric in metrics)
            {
                var i = mode.Intervals[metric];
                html.Append($"<td>{F(i.Mean)} [{F(i.Low)}, {F(i.High)}]</td>");
            }
            html.Append($"<td>{F(mode.Averages[$"P@{k}"])}</td><td>{F(mode.Averages[$"success@{k}"])}</td><td>{F(mode.SearchSeconds, "F2")} s</td></tr>");
        }
        html.Append("</table>");
        html.Append("<figure>").Append(SvgCharts.BarsWithIntervals("Mean per mode", "metric", "mean over queries", metrics, modes,
                (g, s) => results.Modes[s].Intervals[metrics[g]]))
            .Append("<figcaption>Mean per mode with 95% intervals.</figcaption></figure>");
        html.Append("<figure>").Append(SvgCharts.Curves($"Recall@1…{k}", "k", "recall@k", modes, results.Modes.Select(m => m.RecallCurve).ToList()))
            .Append($"<figcaption>Recall@1…{k} per mode.</figcaption></figure>");

        AppendComparisons(html, "Paired comparisons between modes", results.Comparisons, results, k);
        if (againstBefore is not null)
            AppendComparisons(html, "Against the previous results", againstBefore, null, k);

        html.Append($"<h2>Per query</h2><table><tr><th>query</th>");
        foreach (var mode in modes)
            html.Append($"<th>{E(mode)} nDCG@{k}</th><th>{E(mode)} recall@{k}</th><th>{E(mode)} RR</th>");
        html.Append("<th>question</th></tr>");
        for (var q = 0; q < results.Modes.FirstOrDefault()?.PerQuery.Count; q++)
        {
            html.Append($"<tr><td>{E(results.Modes[0].PerQuery[q].Id)}</td>");
            foreach (var mode in results.Modes)
                html.Append($"<td>{F(mode.PerQuery[q].Ndcg)}</td><td>{F(mode.PerQuery[q].Recall)}</td><td>{F(mode.PerQuery[q].Mrr)}</td>");
            html.Append($"<td class=\"text\">{E(results.Modes[0].PerQuery[q].Text)}</td></tr>");
        }
        html.Append("</table></body></html>\n");
        return html.ToString();
    }

    private static void AppendComparisons(StringBuilder html, string title, IReadOnlyList<Comparison> comparisons, EvalResults? results, int k)
    {
        if (comparisons.Count == 0)
            return;
        html.Append($"<h2>{E(title)}</h2><p>Randomisation test (10,000 seeded sign flips) and paired t-test, Holm-adjusted across the rows; " +
                    "A − B with a 95% bootstrap interval; d<sub>z</sub> = Cohen's standardized paired difference.</p>");
        html.Append("<table><tr><th>A</th><th>B</th><th>metric</th><th>A − B [95% CI]</th><th>d<sub>z</sub></th><th>p randomisation (Holm)</th><th>p t-test (Holm)</th><th>verdict</th></tr>");
        foreach (var c in comparisons)
        {
            var css = c.Verdict is "improvement" or "regression" ? $" class=\"{c.Verdict}\"" : "";
            html.Append($"<tr><td>{E(c.A)}</td><td>{E(c.B)}</td><td>{E(c.Metric)}</td><td>{Signed(c.MeanDifference)} [{Signed(c.CiLow)}, {Signed(c.CiHigh)}]</td>" +
                        $"<td>{F(c.CohensDz, "F2")}</td><td>{P(c.RandomizationPHolm)}</td><td>{P(c.TTestPHolm)}</td><td{css}>{E(c.Verdict)}</td></tr>");
        }
        html.Append("</table>");
        if (results is null)
            return;
        foreach (var pair in comparisons.Where(c => c.Metric == EvalResults.NdcgName(k)))
        {
            var a = results.Modes.First(m => m.Mode == pair.A);
            var b = results.Modes.First(m => m.Mode == pair.B);
            var rows = a.PerQuery.Zip(b.PerQuery, (x, y) => (x.Id, x.Ndcg - y.Ndcg)).ToList();
            html.Append("<figure>").Append(SvgCharts.Differences($"nDCG@{k}: {pair.A} − {pair.B}, per query", $"nDCG@{k} difference", rows))
                .Append("<figcaption>Green: A better on that query; red: B better.</figcaption></figure>");
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
