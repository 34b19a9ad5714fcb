using System.Text.Json;
using GraphRag.Tests;

namespace GraphRag.Cli.Tests.Eval;

/// <summary>The eval command as a user runs it: a real process, trec_eval's own test data, a real corpus.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Eval_trec_json_matches_trec_eval_on_its_own_test_files()
    {
        // ../shared/reference/trec_eval: NIST trec_eval's test/qrels.test and test/results.test, with the values
        // `trec_eval -q -m ndcg -m ndcg_cut.10 -m map -m recip_rank -m P.10` printed (expected.json, full precision).
        var folder = TestPaths.SharedOrSkip("reference", "trec_eval");
        var result = await CliProcess.RunAsync(_dir.Path, "eval", "trec",
            Path.Combine(folder, "qrels.test"), Path.Combine(folder, "results.test"), "--json");
        Assert.True(result.ExitCode == 0, result.Output);

        var ours = JsonDocument.Parse(result.Stdout).RootElement;
        var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "expected.json"), TestContext.Current.CancellationToken))
            .RootElement.GetProperty("expected_full_precision");
        foreach (var query in expected.EnumerateObject())
        {
            var actual = query.Name == "all" ? ours.GetProperty("all") : ours.GetProperty("perQuery").GetProperty(query.Name);
            foreach (var measure in query.Value.EnumerateObject())
                Assert.Equal(measure.Value.GetDouble(), actual.GetProperty(measure.Name).GetDouble(), 1e-9);
        }
    }

    [Fact]
    public async Task Eval_on_the_notes_writes_reports_and_scores_the_default_mode_at_its_baseline()
    {
        // The default mode (hybrid: BM25 + the configured encoder) as the CLI composes it; the
        // Evaluation tests guard lexical, the mode that needs no encoder.
        var db = _dir.File("notes.db");
        var withEncoder = new Dictionary<string, string> { ["GRAPHRAG_GraphRag__Embeddings__Enabled"] = "true" };
        Assert.Equal(0, (await CliProcess.RunAsync(_dir.Path, withEncoder, "ingest", TestPaths.Repo("corpus"), "--db", db)).ExitCode);
        var reports = _dir.File("reports");

        // Run from the repository, where eval/notes lives.
        var result = await CliProcess.RunAsync(TestPaths.RepoRoot, withEncoder, "eval", "--dataset", "notes",
            "--json", "--out", reports, "--db", db);

        Assert.True(result.ExitCode == 0, result.Output);
        var mode = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("modes").EnumerateArray().Single();
        Assert.Equal("hybrid", mode.GetProperty("mode").GetString());
        var baseline = JsonDocument.Parse(await File.ReadAllTextAsync(TestPaths.Repo("eval", "baseline.json"), TestContext.Current.CancellationToken)).RootElement;
        Assert.True(mode.GetProperty("ndcg@10").GetDouble() >= baseline.GetProperty("modes").GetProperty("hybrid").GetDouble() - 1e-6,
            $"hybrid nDCG@10 {mode.GetProperty("ndcg@10").GetDouble():F6} fell below eval/baseline.json");
        Assert.True(mode.GetProperty("perQuery").GetArrayLength() >= 50);
        foreach (var file in new[] { "report.html", "report.md", "results.json" })
            Assert.True(File.Exists(Path.Combine(reports, file)), file);
        Assert.Contains("<svg", await File.ReadAllTextAsync(Path.Combine(reports, "report.html"), TestContext.Current.CancellationToken));
    }
}
