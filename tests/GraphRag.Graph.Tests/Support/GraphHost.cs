using GraphRag.Ingest;
using GraphRag.Retrieve;
using GraphRag.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Graph.Tests.Support;

/// <summary>The real services (core + graph) over a temp database, configured as appsettings.json would.</summary>
public sealed class GraphHost : IDisposable
{
    private readonly GraphDatabase _db = new();

    public GraphHost(Neo4j? neo4j = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["GraphRag:Database"] = _db.Database.Path,
            ["GraphRag:Graph:Store"] = neo4j is null ? "embedded" : "neo4j",
        };
        if (neo4j is not null)
        {
            settings["GraphRag:Graph:Neo4j:Url"] = neo4j.Options.Url;
            settings["GraphRag:Graph:Neo4j:User"] = neo4j.Options.User;
            settings["GraphRag:Graph:Neo4j:Password"] = neo4j.Options.Password;
            settings["GraphRag:Graph:Neo4j:MaxRetries"] = "1";
            settings["GraphRag:Graph:Neo4j:RetryDelay"] = "00:00:00.050";
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddGraphRagCore(configuration);
        services.AddGraphRagGraph(configuration);
        Services = services.BuildServiceProvider();
    }

    public sealed record Neo4j(Graph.Neo4jOptions Options);

    public ServiceProvider Services { get; }

    public GraphRagDatabase Database => Services.GetRequiredService<GraphRagDatabase>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A search whose only mode is <paramref name="ranker"/>, with passages loaded from this database.</summary>
    public PassageSearch SearchWith(IRanker ranker) =>
        new(new RetrievalModes(new Dictionary<string, IRanker> { ["test"] = ranker }, [], "test"), Get<ArticleStore>());

    /// <summary>Writes a Markdown note into the temp folder and ingests it through the real pipeline.</summary>
    public async Task<IngestionSummary> IngestAsync(string fileName, string markdown)
    {
        var path = Path.Combine(_db.Folder, fileName);
        await File.WriteAllTextAsync(path, markdown);
        return await Get<IngestionPipeline>().IngestAsync([path]);
    }

    public void Dispose()
    {
        Services.Dispose();
        _db.Dispose();
    }
}
