using GraphRag.Graph.Store;
using GraphRag.Store;

namespace GraphRag.Graph.Retrieve;

/// <summary>
/// Holds the in-memory graph between queries; reloaded after ingestion (the finalizer invalidates
/// it) or when older than <see cref="MaxAge"/>, so a long-running web app sees other processes' writes.
/// Which articles are about which entities is read from the notes' titles the first time a search asks.
/// </summary>
public sealed class GraphSnapshotCache(IGraphStore store, ArticleStore articles) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private Loaded? _current;

    public TimeSpan MaxAge { get; init; } = TimeSpan.FromMinutes(5);

    public async Task<(GraphIndex Index, EntityLinker Linker)> GetAsync(CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(cancellationToken);
        return (loaded.Index, loaded.Linker);
    }

    /// <summary>The graph with the passages about each entity, both of one snapshot.</summary>
    public async Task<(GraphIndex Index, ArticleSubjects Subjects)> GetSubjectsAsync(CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(cancellationToken);
        return (loaded.Index, loaded.Subjects.Value);
    }

    private async Task<Loaded> LoadAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_current is not { } c || DateTimeOffset.UtcNow - c.LoadedAt > MaxAge)
            {
                var snapshot = await store.LoadSnapshotAsync(cancellationToken);
                var index = new GraphIndex(snapshot);
                var linker = new EntityLinker(snapshot.Entities);
                _current = c = new Loaded(index, linker,
                    new Lazy<ArticleSubjects>(() => new ArticleSubjects(index, linker, articles.ArticleTitles(), articles.ArticleOfChunks())),
                    DateTimeOffset.UtcNow);
            }
            return c;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Invalidate() => _current = null;

    public void Dispose() => _lock.Dispose();

    private sealed record Loaded(GraphIndex Index, EntityLinker Linker, Lazy<ArticleSubjects> Subjects, DateTimeOffset LoadedAt);
}
