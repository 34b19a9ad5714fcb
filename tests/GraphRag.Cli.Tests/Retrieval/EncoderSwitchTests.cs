using Dapper;
using GraphRag.Ingest;
using GraphRag.Retrieve;
using GraphRag.Store;
using GraphRag.Tests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Cli.Tests.Retrieval;

/// <summary>
/// Vectors keep their model's identity: a change of encoder re-embeds on the next ingest, an index
/// never holds two models' vectors, and until the notes are re-embedded a question is embedded by the
/// model that made the vectors. Real encoders (both packaged BERT models), real SQLite files.
/// </summary>
public sealed class EncoderSwitchTests : IDisposable
{
    private const string MiniLm = "all-minilm-l6-v2";
    private const string Arctic = "arctic-embed-xs";
    private const string Question = "How is the quality of a ranked list measured?";

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ServiceProvider Services(string database, string encoder)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(TestPaths.Repo("appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["GraphRag:Database"] = database,
                ["GraphRag:Embeddings:Encoder"] = encoder,
            })
            .Build();
        return new ServiceCollection().AddLogging().AddGraphRagServices(configuration).BuildServiceProvider();
    }

    private string Notes(params string[] names)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder.Path, "notes")).FullName;
        foreach (var name in names)
            File.Copy(Directory.GetFiles(TestPaths.Repo("corpus"), name + "*").Single(), Path.Combine(folder, name + ".txt"), overwrite: true);
        return folder;
    }

    private static async Task<IReadOnlyList<long>> DenseAsync(ServiceProvider services) =>
        (await services.GetRequiredService<PassageSearch>().SearchAsync(Question, 5, RetrievalModeNames.Dense, Ct)).Hits.Select(h => h.ChunkId).ToList();

    private static IReadOnlyList<string> Models(string database)
    {
        using var connection = new GraphRagDatabase(database).Open();
        return connection.Query<string>("SELECT DISTINCT model FROM chunk_embeddings ORDER BY model").ToList();
    }

    [Fact]
    public async Task Switching_encoders_keeps_search_on_the_old_vectors_until_ingest_re_embeds_them()
    {
        var database = _folder.File("notes.db");
        var notes = Notes("003", "004");
        IReadOnlyList<long> beforeSwitch;
        using (var miniLm = Services(database, MiniLm))
        {
            await miniLm.GetRequiredService<IngestionPipeline>().IngestAsync([notes], cancellationToken: Ct);
            beforeSwitch = await DenseAsync(miniLm);
        }
        Assert.Equal([MiniLm], Models(database).Select(m => m.Split('@')[0]));

        using var arctic = Services(database, Arctic);
        // Not re-embedded yet: the question is embedded by MiniLM, the model of the stored vectors.
        Assert.Equal(beforeSwitch, await DenseAsync(arctic));

        var summary = await arctic.GetRequiredService<IngestionPipeline>().IngestAsync([notes], cancellationToken: Ct);
        Assert.Equal(0, summary.Failed);
        Assert.Equal([Arctic], Models(database).Select(m => m.Split('@')[0]));

        // Now the same as a database embedded with arctic from the start.
        var fresh = _folder.File("fresh.db");
        using var freshServices = Services(fresh, Arctic);
        await freshServices.GetRequiredService<IngestionPipeline>().IngestAsync([notes], cancellationToken: Ct);
        var expected = (await freshServices.GetRequiredService<PassageSearch>().SearchAsync(Question, 5, RetrievalModeNames.Dense, Ct)).Hits
            .Select(h => (h.Title, h.StartOffset)).ToList();
        var actual = (await arctic.GetRequiredService<PassageSearch>().SearchAsync(Question, 5, RetrievalModeNames.Dense, Ct)).Hits
            .Select(h => (h.Title, h.StartOffset)).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Mid_switch_the_index_holds_only_the_configured_models_vectors()
    {
        var database = _folder.File("mixed.db");
        using (var miniLm = Services(database, MiniLm))
            await miniLm.GetRequiredService<IngestionPipeline>().IngestAsync([Notes("004")], cancellationToken: Ct);
        using var arctic = Services(database, Arctic);
        var second = Notes("003");
        await arctic.GetRequiredService<IngestionPipeline>().IngestAsync([Path.Combine(second, "003.txt")], cancellationToken: Ct);
        Assert.Equal(2, Models(database).Count);

        var store = arctic.GetRequiredService<ArticleStore>();
        var arcticArticles = store.ListArticles().Where(a => a.SourcePath.EndsWith("003.txt", StringComparison.Ordinal)).Select(a => a.Id).ToHashSet();
        var hits = (await arctic.GetRequiredService<PassageSearch>().SearchAsync(Question, 20, RetrievalModeNames.Dense, Ct)).Hits;
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Contains(h.ArticleId, arcticArticles));
    }
}
