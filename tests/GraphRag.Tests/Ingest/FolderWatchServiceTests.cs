using System.Threading.Channels;
using GraphRag.Ingest;
using GraphRag.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphRag.Tests.Ingest;

/// <summary>The hosted service behind `watch DIR`, on a real folder and a real database.</summary>
public sealed class FolderWatchServiceTests : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ServiceProvider _services;
    private readonly Channel<IngestionSummary> _batches = Channel.CreateUnbounded<IngestionSummary>();

    public FolderWatchServiceTests()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("GraphRag:Database", _dir.File("watch.db"))])
            .Build();
        _services = new ServiceCollection().AddLogging().AddGraphRagCore(configuration).BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Ingests_the_folder_then_each_dropped_file_and_prunes_a_deleted_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Path.Combine(_dir.Path, "notes");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "first.md"), "# First\n\nBM25 ranks by term frequency.\n", ct);
        var service = new FolderWatchService(folder, _services.GetRequiredService<IServiceScopeFactory>(),
            _services.GetRequiredService<ILogger<FolderWatchService>>(), TimeSpan.FromMilliseconds(100));
        service.BatchIngested += summary => _batches.Writer.TryWrite(summary);
        var store = _services.GetRequiredService<ArticleStore>();

        await service.StartAsync(ct);
        try
        {
            Assert.Equal(1, (await NextBatch(ct)).ArticlesAdded);

            await File.WriteAllTextAsync(Path.Combine(folder, "second.md"), "# Second\n\nReciprocal rank fusion.\n", ct);
            Assert.Equal(1, (await NextBatch(ct)).ArticlesAdded);
            Assert.Equal(["First", "Second"], store.ListArticles().Select(a => a.Title).Order());

            File.Delete(Path.Combine(folder, "first.md"));
            Assert.Equal(1, (await NextBatch(ct)).ArticlesRemoved);
            Assert.Equal(["Second"], store.ListArticles().Select(a => a.Title));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>The next batch that changed something; a burst of file events may also yield empty ones.</summary>
    private async Task<IngestionSummary> NextBatch(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var batch = await _batches.Reader.ReadAsync(timeout.Token);
            if (!batch.ChangedNothing)
                return batch;
        }
    }
}
