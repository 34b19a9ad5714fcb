using GraphRag.Ingest;
using GraphRag.Retrieve;
using GraphRag.Store;
using GraphRag.Tests;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Cli.Tests.Retrieval;

/// <summary>
/// What one search costs, counted on the real composition (AddGraphRagServices) over the ingested
/// corpus with the encoder and the graph: SQL statements seen by SQLite's own trace, and calls to
/// the query encoder (each is one scan of the vector index).
/// </summary>
public sealed class SearchCostTests
{
    [Fact]
    public async Task A_hybrid_search_runs_one_fts5_query_one_vector_scan_and_one_passage_load()
    {
        var encoder = Path.Combine(TestPaths.AssetsRoot, "use-lite");
        Assert.SkipUnless(File.Exists(Path.Combine(encoder, "model.json")), $"SKIPPED: the sentence encoder is not in {encoder}; run scripts/fetch-assets.sh");
        using var folder = new TempDirectory();
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(TestPaths.Repo("appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["GraphRag:Database"] = folder.File("notes.db"),
                ["GraphRag:Embeddings:ModelDirectory"] = encoder,
            })
            .Build();
        var services = new ServiceCollection().AddLogging().AddGraphRagServices(configuration);
        // The document encoder; the query encoder (keyed) is a cache in front of it, so its misses are counted too.
        var counted = services.Single(d => d.ServiceType == typeof(IEmbeddingGenerator<string, Embedding<float>>) && !d.IsKeyedService);
        services.Remove(counted);
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
            new CountingGenerator((IEmbeddingGenerator<string, Embedding<float>>)counted.ImplementationFactory!(sp)));
        await using var provider = services.BuildServiceProvider();
        var ingested = await provider.GetRequiredService<IngestionPipeline>().IngestAsync([TestPaths.Repo("corpus")],
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, ingested.Failed);
        var search = provider.GetRequiredService<PassageSearch>();
        // Warm the caches a long-running process holds (vector index, graph snapshot) before counting.
        await search.SearchAsync("warm up the caches", 10, RetrievalModeNames.Hybrid, TestContext.Current.CancellationToken);

        var statements = new List<string>();
        provider.GetRequiredService<GraphRagDatabase>().StatementObserver = statements.Add;
        var generator = (CountingGenerator)provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        generator.Calls = 0;
        var result = await search.SearchAsync("Why is a p-value not the probability that a claim is true?", 10,
            RetrievalModeNames.Hybrid, TestContext.Current.CancellationToken);

        Assert.Equal(10, result.Hits.Count);
        // Every component ranked the question: each passage's reason names where the components put it.
        Assert.Contains(result.Hits, h => h.Explanation!.Contains("lexical #") && h.Explanation.Contains("dense #") && h.Explanation.Contains("graph #"));
        // SQLite's trace also shows the statements FTS5 runs on its own tables ("-- ...") and the
        // connection settings made on each open (PRAGMA); the queries are the rest.
        var queries = statements.Where(s => !s.StartsWith("--", StringComparison.Ordinal) && !s.TrimStart().StartsWith("PRAGMA", StringComparison.Ordinal)).ToList();
        Assert.Collection(queries,
            fts => Assert.Contains("WHERE chunks_fts MATCH", fts),
            passages => Assert.Contains("FROM chunks c JOIN articles a", passages));
        Assert.Equal(1, generator.Calls);
    }

    private sealed class CountingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner)
        : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
    {
        public int Calls { get; set; }

        public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values,
            EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            return base.GenerateAsync(values, options, cancellationToken);
        }
    }
}
