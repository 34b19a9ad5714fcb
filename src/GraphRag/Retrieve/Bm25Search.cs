using Dapper;
using GraphRag.Store;

namespace GraphRag.Retrieve;

/// <summary>
/// Lexical retrieval: SQLite FTS5 with BM25 ranking over chunk text, heading and article title
/// (Porter stemming, diacritics folded). A match in the title or heading counts more than one in
/// the body, since those name what the whole passage is about.
/// </summary>
public sealed class Bm25Search(GraphRagDatabase database) : IRetriever
{
    public const int MaxQueryLength = 2000;

    // bm25() column weights for (title, heading, text); lower scores are better in FTS5.
    private const string Weights = "2.0, 1.5, 1.0";

    public string Mode => "lexical";

    public Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int top, CancellationToken cancellationToken = default)
    {
        var terms = Validate(query, top);
        using var connection = database.Open();
        var rows = connection.Query<Row>($"""
            SELECT c.id AS ChunkId, c.article_id AS ArticleId, a.title AS Title, c.heading_path AS HeadingPath,
                   c.text AS Text, c.start_offset AS StartOffset, c.end_offset AS EndOffset,
                   -bm25(chunks_fts, {Weights}) AS Score
            FROM chunks_fts
            JOIN chunks c ON c.id = chunks_fts.rowid
            JOIN articles a ON a.id = c.article_id
            WHERE chunks_fts MATCH $match
            ORDER BY bm25(chunks_fts, {Weights}), c.id
            LIMIT $top
            """, new { match = QueryTerms.ToFtsMatch(terms), top });
        IReadOnlyList<SearchHit> hits = rows
            .Select((r, i) => new SearchHit(i + 1, r.Score, r.ChunkId, r.ArticleId, r.Title, r.HeadingPath, r.Text,
                (int)r.StartOffset, (int)r.EndOffset, "matched: " + string.Join(", ", Matched(terms, r))))
            .ToList();
        return Task.FromResult(hits);
    }

    /// <summary>Checks a query before any search runs; returns its searchable terms.</summary>
    public static IReadOnlyList<string> Validate(string query, int top)
    {
        if (top < 1)
            throw new QueryException($"--top must be at least 1 (got {top}).");
        if (string.IsNullOrWhiteSpace(query))
            throw new QueryException("The query is empty.");
        if (query.Length > MaxQueryLength)
            throw new QueryException($"The query is {query.Length} characters long; the limit is {MaxQueryLength}.");
        var terms = QueryTerms.Extract(query);
        if (terms.Count == 0)
            throw new QueryException($"The query \"{query}\" has no words to search for (only punctuation or operators).");
        return terms;
    }

    private static IEnumerable<string> Matched(IReadOnlyList<string> terms, Row row) =>
        terms.Where(t => row.Text.Contains(t, StringComparison.OrdinalIgnoreCase)
                         || row.Title.Contains(t, StringComparison.OrdinalIgnoreCase));

    // Settable properties, not a positional record: with no rows SQLite reports the computed score
    // column as a BLOB, and Dapper matches constructors by column type but properties by name.
    private sealed class Row
    {
        public long ChunkId { get; set; }
        public long ArticleId { get; set; }
        public string Title { get; set; } = "";
        public string HeadingPath { get; set; } = "";
        public string Text { get; set; } = "";
        public long StartOffset { get; set; }
        public long EndOffset { get; set; }
        public double Score { get; set; }
    }
}
