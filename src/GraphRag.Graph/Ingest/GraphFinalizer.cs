using GraphRag.Graph.Communities;
using GraphRag.Graph.Retrieve;
using GraphRag.Graph.Store;
using GraphRag.Ingest;
using GraphRag.Store;

namespace GraphRag.Graph.Ingest;

/// <summary>
/// After a batch: deletes graph rows nothing supports any more, decides again across the notes
/// which candidates are entities (<see cref="Extract.EntitySalience"/>), rebuilds the communities,
/// drops the cached in-memory graph, and sends the outbox to the mirror (Neo4j) when there is one
/// (with every article whose entities changed verdict). An unreachable mirror is a warning of
/// the batch, not a failure: the outbox keeps the writes for `graph sync`.
/// </summary>
public sealed class GraphFinalizer(GraphRagDatabase database, GraphSnapshotCache snapshots, IGraphMirror mirror, CommunityBuilder communities) : IBatchFinalizer
{
    public string Name => "graph";

    public async Task<IReadOnlyList<string>> FinalizeAsync(IngestionSummary summary, CancellationToken cancellationToken)
    {
        if (summary.ChangedNothing)
            return [];
        using (var write = database.BeginWrite())
        {
            SqliteGraphWriter.PruneAll(write);
            var changed = SqliteGraphWriter.UpdateSalience(write);
            if (mirror.Enabled && changed.Count > 0)
                foreach (var articleId in write.Query<long>("""
                             SELECT DISTINCT c.article_id FROM mentions m JOIN chunks c ON c.id = m.chunk_id
                             WHERE m.entity_id IN (SELECT value FROM json_each($ids))
                             """, new { ids = System.Text.Json.JsonSerializer.Serialize(changed) }))
                    mirror.Queue(articleId, write);
            communities.Rebuild(write);
            write.Commit();
        }
        snapshots.Invalidate();
        if (!mirror.Enabled)
            return [];
        var result = await mirror.SyncAsync(everything: false, progress: null, cancellationToken);
        return result.Problem is null ? [] : [GraphOutbox.WaitingMessage(result.Pending, result.Problem)];
    }
}
