using System.Text.Json;
using System.Text.RegularExpressions;
using GraphRag.Tests;

namespace GraphRag.Cli.Tests.Foundation;

/// <summary>
/// The questions the README shows (`graphrag ask "…"` and `scripts/run.sh "…"`) are answered from corpus/
/// with the README's own configuration (the encoder on), citing the passage that answers them.
/// </summary>
public sealed partial class ReadmeQuestionsTests : IDisposable
{
    /// <summary>For each README question, text that a citation of the answering passage holds (read from corpus/ by hand).</summary>
    private static readonly Dictionary<string, string[]> Answers = new()
    {
        // 59 vs 45 cases per 10,000 is a relative risk of 1.31; the absolute difference is 14 per 10,000 (0.14%).
        ["What does a relative risk of 1.31 mean in absolute terms?"] = ["45 were diagnosed with bowel cancer, while it was 59", "per 10,000 people, or 0.14%"],
        // The TL;DR's second flaw says so; the paragraph that reads a p-value as the chance of chance is the misreading.
        ["Why is a p-value not the probability that a claim is true?"] = ["Statistical significance does not mean ‘There is Y% chance X is true’"],
    };

    /// <summary>What the answer must not cite as its answer: the notes' own misreading, which the claims check disputes.</summary>
    private const string Misreading = "a p-value of 0.05 means there’s a 5% chance of seeing these data points";

    private static readonly Dictionary<string, string> WithEncoder = new() { ["GRAPHRAG_GraphRag__Embeddings__Enabled"] = "true" };

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Every_sample_question_in_the_readme_is_answered_with_a_citation_of_its_passage()
    {
        var readme = File.ReadAllText(TestPaths.Repo("README.md"));
        var questions = AskLine().Matches(readme).Select(m => m.Groups[1].Value).Where(q => q != "…").Distinct().ToList();
        Assert.Equal(Answers.Keys.Order(), questions.Order());
        var db = _dir.File("notes.db");
        var ingest = await CliProcess.RunAsync(_dir.Path, WithEncoder, "ingest", TestPaths.Repo("corpus"), "--db", db);
        Assert.True(ingest.ExitCode == 0, ingest.Output);

        foreach (var question in questions)
        {
            var result = await CliProcess.RunAsync(_dir.Path, WithEncoder, "ask", question, "--json", "--db", db);
            Assert.True(result.ExitCode == 0, result.Output);
            using var json = JsonDocument.Parse(result.Stdout);
            Assert.True(json.RootElement.GetProperty("found").GetBoolean(), $"{question}: {json.RootElement.GetProperty("answer")}");
            var quotes = json.RootElement.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("quote").GetString()!).ToList();
            Assert.True(quotes.Any(q => Answers[question].Any(a => q.Contains(a, StringComparison.Ordinal))),
                $"{question}: cited {string.Join(" | ", quotes)}");
            Assert.DoesNotContain(quotes, q => q.Contains(Misreading, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_relative_risk_answer_shows_the_absolute_difference_worked_out_from_the_cited_counts()
    {
        var db = _dir.File("notes.db");
        var ingest = await CliProcess.RunAsync(_dir.Path, "ingest", TestPaths.Repo("corpus"), "--db", db);
        Assert.True(ingest.ExitCode == 0, ingest.Output);

        var result = await CliProcess.RunAsync(_dir.Path, "ask", "What does a relative risk of 1.31 mean in absolute terms?", "--db", db);

        Assert.True(result.ExitCode == 0, result.Output);
        var output = Whitespace().Replace(result.Stdout, " "); // the console wraps long lines
        // (59 − 45) / 10,000 = 0.14 percentage points; 59 / 45 = 1.31.
        Assert.Matches(@"Worked out from \[\d+\]: 45 versus 59 per 10,000: absolute risk difference 0\.14 percentage points", output);
        Assert.Contains("relative risk 1.31", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?:graphrag ask|scripts/run\.sh) ""([^""]+)""")]
    private static partial Regex AskLine();
}
