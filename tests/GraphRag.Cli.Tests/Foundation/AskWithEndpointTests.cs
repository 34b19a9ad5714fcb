using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using GraphRag.Graph.Tests.Support;
using GraphRag.Tests;

namespace GraphRag.Cli.Tests.Foundation;

/// <summary>
/// `ask` with an OpenAI-compatible endpoint, against a real HTTP server in the test process
/// (<see cref="ScriptedChatServer"/>): each generated sentence is checked against the passages it
/// cites, and an endpoint that fails or cannot be reached gives the extractive answer with a warning.
/// </summary>
public sealed class AskWithEndpointTests() : IngestedNoteTests("fusion.md", Note)
{
    private const string Note = "# Fusion\n\nReciprocal rank fusion adds one over k plus rank for each list. The constant k is usually 60.\n";
    private Task<CliProcess.Result> AskAsync(string endpoint) => CliProcess.RunAsync(Dir.Path,
        new Dictionary<string, string> { ["GRAPHRAG_GraphRag__Generator__Endpoint"] = endpoint },
        "ask", "What does reciprocal rank fusion add, and what is k?", "--json", "--db", Db);

    [Fact]
    public async Task Sentences_the_cited_passage_does_not_bear_out_are_marked_with_the_reason()
    {
        using var server = new ScriptedChatServer(_ => (200,
            "Reciprocal rank fusion adds one over k plus rank for each list [1]. The constant k is usually 75 [1]. " +
            "It was invented by the Romans."));

        var result = await AskAsync(server.Endpoint);

        Assert.True(result.ExitCode == 0, result.Output);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("generator", root.GetProperty("method").GetString());
        Assert.True(root.GetProperty("found").GetBoolean());
        var unsupported = root.GetProperty("unsupported").EnumerateArray()
            .Select(u => (u.GetProperty("sentence").GetString(), u.GetProperty("problem").GetString())).ToList();
        Assert.Equal(
            [("The constant k is usually 75 [1].", "the number 75 is not in the cited passage"), ("It was invented by the Romans.", "cites no passage")],
            unsupported);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task An_endpoint_answering_with_an_http_error_gives_the_extractive_answer_and_a_warning()
    {
        using var server = new ScriptedChatServer(_ => (500, "the model crashed"));

        var result = await AskAsync(server.Endpoint);

        Assert.True(result.ExitCode == 0, result.Output);
        AssertExtractiveFallback(result.Stdout);
        Assert.True(server.Requests >= 1);
    }

    [Fact]
    public async Task An_unreachable_endpoint_gives_the_extractive_answer_and_a_warning()
    {
        var result = await AskAsync($"http://127.0.0.1:{UnusedPort()}/v1");

        Assert.True(result.ExitCode == 0, result.Output);
        AssertExtractiveFallback(result.Stdout);
    }

    [Fact]
    public async Task A_fixture_model_too_small_for_the_prompt_gives_the_extractive_answer_and_says_why()
    {
        // The fixtures (tests/GraphRag.Generation.Tests/Fixtures) have random weights and a 128-token context: the grounded prompt does not fit.
        var model = TestPaths.Repo("tests", "GraphRag.Generation.Tests", "Fixtures", "llama", "model-f32.gguf");
        var result = await CliProcess.RunAsync(Dir.Path, new Dictionary<string, string> { ["GRAPHRAG_GraphRag__Generator__MaxTokens"] = "8" },
            "ask", "What does reciprocal rank fusion add?", "--model", model, "--json", "--db", Db);

        Assert.True(result.ExitCode == 0, result.Output);
        var warning = AssertExtractiveFallback(result.Stdout);
        Assert.Matches(@"prompt has \d+ tokens but the model's context holds 128", warning);
    }

    /// <returns>The warning.</returns>
    private static string AssertExtractiveFallback(string stdout)
    {
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("extractive", root.GetProperty("method").GetString());
        Assert.True(root.GetProperty("found").GetBoolean());
        Assert.Contains("one over k plus rank", root.GetProperty("citations")[0].GetProperty("quote").GetString());
        var warning = root.GetProperty("warning").GetString()!;
        Assert.StartsWith("The generator failed (", warning);
        Assert.DoesNotContain('\n', warning);
        return warning;
    }

    private static int UnusedPort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
