using GraphRag.Ingest;
using GraphRag.Retrieve;
using GraphRag.Store;
using GraphRag.Tests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Evaluation.Tests;

/// <summary>A temporary database holding the repository's corpus/ ingested with the repository's appsettings.json.</summary>
public sealed class NotesCorpus : IAsyncDisposable
{
    private readonly TempDirectory _directory;

    private NotesCorpus(TempDirectory directory, ServiceProvider services)
    {
        _directory = directory;
        Services = services;
    }

    public ServiceProvider Services { get; }

    public GraphRagDatabase Database => Services.GetRequiredService<GraphRagDatabase>();

    public ArticleStore Store => Services.GetRequiredService<ArticleStore>();

    public PassageSearch Search => Services.GetRequiredService<PassageSearch>();

    public static async Task<NotesCorpus> IngestAsync()
    {
        var directory = new TempDirectory();
        var services = CreateServices(directory.File("notes.db"));
        var summary = await services.GetRequiredService<IngestionPipeline>().IngestAsync([TestPaths.Repo("corpus")]);
        Assert.True(summary.Failed == 0, string.Join("; ", summary.Files.Where(f => f.Error is not null).Select(f => $"{f.Path}: {f.Error}")));
        return new NotesCorpus(directory, services);
    }

    /// <summary>The core services over <paramref name="databasePath"/>, configured like the app.</summary>
    public static ServiceProvider CreateServices(string databasePath)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(TestPaths.Repo("appsettings.json"), optional: false)
            .AddInMemoryCollection([new("GraphRag:Database", databasePath)])
            .Build();
        return new ServiceCollection().AddLogging().AddGraphRagCore(configuration).BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
