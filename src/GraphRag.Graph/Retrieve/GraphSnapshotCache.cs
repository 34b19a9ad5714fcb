using GraphRag.Graph.Store;

namespace GraphRag.Graph.Retrieve;

/// <summary>
/// Holds the in-memory graph between queries; reloaded after ingestion (the finalizer invalidates
/// it) or when older than <see cref="MaxAge"/>, so a long-running web app sees other processes' writes.
/// </summary>
public sealed class GraphSnapshotCache(IGraphStore store) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private (GraphIndex Index, EntityLinker Linker, DateTimeOffset LoadedAt)? _current;

    public TimeSpan MaxAge { get; init; } = TimeSpan.FromMinutes(5);

    public async Task<(GraphIndex Index, EntityLinker Linker)> GetAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_current is not { } c || DateTimeOffset.UtcNow - c.LoadedAt > MaxAge)
            {
                var snapshot = await store.LoadSnapshotAsync(cancellationToken);
                _current = c = (new GraphIndex(snapshot), new EntityLinker(snapshot.Entities), DateTimeOffset.UtcNow);
            }
            return (c.Index, c.Linker);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Invalidate() => _current = null;

    public void Dispose() => _lock.Dispose();
}
