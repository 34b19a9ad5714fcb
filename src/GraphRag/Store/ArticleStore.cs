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

    /// <summary>Every article's id and title, and nothing else: what a question naming an article is matched against.</summary>
    public IReadOnlyList<ArticleTitle> ArticleTitles()
    {
        using var connection = Database.Open();
        return connection.Query<ArticleTitle>("SELECT id AS Id, title AS Title FROM articles ORDER BY id").AsList();
    }

    public sealed record ArticleTitle(long Id, string Title);

    /// <summary>Every article without its text: its size, chunk count, its file's size and when it was ingested (the document list).</summary>
    public IReadOnlyList<ArticleListing> ListArticleListings()
    {
        using var connection = Database.Open();
        return connection.Query<ListingRow>("""
            SELECT a.id AS Id, a.title AS Title, a.source_path AS SourcePath, length(a.text) AS Characters,
                   (SELECT count(*) FROM chunks c WHERE c.article_id = a.id) AS Chunks,
                   f.size_bytes AS FileBytes, a.ingested_at AS IngestedAt
            FROM articles a LEFT JOIN source_files f ON f.path = a.source_path
            ORDER BY a.id
            """).Select(r => new ArticleListing(r.Id, r.Title, r.SourcePath, r.Characters, r.Chunks, r.FileBytes, r.IngestedAt)).ToList();
    }

    /// <summary>The article of every chunk, to count per article what hangs off chunks (entities, say).</summary>
    public IReadOnlyDictionary<long, long> ArticleOfChunks()
    {
        using var connection = Database.Open();
        return connection.Query<(long Chunk, long Article)>("SELECT id, article_id FROM chunks").ToDictionary(c => c.Chunk, c => c.Article);
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

    /// <summary>The content hash of each article, in one read without the texts: whether something made from an article is still current.</summary>
    public IReadOnlyDictionary<long, string> ContentHashes(IReadOnlyCollection<long> articleIds)
    {
        if (articleIds.Count == 0)
            return new Dictionary<long, string>();
        using var connection = Database.Open();
        return connection.Query<(long Id, string Hash)>(
                "SELECT id, content_hash FROM articles WHERE id IN (SELECT value FROM json_each($ids))",
                new { ids = JsonSerializer.Serialize(articleIds) })
            .ToDictionary(r => r.Id, r => r.Hash);
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

    /// <param name="FileBytes">The source file's size; null for articles that came from no file (a benchmark's).</param>
    /// <param name="IngestedAt">ISO 8601, UTC: when the article was last written.</param>
    public sealed record ArticleListing(long Id, string Title, string SourcePath, long Characters, long Chunks, long? FileBytes, string IngestedAt);

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

    // Settable properties, not a constructor: on an empty table SQLite reports computed columns as BLOB, which no constructor matches.
    private sealed class ListingRow
    {
        public long Id { get; init; }
        public string Title { get; init; } = "";
        public string SourcePath { get; init; } = "";
        public long Characters { get; init; }
        public long Chunks { get; init; }
        public long? FileBytes { get; init; }
        public string IngestedAt { get; init; } = "";
    }

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
