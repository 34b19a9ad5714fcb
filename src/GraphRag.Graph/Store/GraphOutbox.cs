using GraphRag.Store;
using Dapper;
using Microsoft.Data.Sqlite;

namespace GraphRag.Graph.Store;

/// <summary>
/// The articles whose graph Neo4j has not received yet. Rows are written in the article's own
/// transaction, so a crash or an unreachable server loses nothing: `graph sync` drains them later.
/// </summary>
public static class GraphOutbox
{
    public sealed record Entry(long ArticleId, string QueuedAt);

    public static void Enqueue(long articleId, WriteTransaction write) =>
        write.Execute("""
            INSERT INTO graph_outbox (article_id, queued_at) VALUES ($articleId, $at)
            ON CONFLICT (article_id) DO UPDATE SET queued_at = excluded.queued_at
            """, new { articleId, at = DateTimeOffset.UtcNow.ToString("O") });

    /// <summary>Queues every article (and every article Neo4j may still hold): for a first sync or a rebuild.</summary>
    public static int EnqueueAll(WriteTransaction write) =>
        write.Execute("""
            INSERT INTO graph_outbox (article_id, queued_at) SELECT id, $at FROM articles WHERE true
            ON CONFLICT (article_id) DO UPDATE SET queued_at = excluded.queued_at
            """, new { at = DateTimeOffset.UtcNow.ToString("O") });

    public static IReadOnlyList<Entry> Peek(SqliteConnection connection, int limit) =>
        connection.Query<Entry>("SELECT article_id AS ArticleId, queued_at AS QueuedAt FROM graph_outbox ORDER BY article_id LIMIT $limit", new { limit }).ToList();

    public static int Pending(SqliteConnection connection) => connection.ExecuteScalar<int>("SELECT count(*) FROM graph_outbox");

    /// <summary>What a user is told while graph writes wait for Neo4j: how many, why, and the command that sends them.</summary>
    public static string WaitingMessage(int pending, string problem) =>
        $"{pending} article graph{(pending == 1 ? "" : "s")} wait for Neo4j ({problem}); they are kept in the database: run `graphrag graph sync` once Neo4j is reachable.";

    /// <summary>Removes entries that were applied, unless they were queued again meanwhile.</summary>
    public static void Complete(IEnumerable<Entry> entries, SqliteConnection connection) =>
        connection.Execute("DELETE FROM graph_outbox WHERE article_id = $ArticleId AND queued_at = $QueuedAt", entries);
}
