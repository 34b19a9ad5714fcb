using GraphRag.Ingest;
using GraphRag.Tests;

namespace GraphRag.Graph.Tests.Support;

/// <summary>corpus/ ingested once through the real pipeline (graph only, no encoder) for the tests that read the whole graph.</summary>
public sealed class IngestedCorpus : IAsyncLifetime
{
    public GraphHost Host { get; } = new();

    public async ValueTask InitializeAsync()
    {
        var summary = await Host.Get<IngestionPipeline>().IngestAsync([TestPaths.Repo("corpus")]);
        if (summary.Failed != 0)
            throw new InvalidOperationException($"corpus/ did not ingest: {summary.Failed} files failed");
    }

    public ValueTask DisposeAsync()
    {
        Host.Dispose();
        return ValueTask.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class IngestedCorpusCollection : ICollectionFixture<IngestedCorpus>
{
    public const string Name = "ingested corpus";
}
