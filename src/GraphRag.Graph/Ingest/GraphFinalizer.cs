using GraphRag.Graph.Retrieve;
using GraphRag.Graph.Store;
using GraphRag.Ingest;
using GraphRag.Store;

namespace GraphRag.Graph.Ingest;

/// <summary>
/// After a batch: deletes graph rows nothing supports any more, drops the cached in-memory graph,
/// and sends the outbox to the mirror (Neo4j) when there is one. An unreachable mirror is reported,
/// not fatal: the outbox keeps the writes for `graph sync`.
/// </summary>
public sealed class GraphFinalizer(GraphRagDatabase database, GraphSnapshotCache snapshots, IGraphMirror mirror) : IBatchFinalizer
{
    public string Name => "graph";

    public async Task FinalizeAsync(IngestionSummary summary, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (summary.ChangedNothing)
            return;
        using (var write = database.BeginWrite())
        {
            SqliteGraphWriter.PruneAll(write);
            write.Commit();
        }
        snapshots.Invalidate();
        if (!mirror.Enabled)
            return;
        var result = await mirror.SyncAsync(everything: false, progress, cancellationToken);
        if (result.Problem is not null)
            progress?.Report($"graph: {result.Pending} article graphs wait for Neo4j ({result.Problem}); run `graphrag graph sync` once it is back");
    }
}
