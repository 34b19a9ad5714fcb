using GraphRag.Tests;

namespace GraphRag.Cli.Tests.Foundation;

/// <summary>
/// `ask --model` with a model file that is not there fails naming it. (A model that loads but fails
/// falls back to the extractive answer: AskWithEndpointTests.)
/// </summary>
public sealed class AskWithGeneratorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_missing_model_file_is_named_in_the_error()
    {
        var result = await CliProcess.RunAsync(_dir.Path, "ask", "anything?", "--model", _dir.File("absent.gguf"), "--db", _dir.File("db.sqlite"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("absent.gguf", result.Stderr);
    }
}
