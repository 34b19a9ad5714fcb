using GraphRag.Tests;

namespace GraphRag.Cli.Tests.Foundation;

/// <summary>Tests over one note written to a temp folder and ingested by the CLI into a fresh database there.</summary>
public abstract class IngestedNoteTests(string fileName, string note) : IAsyncLifetime
{
    protected TempDirectory Dir { get; } = new();

    protected string Db => Dir.File("db.sqlite");

    public async ValueTask InitializeAsync()
    {
        var path = Dir.File(fileName);
        await File.WriteAllTextAsync(path, note, TestContext.Current.CancellationToken);
        var ingest = await CliProcess.RunAsync(Dir.Path, "ingest", path, "--db", Db);
        Assert.True(ingest.ExitCode == 0, ingest.Output);
    }

    public ValueTask DisposeAsync()
    {
        Dir.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
