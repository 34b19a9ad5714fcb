using Dapper;
using GraphRag.Ingest;
using GraphRag.Ingest.Chunking;
using Microsoft.Data.Sqlite;

namespace GraphRag.Store;

/// <summary>
/// One write transaction on the database, held as briefly as possible: everything slow (reading,
/// embedding, extraction) is done before it opens. Core tables are written through its typed
/// methods; a module writes its own tables with parameterised SQL through <see cref="Execute"/>
/// and friends, inside the same transaction. Nothing is kept unless <see cref="Commit"/> runs.
/// </summary>
public sealed class WriteTransaction : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;

    internal WriteTransaction(SqliteConnection connection, bool ownsConnection)
    {
        _connection = connection;
        OwnsConnection = ownsConnection;
        // IMMEDIATE: take the write lock now (waiting out another writer) rather than fail on the first write.
        _transaction = connection.BeginTransaction(deferred: false);
    }

    private bool OwnsConnection { get; }

    public sealed record ArticleState(long Id, string ArticleKey, string ContentHash);

    // ---- Core tables ----

    public string? FileHash(string path) =>
        Query<string>("SELECT content_hash FROM source_files WHERE path = $path", new { path }).SingleOrDefault();

    public void RecordFile(string path, string hash, long size) =>
        Execute("""
            INSERT INTO source_files (path, content_hash, size_bytes, ingested_at) VALUES ($path, $hash, $size, $at)
            ON CONFLICT (path) DO UPDATE SET content_hash = excluded.content_hash, size_bytes = excluded.size_bytes,
                                             ingested_at = excluded.ingested_at
            """, new { path, hash, size, at = Now() });

    public IReadOnlyList<string> KnownFiles() =>
        Query<string>("SELECT path FROM source_files ORDER BY path").AsList();

    public void ForgetFile(string path) => Execute("DELETE FROM source_files WHERE path = $path", new { path });

    public IReadOnlyList<ArticleState> ArticlesOf(string source) =>
        Query<ArticleState>(
            "SELECT id AS Id, article_key AS ArticleKey, content_hash AS ContentHash FROM articles WHERE source_path = $source",
            new { source }).AsList();

    public long InsertArticle(string source, Article article, string hash) =>
        ExecuteScalar<long>("""
            INSERT INTO articles (source_path, article_key, title, source, author, published, text, content_hash, ingested_at)
            VALUES ($path, $key, $title, $source, $author, $published, $text, $hash, $at)
            RETURNING id
            """, ArticleParameters(source, article, hash));

    public void UpdateArticle(long id, string source, Article article, string hash)
    {
        var parameters = new DynamicParameters(ArticleParameters(source, article, hash));
        parameters.Add("id", id);
        Execute("""
            UPDATE articles SET title = $title, source = $source, author = $author, published = $published,
                                text = $text, content_hash = $hash, ingested_at = $at
            WHERE id = $id
            """, parameters);
    }

    /// <summary>Removes the article's chunks and their FTS rows (the article row stays).</summary>
    public void DeleteChunks(long articleId)
    {
        Execute("DELETE FROM chunks_fts WHERE rowid IN (SELECT id FROM chunks WHERE article_id = $articleId)", new { articleId });
        Execute("DELETE FROM chunks WHERE article_id = $articleId", new { articleId });
    }

    public void DeleteArticle(long articleId)
    {
        DeleteChunks(articleId);
        Execute("DELETE FROM articles WHERE id = $articleId", new { articleId });
    }

    public IReadOnlyList<StoredChunk> InsertChunks(long articleId, string title, string text, IReadOnlyList<ChunkSpan> spans)
    {
        var stored = new List<StoredChunk>(spans.Count);
        using var insertChunk = Prepare("""
            INSERT INTO chunks (article_id, ordinal, heading_path, start_offset, end_offset, token_count, text)
            VALUES ($article, $ordinal, $heading, $start, $end, $tokens, $text) RETURNING id
            """);
        using var insertFts = Prepare("INSERT INTO chunks_fts (rowid, title, heading, text) VALUES ($id, $title, $heading, $text)");
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

    // ---- Parameterised SQL for a module's own tables, in this transaction ----

    public int Execute(string sql, object? parameters = null) => _connection.Execute(sql, parameters, _transaction);

    public T? ExecuteScalar<T>(string sql, object? parameters = null) => _connection.ExecuteScalar<T>(sql, parameters, _transaction);

    public IEnumerable<T> Query<T>(string sql, object? parameters = null) => _connection.Query<T>(sql, parameters, _transaction);

    /// <summary>A command bound to this transaction, for many rows with the same statement; the caller disposes it.</summary>
    public SqliteCommand Prepare(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }

    public void Commit() => _transaction.Commit();

    public void Dispose()
    {
        _transaction.Dispose();
        if (OwnsConnection)
            _connection.Dispose();
    }

    private static object ArticleParameters(string path, Article article, string hash) => new
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
