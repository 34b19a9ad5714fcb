using Dapper;
using GraphRag.Graph.Store;
using GraphRag.Store;
using GraphRag.Tests;

namespace GraphRag.Graph.Tests.Support;

/// <summary>A fresh GraphRag database (all migrations applied) in a temp folder, with helpers to add article and chunk rows.</summary>
public sealed class GraphDatabase : IDisposable
{
    private readonly TempDirectory _directory = new();

    public GraphDatabase() => Database = new GraphRagDatabase(_directory.File("graph.db"), EmbeddedGraphStore.Migrations);

    public GraphRagDatabase Database { get; }

    public string Folder => _directory.Path;

    /// <summary>Inserts an article whose chunks split <paramref name="text"/> at the given offsets; returns the article and chunk ids.</summary>
    public (long ArticleId, long[] ChunkIds) AddArticle(string key, string text, params int[] chunkStarts)
    {
        using var connection = Database.Open();
        using var transaction = connection.BeginTransaction();
        var articleId = connection.ExecuteScalar<long>("""
            INSERT INTO articles (source_path, article_key, title, text, content_hash, ingested_at)
            VALUES ('test.md', $key, $key, $text, $key, '2026-01-01') RETURNING id
            """, new { key, text }, transaction);
        var starts = chunkStarts.Length == 0 ? [0] : chunkStarts;
        var ids = new long[starts.Length];
        for (var i = 0; i < starts.Length; i++)
        {
            var end = i + 1 < starts.Length ? starts[i + 1] : text.Length;
            ids[i] = connection.ExecuteScalar<long>("""
                INSERT INTO chunks (article_id, ordinal, heading_path, start_offset, end_offset, token_count, text)
                VALUES ($articleId, $i, '', $start, $end, 1, $chunk) RETURNING id
                """, new { articleId, i, start = starts[i], end, chunk = text[starts[i]..end] }, transaction);
        }
        transaction.Commit();
        return (articleId, ids);
    }

    public void Dispose() => _directory.Dispose();
}
