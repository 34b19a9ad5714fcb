using Dapper;
using GraphRag.Ingest.Chunking;
using Microsoft.Data.Sqlite;

namespace GraphRag.Store;

/// <summary>
/// Reads and writes articles, their chunks and the FTS5 rows that index them. Every write takes
/// the caller's transaction, so the caller decides what is atomic.
/// </summary>
public sealed class ArticleStore(GraphRagDatabase database)
{
    public GraphRagDatabase Database { get; } = database;

    public sealed record ArticleState(long Id, string ArticleKey, string ContentHash);

    public static string? FileHash(SqliteConnection connection, string path) =>
        connection.QuerySingleOrDefault<string>(
            "SELECT content_hash FROM source_files WHERE path = $path", new { path });

    public static void RecordFile(SqliteConnection connection, SqliteTransaction transaction, string path, string hash, long size) =>
        connection.Execute("""
            INSERT INTO source_files (path, content_hash, size_bytes, ingested_at) VALUES ($path, $hash, $size, $at)
            ON CONFLICT (path) DO UPDATE SET content_hash = excluded.content_hash, size_bytes = excluded.size_bytes,
                                             ingested_at = excluded.ingested_at
            """, new { path, hash, size, at = Now() }, transaction);

    public static IReadOnlyList<string> KnownFiles(SqliteConnection connection) =>
        connection.Query<string>("SELECT path FROM source_files ORDER BY path").AsList();

    public static void ForgetFile(SqliteConnection connection, SqliteTransaction transaction, string path) =>
        connection.Execute("DELETE FROM source_files WHERE path = $path", new { path }, transaction);

    public static IReadOnlyList<ArticleState> ArticlesOfFile(SqliteConnection connection, string path, SqliteTransaction? transaction = null) =>
        connection.Query<ArticleState>(
            "SELECT id AS Id, article_key AS ArticleKey, content_hash AS ContentHash FROM articles WHERE source_path = $path",
            new { path }, transaction).AsList();

    public static long InsertArticle(SqliteConnection connection, SqliteTransaction transaction, string path, Ingest.Article article, string hash) =>
        connection.ExecuteScalar<long>("""
            INSERT INTO articles (source_path, article_key, title, source, author, published, text, content_hash, ingested_at)
            VALUES ($path, $key, $title, $source, $author, $published, $text, $hash, $at)
            RETURNING id
            """, ArticleParameters(path, article, hash), transaction);

    public static void UpdateArticle(SqliteConnection connection, SqliteTransaction transaction, long id, string path, Ingest.Article article, string hash)
    {
        var parameters = new DynamicParameters(ArticleParameters(path, article, hash));
        parameters.Add("id", id);
        connection.Execute("""
            UPDATE articles SET title = $title, source = $source, author = $author, published = $published,
                                text = $text, content_hash = $hash, ingested_at = $at
            WHERE id = $id
            """, parameters, transaction);
    }

    /// <summary>Removes the article's chunks and their FTS rows (the article row stays).</summary>
    public static void DeleteChunks(SqliteConnection connection, SqliteTransaction transaction, long articleId)
    {
        connection.Execute(
            "DELETE FROM chunks_fts WHERE rowid IN (SELECT id FROM chunks WHERE article_id = $articleId)",
            new { articleId }, transaction);
        connection.Execute("DELETE FROM chunks WHERE article_id = $articleId", new { articleId }, transaction);
    }

    public static void DeleteArticle(SqliteConnection connection, SqliteTransaction transaction, long articleId)
    {
        DeleteChunks(connection, transaction, articleId);
        connection.Execute("DELETE FROM articles WHERE id = $articleId", new { articleId }, transaction);
    }

    public static IReadOnlyList<StoredChunk> InsertChunks(
        SqliteConnection connection, SqliteTransaction transaction, long articleId, string title, string text, IReadOnlyList<ChunkSpan> spans)
    {
        var stored = new List<StoredChunk>(spans.Count);
        using var insertChunk = connection.CreateCommand();
        insertChunk.Transaction = transaction;
        insertChunk.CommandText = """
            INSERT INTO chunks (article_id, ordinal, heading_path, start_offset, end_offset, token_count, text)
            VALUES ($article, $ordinal, $heading, $start, $end, $tokens, $text) RETURNING id
            """;
        using var insertFts = connection.CreateCommand();
        insertFts.Transaction = transaction;
        insertFts.CommandText = "INSERT INTO chunks_fts (rowid, title, heading, text) VALUES ($id, $title, $heading, $text)";
        foreach (var span in spans)
        {
            var chunkText = text[span.Start..span.End];
            insertChunk.Parameters.Clear();
            insertChunk.Parameters.AddWithValue("$article", articleId);
            insertChunk.Parameters.AddWithValue("$ordinal", span.Ordinal);
            insertChunk.Parameters.AddWithValue("$heading", span.HeadingPath);
            insertChunk.Parameters.AddWithValue("$start", span.Start);
            insertChunk.Parameters.AddWithValue("$end", span.End);
            insertChunk.Parameters.AddWithValue("$tokens", span.TokenCount);
            insertChunk.Parameters.AddWithValue("$text", chunkText);
            var id = (long)insertChunk.ExecuteScalar()!;

            insertFts.Parameters.Clear();
            insertFts.Parameters.AddWithValue("$id", id);
            insertFts.Parameters.AddWithValue("$title", title);
            insertFts.Parameters.AddWithValue("$heading", span.HeadingPath);
            insertFts.Parameters.AddWithValue("$text", chunkText);
            insertFts.ExecuteNonQuery();

            stored.Add(new StoredChunk(id, articleId, span.Ordinal, span.HeadingPath, span.Start, span.End, span.TokenCount, chunkText));
        }
        return stored;
    }

    public StoredArticle? GetArticle(long id)
    {
        using var connection = Database.Open();
        return connection.QuerySingleOrDefault<StoredArticle>($"{SelectArticle} WHERE id = $id", new { id });
    }

    public IReadOnlyList<StoredArticle> ListArticles()
    {
        using var connection = Database.Open();
        return connection.Query<StoredArticle>($"{SelectArticle} ORDER BY id").AsList();
    }

    public StoredChunk? GetChunk(long id)
    {
        using var connection = Database.Open();
        return connection.QuerySingleOrDefault<ChunkRow>($"{SelectChunk} WHERE id = $id", new { id })?.ToStored();
    }

    public IReadOnlyList<StoredChunk> ChunksOf(long articleId)
    {
        using var connection = Database.Open();
        return connection.Query<ChunkRow>($"{SelectChunk} WHERE article_id = $articleId ORDER BY ordinal", new { articleId })
            .Select(r => r.ToStored()).ToList();
    }

    public StoreCounts Counts()
    {
        using var connection = Database.Open();
        return connection.QuerySingle<StoreCounts>("""
            SELECT (SELECT count(*) FROM source_files) AS Files,
                   (SELECT count(*) FROM articles) AS Articles,
                   (SELECT count(*) FROM chunks) AS Chunks
            """);
    }

    public sealed record StoreCounts(long Files, long Articles, long Chunks);

    private const string SelectArticle = """
        SELECT id AS Id, source_path AS SourcePath, article_key AS ArticleKey, title AS Title, source AS Source,
               author AS Author, published AS Published, text AS Text, content_hash AS ContentHash
        FROM articles
        """;

    private const string SelectChunk = """
        SELECT id AS Id, article_id AS ArticleId, ordinal AS Ordinal, heading_path AS HeadingPath,
               start_offset AS StartOffset, end_offset AS EndOffset, token_count AS TokenCount, text AS Text
        FROM chunks
        """;

    // SQLite hands back every integer as Int64; Dapper maps constructor parameters by exact type.
    private sealed record ChunkRow(long Id, long ArticleId, long Ordinal, string HeadingPath, long StartOffset, long EndOffset,
        long TokenCount, string Text)
    {
        public StoredChunk ToStored() =>
            new(Id, ArticleId, (int)Ordinal, HeadingPath, (int)StartOffset, (int)EndOffset, (int)TokenCount, Text);
    }

    private static object ArticleParameters(string path, Ingest.Article article, string hash) => new
    {
        path,
        key = article.Key,
        title = article.Title,
        source = article.Source,
        author = article.Author,
        published = article.Published,
        text = article.Text,
        hash,
        at = Now(),
    };

    private static string Now() => DateTimeOffset.UtcNow.ToString("O");
}
