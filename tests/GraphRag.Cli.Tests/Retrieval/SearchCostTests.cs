using GraphRag.Ingest;
using GraphRag.Retrieve;
using GraphRag.Retrieve.Dense;
using GraphRag.Store;
using GraphRag.Tests;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Cli.Tests.Retrieval;

/// <summary>
/// What one search costs, counted on the real composition (AddGraphRagServices) over the ingested
/// corpus with the configured encoder and the graph: SQL statements seen by SQLite's own trace, and
/// calls to the query encoder (each is one scan of the vector index).
/// </summary>
public sealed class SearchCostTests
{
    [Fact]
    public async Task A_hybrid_search_runs_one_fts5_query_one_vector_scan_and_one_passage_load()
    {
        using var folder = new TempDirectory();
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(TestPaths.Repo("appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["GraphRag:Database"] = folder.File("notes.db"),
                // All three components, so the count shows that the graph's expansion reads nothing per
                // question (the articles' titles are read once, with the graph).
                ["GraphRag:Retrieval:Hybrid:Components"] = "lexical,dense,graph",
            })
            .Build();
        var services = new ServiceCollection().AddLogging().AddGraphRagServices(configuration);
        var configured = services.Single(d => d.ServiceType == typeof(SentenceEncoders));
        services.Remove(configured);
        CountingGenerator? queryEncoder = null;
        services.AddSingleton(sp =>
        {
            var encoder = ((SentenceEncoders)configured.ImplementationFactory!(sp)).Configured;
            queryEncoder = new CountingGenerator(encoder.Queries);
            return new SentenceEncoders(encoder with { Queries = queryEncoder });
        });
        await using var provider = services.BuildServiceProvider();
        var ingested = await provider.GetRequiredService<IngestionPipeline>().IngestAsync([TestPaths.Repo("corpus")],
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, ingested.Failed);
        var search = provider.GetRequiredService<PassageSearch>();
        // Warm the caches a long-running process holds (vector index, graph snapshot) before counting.
        await search.SearchAsync("warm up the caches", 10, RetrievalModeNames.Hybrid, TestContext.Current.CancellationToken);

        var statements = new List<string>();
        provider.GetRequiredService<GraphRagDatabase>().StatementObserver = statements.Add;
        queryEncoder!.Calls = 0;
        var result = await search.SearchAsync("Why is a p-value not the probability that a claim is true?", 10,
            RetrievalModeNames.Hybrid, TestContext.Current.CancellationToken);

        Assert.Equal(10, result.Hits.Count);
        // Both rankers ranked the question: each passage's reason names where they put it.
        Assert.Contains(result.Hits, h => h.Explanation!.Contains("lexical #") && h.Explanation.Contains("dense #"));
        // SQLite's trace also shows the statements FTS5 runs on its own tables ("-- ...") and the
        // connection settings made on each open (PRAGMA); the queries are the rest.
        var queries = statements.Where(s => !s.StartsWith("--", StringComparison.Ordinal) && !s.TrimStart().StartsWith("PRAGMA", StringComparison.Ordinal)).ToList();
        Assert.Collection(queries,
            fts => Assert.Contains("WHERE chunks_fts MATCH", fts),
            passages => Assert.Contains("FROM chunks c JOIN articles a", passages));
        Assert.Equal(1, queryEncoder.Calls);
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
