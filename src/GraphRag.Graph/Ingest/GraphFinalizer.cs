using GraphRag.Graph.Retrieve;
using GraphRag.Graph.Store;
using GraphRag.Ingest;
using GraphRag.Store;

namespace GraphRag.Graph.Ingest;

/// <summary>
/// After a batch: deletes graph rows nothing supports any more, drops the cached in-memory graph,
/// and sends the outbox to the mirror (Neo4j) when there is one. An unreachable mirror is a warning
/// of the batch, not a failure: the outbox keeps the writes for `graph sync`.
/// </summary>
public sealed class GraphFinalizer(GraphRagDatabase database, GraphSnapshotCache snapshots, IGraphMirror mirror) : IBatchFinalizer
{
    public string Name => "graph";

    public async Task<IReadOnlyList<string>> FinalizeAsync(IngestionSummary summary, CancellationToken cancellationToken)
    {
        if (summary.ChangedNothing)
            return [];
        using (var write = database.BeginWrite())
        {
            SqliteGraphWriter.PruneAll(write);
            write.Commit();
        }
        snapshots.Invalidate();
        if (!mirror.Enabled)
            return [];
        var result = await mirror.SyncAsync(everything: false, progress: null, cancellationToken);
        return result.Problem is null ? [] : [GraphOutbox.WaitingMessage(result.Pending, result.Problem)];
    }
}
