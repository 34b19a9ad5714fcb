using GraphRag.Ingest;
using GraphRag.Retrieve;
using GraphRag.Tests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Cli.Tests.Retrieval;

/// <summary>
/// Hybrid is the default mode and the graph's passage seeds come from the encoder, but notes
/// ingested with embeddings off hold no vectors: hybrid then ranks as BM25 does, the graph seeds
/// from BM25, and only an explicit dense search says the vectors are missing. Real encoder, real
/// SQLite file, the application's own composition.
/// </summary>
public sealed class NotesWithoutVectorsTests : IDisposable
{
    private const string Question = "How is the quality of a ranked list measured?";

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ServiceProvider Services(string database, bool embeddings, string passageSeeds = "dense") =>
        new ServiceCollection().AddLogging().AddGraphRagServices(new ConfigurationBuilder()
            .AddJsonFile(TestPaths.Repo("appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["GraphRag:Database"] = database,
                ["GraphRag:Embeddings:Enabled"] = embeddings ? "true" : "false",
                ["GraphRag:Graph:Retrieval:PassageSeeds"] = passageSeeds,
            })
            .Build()).BuildServiceProvider();

    private static async Task<IReadOnlyList<long>> SearchAsync(ServiceProvider services, string? mode) =>
        (await services.GetRequiredService<PassageSearch>().SearchAsync(Question, 10, mode, Ct)).Hits.Select(h => h.ChunkId).ToList();

    [Fact]
    public async Task Hybrid_and_graph_fall_back_to_bm25_and_dense_names_the_missing_vectors()
    {
        var database = _folder.File("notes.db");
        using (var ingest = Services(database, embeddings: false))
            Assert.Equal(0, (await ingest.GetRequiredService<IngestionPipeline>().IngestAsync([TestPaths.Repo("corpus")], cancellationToken: Ct)).Failed);

        using var services = Services(database, embeddings: true);
        Assert.Equal(RetrievalModeNames.Hybrid, services.GetRequiredService<PassageSearch>().Modes.DefaultMode);
        var lexical = await SearchAsync(services, RetrievalModeNames.Lexical);
        Assert.NotEmpty(lexical);
        Assert.Equal(lexical, await SearchAsync(services, null));

        using var lexicalSeeds = Services(database, embeddings: true, passageSeeds: RetrievalModeNames.Lexical);
        var graph = await SearchAsync(services, RetrievalModeNames.Graph);
        Assert.NotEmpty(graph);
        Assert.Equal(await SearchAsync(lexicalSeeds, RetrievalModeNames.Graph), graph);

        var error = await Assert.ThrowsAsync<UnavailableModeException>(() => SearchAsync(services, RetrievalModeNames.Dense));
        Assert.Contains("holds no embeddings", error.Message);
    }
}
