using Dapper;
using GraphRag.Store;
using GraphRag.Text;

namespace GraphRag.Retrieve.Lexical;

/// <summary>
/// Lexical retrieval: SQLite FTS5 with BM25 ranking over chunk text, heading and article title
/// (Porter stemming, diacritics folded). A match in the title or heading counts more than one in
/// the body, since those name what the whole passage is about.
/// </summary>
public sealed class Bm25Ranker(GraphRagDatabase database) : IRanker
{
    // bm25() column weights for (title, heading, text); lower scores are better in FTS5.
    private const string Weights = "2.0, 1.5, 1.0";

    public Task<IReadOnlyList<RankedChunk>> RankAsync(SearchQuery query, int depth, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        var why = Matched(query.Terms);
        IReadOnlyList<RankedChunk> ranked = connection.Query<Row>($"""
                SELECT rowid AS ChunkId, -bm25(chunks_fts, {Weights}) AS Score
                FROM chunks_fts
                WHERE chunks_fts MATCH $match
                ORDER BY bm25(chunks_fts, {Weights}), rowid
                LIMIT $depth
                """, new { match = QueryTerms.ToFtsMatch(query.Terms), depth })
            .Select(r => new RankedChunk(r.ChunkId, r.Score, why))
            .ToList();
        return Task.FromResult(ranked);
    }

    /// <summary>The query words the passage holds, compared by stem as the index matches them ("terms" matched "term").</summary>
    private static Explanation Matched(IReadOnlyList<string> terms) => passage =>
    {
        var stems = Stemmer.Stems($"{passage.Title} {passage.HeadingPath} {passage.Text}");
        return "matched: " + string.Join(", ", terms.Where(t => Words.Of(t).Select(Stemmer.Stem).Any(stems.Contains)));
    };

    // Settable properties, not a positional record: with no rows SQLite reports the computed score
    // column as a BLOB, and Dapper matches constructors by column type but properties by name.
    private sealed class Row
    {
        public long ChunkId { get; set; }
        public double Score { get; set; }
    }
}
