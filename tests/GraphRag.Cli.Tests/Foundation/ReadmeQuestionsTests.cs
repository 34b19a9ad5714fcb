using System.Text.Json;
using System.Text.RegularExpressions;
using GraphRag.Tests;

namespace GraphRag.Cli.Tests.Foundation;

/// <summary>The questions the README shows with `ask "…"` are answered from corpus/, citing the passage that answers them.</summary>
public sealed partial class ReadmeQuestionsTests : IDisposable
{
    /// <summary>For each README question, text that a citation of the answering passage holds (read from corpus/ by hand).</summary>
    private static readonly Dictionary<string, string[]> Answers = new()
    {
        // 59 vs 45 cases per 10,000 is a relative risk of 1.31; the absolute difference is 14 per 10,000 (0.14%).
        ["What does a relative risk of 1.31 mean in absolute terms?"] = ["45 were diagnosed with bowel cancer, while it was 59", "per 10,000 people, or 0.14%"],
    };

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact(Skip = "Not met yet: the relative-risk question's evidence (0.38) is below the dev-tuned threshold (0.495), so it is refused; see issue 14.")]
    public async Task Every_sample_question_in_the_readme_is_answered_with_a_citation_of_its_passage()
    {
        var questions = AskLine().Matches(File.ReadAllText(TestPaths.Repo("README.md"))).Select(m => m.Groups[1].Value).Where(q => q != "…").ToList();
        Assert.NotEmpty(questions);
        Assert.All(questions, q => Assert.True(Answers.ContainsKey(q), $"README question without a known answer here: {q}"));
        var db = _dir.File("notes.db");
        var ingest = await CliProcess.RunAsync(_dir.Path, "ingest", TestPaths.Repo("corpus"), "--db", db);
        Assert.True(ingest.ExitCode == 0, ingest.Output);

        foreach (var question in questions)
        {
            var result = await CliProcess.RunAsync(_dir.Path, "ask", question, "--json", "--db", db);
            Assert.True(result.ExitCode == 0, result.Output);
            using var json = JsonDocument.Parse(result.Stdout);
            Assert.True(json.RootElement.GetProperty("found").GetBoolean(), $"{question}: {json.RootElement.GetProperty("answer")}");
            var quotes = json.RootElement.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("quote").GetString()!).ToList();
            Assert.True(quotes.Any(q => Answers[question].Any(a => q.Contains(a, StringComparison.Ordinal))),
                $"{question}: cited {string.Join(" | ", quotes)}");
        }
    }

    [GeneratedRegex(@"graphrag ask ""([^""]+)""")]
    private static partial Regex AskLine();
}
