using GraphRag.Agents.SemanticKernel;
using GraphRag.Graph;
using GraphRag.Ingest;
using GraphRag.Store;
using GraphRag.Tests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

[assembly: AssemblyFixture(typeof(GraphRag.Agents.Tests.Support.IngestedNotes))]

namespace GraphRag.Agents.Tests.Support;

/// <summary>
/// The repository's corpus/ ingested once through the real pipeline (core and graph, as `graphrag ingest`
/// composes them without the encoder) into a temp SQLite file, and kernels over that file built the way
/// the README's Semantic Kernel example builds them.
/// </summary>
public sealed class IngestedNotes : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();

    public string DatabasePath => _folder.File("notes.db");

    /// <summary>Reads the stored articles, for the expected values: the text every offset indexes.</summary>
    public ArticleStore Store => new(new GraphRagDatabase(DatabasePath));

    public StoredArticle Article(string titleStart) =>
        Store.ListArticles().Single(a => a.Title.StartsWith(titleStart, StringComparison.Ordinal));

    public async ValueTask InitializeAsync()
    {
        var configuration = Settings(DatabasePath);
        var services = new ServiceCollection().AddLogging();
        services.AddGraphRagCore(configuration).AddGraphRagGraph(configuration);
        await using var provider = services.BuildServiceProvider();
        var summary = await provider.GetRequiredService<IngestionPipeline>().IngestAsync([TestPaths.Repo("corpus")]);
        if (summary.Failed > 0 || summary.ArticlesAdded == 0)
            throw new InvalidOperationException($"Ingesting corpus/ failed: {summary.Failed} files failed, {summary.ArticlesAdded} articles added.");
    }

    /// <summary>The README's example: GraphRag's services in the kernel's container, the notes as its plugin.</summary>
    public Kernel CreateKernel(Action<IKernelBuilder>? more = null)
    {
        var settings = Settings(DatabasePath);
        var builder = Kernel.CreateBuilder();
        builder.Services.AddGraphRagCore(settings).AddGraphRagGraph(settings);
        builder.AddGraphRagNotes();
        more?.Invoke(builder);
        return builder.Build();
    }

    private static IConfiguration Settings(string database) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["GraphRag:Database"] = database })
        .Build();

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
