using System.Text.Json;
using GraphRag.Graph.Tests.Support;
using GraphRag.Tests;

namespace GraphRag.Cli.Tests.Foundation;

/// <summary>
/// `ask` with an OpenAI-compatible endpoint (a real HTTP server in the test process) over a note whose
/// numbers the claims check works out and whose p-value reading it disputes: the model is told both, a
/// figure it takes from the check counts as its passage's, and the answer lists the check under the citation.
/// </summary>
public sealed class AskWithEndpointChecksTests() : IngestedNoteTests("bacon.md", Note)
{
    // 45 versus 59 per 10,000: absolute difference (59 − 45) / 10,000 = 0.14 percentage points, relative risk 59 / 45 = 1.31.
    private const string Note = "# Bacon and risk\n\nFor every 10,000 people who ate little processed meat, 45 were diagnosed with bowel cancer, " +
        "while it was 59 from those eating the most.\n\nThe result was statistically significant. A p-value of 0.05 means there is a 5% chance " +
        "the result is due to random chance.\n";

    [Fact]
    public async Task The_model_gets_the_checks_may_use_the_worked_out_figures_and_the_answer_lists_the_dispute()
    {
        var prompts = new List<string>();
        using var server = new ScriptedChatServer(prompt =>
        {
            prompts.Add(prompt);
            return (200, "Eating the most processed meat adds 0.14 percentage points of bowel cancer risk [1].");
        });

        var result = await CliProcess.RunAsync(Dir.Path,
            new Dictionary<string, string> { ["GRAPHRAG_GraphRag__Generator__Endpoint"] = server.Endpoint },
            "ask", "How much does processed meat raise the risk of bowel cancer?", "--json", "--db", Db);

        Assert.True(result.ExitCode == 0, result.Output);
        var prompt = Assert.Single(prompts);
        Assert.Contains("Checked: worked out from “For every 10,000 people", prompt, StringComparison.Ordinal);
        Assert.Contains("absolute risk difference 0.14 percentage points", prompt, StringComparison.Ordinal);
        Assert.Contains("Checked: disputed: “A p-value of 0.05 means there is a 5% chance the result is due to random chance.”", prompt, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("generator", root.GetProperty("method").GetString());
        // 0.14 is not in the note's text, but the check worked it out from the note's numbers: supported.
        Assert.Empty(root.GetProperty("unsupported").EnumerateArray());
        var checks = root.GetProperty("checks").EnumerateArray().ToList();
        Assert.All(checks, c => Assert.Equal(1, c.GetProperty("citation").GetInt32()));
        Assert.Contains(checks, c => c.GetProperty("figures").GetString() is { } f && f.Contains("relative risk 1.31", StringComparison.Ordinal));
        Assert.Contains(checks, c => c.GetProperty("correction").ValueKind == JsonValueKind.String
            && c.GetProperty("statement").GetString() == "A p-value of 0.05 means there is a 5% chance the result is due to random chance.");
    }

    [Fact]
    public async Task A_number_neither_in_the_passage_nor_in_its_worked_out_figures_stays_unsupported()
    {
        using var server = new ScriptedChatServer(_ => (200, "Eating the most processed meat adds 0.15 percentage points of risk [1]."));

        var result = await CliProcess.RunAsync(Dir.Path,
            new Dictionary<string, string> { ["GRAPHRAG_GraphRag__Generator__Endpoint"] = server.Endpoint },
            "ask", "How much does processed meat raise the risk of bowel cancer?", "--json", "--db", Db);

        Assert.True(result.ExitCode == 0, result.Output);
        using var json = JsonDocument.Parse(result.Stdout);
        var unsupported = Assert.Single(json.RootElement.GetProperty("unsupported").EnumerateArray());
        Assert.Equal("the number 0.15 is not in the cited passage", unsupported.GetProperty("problem").GetString());
    }
}
