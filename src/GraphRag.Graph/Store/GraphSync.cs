using GraphRag.Graph.Model;
using GraphRag.Store;
using Microsoft.Extensions.Options;

namespace GraphRag.Graph.Store;

/// <summary>What a sync did: articles applied to Neo4j, still pending, and why it stopped early (null when it finished).</summary>
public sealed record SyncResult(int Applied, int Pending, string? Problem);

/// <summary>
/// Applies the outbox to Neo4j: each queued article's graph is read back from SQLite (the source of
/// truth) and replaces the article's contribution in Neo4j, a batch per transaction. An article
/// deleted meanwhile reads as empty, so its removal reaches Neo4j as well. Idempotent.
/// </summary>
public sealed class GraphSync(GraphRagDatabase database, Neo4jGraphStore neo4j, IOptions<GraphOptions> options)
{
    public async Task<SyncResult> SyncAsync(bool everything, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        if (everything)
        {
            using var transaction = connection.BeginTransaction();
            GraphOutbox.EnqueueAll(connection, transaction);
            transaction.Commit();
        }
        var applied = 0;
        while (true)
        {
            var batch = GraphOutbox.Peek(connection, options.Value.Neo4j.BatchArticles);
            if (batch.Count == 0)
                return new SyncResult(applied, 0, null);
            List<ArticleGraph> graphs;
            // One read transaction per batch: each graph is a consistent picture even while ingestion writes.
            using (var read = connection.BeginTransaction(deferred: true))
                graphs = batch.Select(e => SqliteArticleGraphReader.Read(e.ArticleId, connection, read)).ToList();
            try
            {
                await neo4j.ReplaceArticlesAsync(graphs, cancellationToken);
            }
            catch (GraphStoreUnavailableException ex)
            {
                return new SyncResult(applied, GraphOutbox.Pending(connection), ex.Message);
            }
            GraphOutbox.Complete(batch, connection);
            applied += batch.Count;
            progress?.Report($"graph sync: {applied} article graphs applied to Neo4j");
        }
    }
}
