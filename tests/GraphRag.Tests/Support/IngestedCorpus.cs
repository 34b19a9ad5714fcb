using GraphRag.Ingest;
using GraphRag.Ingest.Chunking;
using GraphRag.Ingest.Reading;
using GraphRag.Retrieve;
using GraphRag.Store;

namespace GraphRag.Tests.Support;

/// <summary>The corpus ingested once into a temp database, shared by the tests of a class.</summary>
public sealed class IngestedCorpus : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();

    public GraphRagDatabase Database { get; private set; } = null!;

    public ArticleStore Store => new(Database);

    /// <summary>Searches the corpus the way the app composes retrieval, lexical only (no encoder, no graph).</summary>
    public PassageSearch Search => new(
        RetrievalComposition.Compose(new RetrievalOptions { Mode = RetrievalModeNames.Lexical }, Database, dense: null, graph: null, unavailable: []), Store);

    public async ValueTask InitializeAsync()
    {
        Database = new GraphRagDatabase(_dir.File("corpus.db"));
        var summary = await new IngestionPipeline(Database, new ArticleReader(), new ChunkingOptions())
            .IngestAsync(CorpusFiles.All);
        if (summary.Failed > 0)
            throw new InvalidOperationException("corpus ingestion failed: " + string.Join("; ", summary.Files.Select(f => f.Error)));
    }

    public ValueTask DisposeAsync()
    {
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }
}
