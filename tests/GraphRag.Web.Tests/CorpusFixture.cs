using GraphRag.Ingest;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(GraphRag.Web.Tests.CorpusFixture))]

namespace GraphRag.Web.Tests;

/// <summary>One app over the repository's corpus/, ingested once for every read-only API test.</summary>
public sealed class CorpusFixture : IAsyncLifetime
{
    private WebAppHost? _host;

    public WebAppHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public HttpClient Client => Host.Client;

    public IngestionSummary Ingested { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await WebAppHost.StartAsync();
        Ingested = await _host.Services.GetRequiredService<IngestionPipeline>().IngestAsync([TestPaths.Repo("corpus")]);
        if (Ingested.Failed > 0 || Ingested.ArticlesAdded == 0)
            throw new InvalidOperationException($"Ingesting corpus/ failed: {Ingested.Failed} files failed, {Ingested.ArticlesAdded} articles added.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
    }
}
