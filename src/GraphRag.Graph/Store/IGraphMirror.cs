using GraphRag.Store;

namespace GraphRag.Graph.Store;

/// <summary>What a sync did: articles applied to the mirror, still pending, and why it stopped early (null when it finished).</summary>
public sealed record SyncResult(int Applied, int Pending, string? Problem);

/// <summary>
/// A copy of the graph kept outside the SQLite database (Neo4j), fed through an outbox that is
/// written in each article's own transaction; chosen once, at registration, from GraphRag:Graph:Store.
/// </summary>
public interface IGraphMirror
{
    /// <summary>False for the embedded store alone: nothing to queue, nothing to sync.</summary>
    bool Enabled { get; }

    /// <summary>Queues the article's graph for the mirror, inside the article's write transaction.</summary>
    void Queue(long articleId, WriteTransaction write);

    /// <summary>Article graphs that wait for the mirror.</summary>
    int Pending();

    /// <summary>Sends what waits (every article's graph with <paramref name="everything"/>).</summary>
    Task<SyncResult> SyncAsync(bool everything, IProgress<string>? progress, CancellationToken cancellationToken);
}

/// <summary>The embedded store alone: the SQLite tables are the graph.</summary>
public sealed class NoGraphMirror : IGraphMirror
{
    public bool Enabled => false;

    public void Queue(long articleId, WriteTransaction write)
    {
    }

    public int Pending() => 0;

    public Task<SyncResult> SyncAsync(bool everything, IProgress<string>? progress, CancellationToken cancellationToken) =>
        Task.FromResult(new SyncResult(0, 0, null));
}
