using System.Text.Json;
using GraphRag.Evaluation.Notes;
using GraphRag.Evaluation.Runs;
using GraphRag.Evaluation.Trec;
using GraphRag.Retrieve;
using GraphRag.Tests;

namespace GraphRag.Evaluation.Tests.Guard;

/// <summary>
/// The CI guard: the notes eval set, run with BM25 (the mode the core offers without an encoder)
/// over a freshly ingested corpus/, must not score below eval/baseline.json; the CLI's eval test
/// guards the default mode, hybrid, as the application composes it with the encoder. Retrieval is deterministic, so the tolerance is
/// only floating-point noise; raising or lowering the baseline is a deliberate commit that says why.
/// </summary>
public sealed class NotesBaselineGuardTests
{
    private const int K = 10;

    [Fact]
    public async Task Lexical_ndcg_at_10_on_the_notes_set_does_not_fall_below_the_committed_baseline()
    {
        var baseline = Baseline.Read(TestPaths.Repo("eval", "baseline.json"));
        await using var corpus = await NotesCorpus.IngestAsync();
        var set = NotesEvalSet.Read(TestPaths.Repo("eval", "notes"));
        const string mode = RetrievalModeNames.Lexical;
        var run = await new EvalRunner(corpus.Search, NotesMapping.Create(corpus.Store, set), TrecMeasureSet.Default.WithCutoff(K))
            .RunAsync(mode, set.Queries, TestContext.Current.CancellationToken);
        var actual = run.Scores.All[$"ndcg_cut_{K}"];

        Assert.True(baseline.Modes.TryGetValue(mode, out var expected),
            $"eval/baseline.json has no entry for '{mode}'; its nDCG@{K} is now {actual:F6}.");
        Assert.True(actual >= expected - baseline.Tolerance,
            $"nDCG@{K} of '{mode}' on the notes set fell to {actual:F6}, below the baseline {expected:F6}. " +
            "Find the change that caused it; if it is intended, update eval/baseline.json in its own commit saying why.");
    }

    private sealed record Baseline(string Dataset, int K, double Tolerance, Dictionary<string, double> Modes, string Reason)
    {
        public static Baseline Read(string path)
        {
            var baseline = JsonSerializer.Deserialize<Baseline>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))
                           ?? throw new InvalidDataException($"{path}: empty.");
            Assert.Equal("notes", baseline.Dataset);
            Assert.Equal(NotesBaselineGuardTests.K, baseline.K);
            return baseline;
        }
    }
}
