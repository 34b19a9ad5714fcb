using System.Text.Json;
using GraphRag.Evaluation.Trec;
using GraphRag.Tests;

namespace GraphRag.Evaluation.Tests.Trec;

/// <summary>
/// Our measures against NIST trec_eval 10.0 on its own test files (../shared/reference/trec_eval:
/// qrels.test, results.test and expected.json from
/// `trec_eval -q -m ndcg -m ndcg_cut.10 -m map -m recip_rank -m P.10 qrels.test results.test`).
/// The run has tied scores in every topic, so the full-precision comparison also checks the tie rule.
/// </summary>
public sealed class TrecEvalReferenceTests
{
    private static readonly string[] Measures = ["ndcg", "ndcg_cut_10", "map", "recip_rank", "P_10"];

    [Fact]
    public void Printed_values_match_trec_eval_to_four_decimals()
    {
        var (evaluation, expected) = Load();
        foreach (var (queryId, values) in Expected(expected, "expected"))
            foreach (var measure in Measures)
                Assert.Equal(values[measure], Value(evaluation, queryId, measure), 0.00005);
    }

    [Fact]
    public void Full_precision_values_match_trec_eval_including_score_ties()
    {
        var (evaluation, expected) = Load();
        var compared = 0;
        foreach (var (queryId, values) in Expected(expected, "expected_full_precision"))
            foreach (var measure in Measures)
            {
                Assert.Equal(values[measure], Value(evaluation, queryId, measure), 1e-12);
                compared++;
            }
        Assert.Equal(4 * Measures.Length, compared);
    }

    /// <summary>
    /// Every default measure's "all" value against trec_eval's own expected output for these files,
    /// test/out.test.a in usnistgov/trec_eval (commit 042671c4, `trec_eval -a qrels.test results.test`),
    /// copied here as printed (4 decimals).
    /// </summary>
    [Fact]
    public void All_default_measures_match_trec_eval_out_test_a()
    {
        var (evaluation, _) = Load();
        var expected = new Dictionary<string, double>
        {
            ["ndcg"] = 0.4021, ["ndcg_cut_5"] = 0.2768, ["ndcg_cut_10"] = 0.3016, ["ndcg_cut_20"] = 0.3525, ["ndcg_cut_100"] = 0.3916,
            ["map"] = 0.1785, ["recip_rank"] = 0.4064,
            ["P_5"] = 0.2667, ["P_10"] = 0.3000, ["P_20"] = 0.3667, ["P_100"] = 0.2467,
            ["recall_5"] = 0.0173, ["recall_10"] = 0.0317, ["recall_20"] = 0.1061, ["recall_100"] = 0.4980,
            ["success_1"] = 0.3333, ["success_5"] = 0.3333, ["success_10"] = 0.6667,
        };
        Assert.Equal(expected.Keys.Order(), evaluation.All.Keys.Order());
        foreach (var (measure, value) in expected)
            Assert.True(Math.Abs(value - evaluation.All[measure]) <= 0.00005, $"{measure}: trec_eval {value}, ours {evaluation.All[measure]:F6}");
    }

    private static (TrecEvaluation, JsonElement) Load()
    {
        var qrels = Qrels.Read(TestPaths.SharedOrSkip("reference", "trec_eval", "qrels.test"));
        var run = TrecRun.Read(TestPaths.SharedOrSkip("reference", "trec_eval", "results.test"));
        using var json = JsonDocument.Parse(File.ReadAllText(TestPaths.SharedOrSkip("reference", "trec_eval", "expected.json")));
        return (TrecEvaluation.Evaluate(qrels, run), json.RootElement.Clone());
    }

    private static double Value(TrecEvaluation evaluation, string queryId, string measure) =>
        queryId == "all" ? evaluation.All[measure] : evaluation.PerQuery[queryId][measure];

    private static IEnumerable<(string QueryId, Dictionary<string, double> Values)> Expected(JsonElement root, string block) =>
        root.GetProperty(block).EnumerateObject()
            .Select(q => (q.Name, q.Value.EnumerateObject().ToDictionary(m => m.Name, m => m.Value.GetDouble())));
}
