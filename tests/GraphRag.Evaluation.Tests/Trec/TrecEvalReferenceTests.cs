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
