using GraphRag.Graph.Retrieve;
using GraphRag.Graph.Store;
using GraphRag.Ingest;
using GraphRag.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphRag.Graph.Ingest;

/// <summary>
/// After a batch: deletes graph rows nothing supports any more, drops the cached in-memory graph,
/// and with the Neo4j store applies the outbox. An unreachable Neo4j is reported, not fatal: the
/// outbox keeps the writes for `graph sync`.
/// </summary>
public sealed class GraphFinalizer(GraphRagDatabase database, GraphSnapshotCache snapshots, IServiceProvider services, IOptions<GraphOptions> options)
    : IBatchFinalizer
{
    public string Name => "graph";

    public async Task FinalizeAsync(IngestionSummary summary, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (summary.ChangedNothing)
            return;
        using (var connection = database.Open())
        using (var transaction = connection.BeginTransaction())
        {
            SqliteGraphWriter.PruneAll(connection, transaction);
            transaction.Commit();
        }
        snapshots.Invalidate();
        if (!options.Value.UsesNeo4j)
            return;
        var result = await services.GetRequiredService<GraphSync>().SyncAsync(everything: false, progress, cancellationToken);
        if (result.Problem is not null)
            progress?.Report($"graph: {result.Pending} article graphs wait for Neo4j ({result.Problem})");
    }
}
