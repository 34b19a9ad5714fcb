using System.Text.Json;
using Dapper;

namespace GraphRag.Store;

/// <summary>
/// The one reader of the core tables (source files, articles, chunks): every other project reads
/// articles and passages through it. Writes go through <see cref="WriteTransaction"/>.
/// </summary>
public sealed class ArticleStore(GraphRagDatabase database)
{
    public GraphRagDatabase Database { get; } = database;

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

    /// <summary>Article ids and keys under one source (a file's path, or a named source such as a benchmark).</summary>
    public IReadOnlyDictionary<long, string> ArticleKeysOf(string source)
    {
        using var connection = Database.Open();
        return connection.Query<(long Id, string Key)>(
                "SELECT id, article_key FROM articles WHERE source_path = $source", new { source })
            .ToDictionary(a => a.Id, a => a.Key);
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

    /// <summary>The chunks as citable passages, in one read; ids that no longer exist are absent.</summary>
    public IReadOnlyDictionary<long, Retrieve.Passage> Passages(IReadOnlyCollection<long> chunkIds)
    {
        if (chunkIds.Count == 0)
            return new Dictionary<long, Retrieve.Passage>();
        using var connection = Database.Open();
        return connection.Query<PassageRow>("""
                SELECT c.id AS ChunkId, c.article_id AS ArticleId, a.title AS Title, c.heading_path AS HeadingPath,
                       c.text AS Text, c.start_offset AS StartOffset, c.end_offset AS EndOffset
                FROM chunks c JOIN articles a ON a.id = c.article_id
                WHERE c.id IN (SELECT value FROM json_each($ids))
                """, new { ids = JsonSerializer.Serialize(chunkIds) })
            .ToDictionary(r => r.ChunkId, r => r.ToPassage());
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

    private sealed record PassageRow(long ChunkId, long ArticleId, string Title, string HeadingPath, string Text, long StartOffset, long EndOffset)
    {
        public Retrieve.Passage ToPassage() => new(ChunkId, ArticleId, Title, HeadingPath, Text, (int)StartOffset, (int)EndOffset);
    }
}
