using GraphRag.Tests;

namespace GraphRag.Cli.Tests.Foundation;

/// <summary>
/// `ask --model` wires a local decoder into the answer. The only decoders here are the fixtures
/// (tests/GraphRag.Generation.Tests/Fixtures, from ../shared/reference/generator): random weights and
/// a 128-token context, too small for a grounded prompt. So this checks that the question reaches
/// the model and that a model too small for it fails with the generator's own clear message.
/// </summary>
public sealed class AskWithGeneratorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Ask_with_a_model_sends_the_grounded_prompt_to_it_and_reports_a_context_too_small_clearly()
    {
        var note = _dir.File("note.md");
        await File.WriteAllTextAsync(note, "# Fusion\n\nReciprocal rank fusion adds one over k plus rank for each list.\n", TestContext.Current.CancellationToken);
        var db = _dir.File("db.sqlite");
        Assert.Equal(0, (await CliProcess.RunAsync(_dir.Path, "ingest", note, "--db", db)).ExitCode);
        var model = TestPaths.Repo("tests", "GraphRag.Generation.Tests", "Fixtures", "llama", "model-f32.gguf");

        var result = await CliProcess.RunAsync(_dir.Path,
            new Dictionary<string, string> { ["GRAPHRAG_GraphRag__Generator__MaxTokens"] = "8" },
            "ask", "What does reciprocal rank fusion add?", "--model", model, "--json", "--db", db);

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"prompt has \d+ tokens but the model's context holds 128", result.Stderr);
        Assert.DoesNotContain("   at ", result.Output);
    }

    [Fact]
    public async Task A_missing_model_file_is_named_in_the_error()
    {
        var result = await CliProcess.RunAsync(_dir.Path, "ask", "anything?", "--model", _dir.File("absent.gguf"), "--db", _dir.File("db.sqlite"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("absent.gguf", result.Stderr);
    }
}
