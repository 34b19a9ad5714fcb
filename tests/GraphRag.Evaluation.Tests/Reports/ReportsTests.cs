using GraphRag.Evaluation.Beir;
using GraphRag.Evaluation.Reports;
using GraphRag.Evaluation.Runs;
using GraphRag.Evaluation.Trec;
using GraphRag.Tests;

namespace GraphRag.Evaluation.Tests.Reports;

/// <summary>
/// Two modes over 30 queries, each with one relevant document d1: "good" ranks it first in 25 queries
/// (third in the rest), "weak" always third. nDCG@10 is then 1 or 1/log2(4) = 0.5 per query.
/// </summary>
public sealed class ReportsTests
{
    private const int K = 10;
    private static readonly IReadOnlyList<EvalQuery> Queries = Enumerable.Range(1, 30).Select(i => new EvalQuery($"q{i:00}", $"question {i}")).ToList();
    private static readonly Qrels Judgments = new(Queries.ToDictionary(q => q.Id, IReadOnlyDictionary<string, int> (_) => new Dictionary<string, int> { ["d1"] = 1 }));

    private static ModeRun Mode(string name, Func<int, bool> firstAtTop)
    {
        var run = new TrecRun(name);
        for (var i = 0; i < Queries.Count; i++)
        {
            string[] ranking = firstAtTop(i) ? ["d1", "x1", "x2"] : ["x1", "x2", "d1"];
            for (var r = 0; r < ranking.Length; r++)
                run.Add(Queries[i].Id, ranking[r], ranking.Length - r);
        }
        var measures = TrecMeasureSet.Default.WithCutoff(K).WithRecallCurve(K);
        return new ModeRun(name, run, TrecEvaluation.Evaluate(Judgments, run, measures), TimeSpan.FromSeconds(1), []);
    }

    private static EvalResults Results() =>
        EvalSummary.Summarize("synthetic", K, 100, Queries, [Mode("good", i => i < 25), Mode("weak", _ => false)]);

    [Fact]
    public void Averages_and_intervals_come_from_the_per_query_scores()
    {
        var good = Results().Modes[0];
        // 25 queries at 1.0 and 5 at 0.5 → 0.916667
        Assert.Equal((25 + 5 * 0.5) / 30, good.Averages["ndcg@10"], 1e-12);
        var interval = good.Intervals["ndcg@10"];
        Assert.True(interval.Low < interval.Mean && interval.Mean < interval.High && interval.High <= 1.0);
        // recall@1 = 25/30, recall@3..10 = 1
        Assert.Equal(25.0 / 30, good.RecallCurve[0], 1e-12);
        Assert.Equal(1.0, good.RecallCurve[2], 1e-12);
        Assert.Equal(K, good.RecallCurve.Count);
    }

    [Fact]
    public void A_clearly_better_ranking_is_significantly_better_and_equal_recall_is_no_change()
    {
        var comparisons = Results().Comparisons;
        Assert.Equal(3, comparisons.Count);
        // Both modes retrieve d1 within the top 10 everywhere: recall@10 is identical, the rank is not.
        Assert.Equal("no significant change", comparisons.Single(c => c.Metric == "recall@10").Verdict);
        Assert.All(comparisons.Where(c => c.Metric != "recall@10"), c => Assert.Equal("good better", c.Verdict));
        var ndcg = comparisons.Single(c => c.Metric == "ndcg@10");
        Assert.Equal(25 * 0.5 / 30, ndcg.MeanDifference, 1e-12);
        // 25 of 30 sign flips all favour "good": the randomisation p is tiny; Holm can only raise it.
        Assert.True(ndcg.RandomizationP < 0.001 && ndcg.RandomizationPHolm >= ndcg.RandomizationP);
    }

    [Fact]
    public void Results_json_round_trips_and_carries_headline_figures_per_mode()
    {
        var results = Results();
        var json = ResultsJson.Serialize(results);
        Assert.Contains("\"ndcg@10\"", json);
        Assert.Contains("\"recall@10\"", json);
        Assert.Contains("\"mrr\"", json);
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("results.json"), json);
        var back = ResultsJson.Read(dir.File("results.json"));
        Assert.Equal(results.Modes.Select(m => m.Mode), back.Modes.Select(m => m.Mode));
        Assert.Equal(results.Modes[0].PerQuery.Select(q => q.Ndcg), back.Modes[0].PerQuery.Select(q => q.Ndcg));
    }

    [Fact]
    public void Compare_marks_a_mode_that_got_worse_as_a_regression_and_an_unchanged_one_as_no_change()
    {
        var before = EvalSummary.Summarize("synthetic", K, 100, Queries, [Mode("lexical", i => i < 25), Mode("dense", i => i < 10)]);
        var now = EvalSummary.Summarize("synthetic", K, 100, Queries, [Mode("lexical", _ => false), Mode("dense", i => i < 10)]);
        var rows = RegressionCheck.Compare(before, now);
        Assert.All(rows.Where(r => r.A == "lexical" && r.Metric != "recall@10"), r => Assert.Equal("regression", r.Verdict));
        Assert.All(rows.Where(r => r.A == "dense"), r => Assert.Equal("no significant change", r.Verdict));
    }

    [Fact]
    public void The_html_report_is_self_contained_with_inline_charts()
    {
        var html = HtmlReport.Render(Results());
        Assert.Equal(3, html.Split("<svg").Length - 1); // bars with intervals, recall curves, per-query differences
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("<link", html);
        Assert.Contains("good better", html);
        // Inline SVGs share the page's id space: each chart's clip paths must stay its own.
        var ids = System.Text.RegularExpressions.Regex.Matches(html, "\\bid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void The_markdown_report_has_the_averages_and_comparison_tables()
    {
        var md = MarkdownReport.Render(Results());
        Assert.Contains("| good | 0.9167 [", md);
        Assert.Contains("| good | weak | ndcg@10 | +0.4167 [", md);
    }
}
