using GraphRag.Graph.Model;
using GraphRag.Store;
using Microsoft.Extensions.Options;

namespace GraphRag.Graph.Store;

/// <summary>
/// Keeps Neo4j in step with the SQLite graph through the outbox: each queued article's graph is
/// read back from SQLite (the source of truth) and replaces the article's contribution in Neo4j, a
/// batch per transaction. An article deleted meanwhile reads as empty, so its removal reaches Neo4j
/// as well. Idempotent.
/// </summary>
public sealed class Neo4jMirror(GraphRagDatabase database, Neo4jGraphStore neo4j, IOptions<GraphOptions> options) : IGraphMirror
{
    public bool Enabled => true;

    public void Queue(long articleId, WriteTransaction write) => GraphOutbox.Enqueue(articleId, write);

    public int Pending()
    {
        using var connection = database.Open();
        return GraphOutbox.Pending(connection);
    }

    public async Task<SyncResult> SyncAsync(bool everything, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (everything)
        {
            using var write = database.BeginWrite();
            GraphOutbox.EnqueueAll(write);
            write.Commit();
        }
        using var connection = database.Open();
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
