using GraphRag.Store;

namespace GraphRag.Retrieve;

/// <summary>The passages of one search, and the mode that ranked them.</summary>
public sealed record SearchResult(string Mode, IReadOnlyList<SearchHit> Hits);

/// <summary>
/// A search from start to finish: parse the question once, rank it in the chosen mode, load the
/// ranked passages in one read, and put each reason into words.
/// </summary>
public sealed class PassageSearch(RetrievalModes modes, ArticleStore store)
{
    public RetrievalModes Modes => modes;

    /// <exception cref="QueryException">The question cannot be searched, or <paramref name="top"/> is below 1.</exception>
    /// <exception cref="UnavailableModeException">The mode is unknown or off.</exception>
    public Task<SearchResult> SearchAsync(string? question, int top, string? mode = null, CancellationToken cancellationToken = default) =>
        SearchAsync(SearchQuery.Parse(question), top, mode, cancellationToken);

    public async Task<SearchResult> SearchAsync(SearchQuery query, int top, string? mode = null, CancellationToken cancellationToken = default)
    {
        if (top < 1)
            throw new QueryException($"The number of passages must be at least 1 (got {top}).");
        var (name, ranker) = modes.Get(mode);
        var ranked = await ranker.RankAsync(query, top, cancellationToken);
        return new SearchResult(name, Load(ranked));
    }

    private IReadOnlyList<SearchHit> Load(IReadOnlyList<RankedChunk> ranked)
    {
        var passages = store.Passages(ranked.Select(r => r.ChunkId).ToList());
        var hits = new List<SearchHit>(ranked.Count);
        foreach (var chunk in ranked)
        {
            // A chunk deleted since the ranking was computed simply drops out.
            if (passages.TryGetValue(chunk.ChunkId, out var passage))
                hits.Add(SearchHit.Of(hits.Count + 1, chunk, passage));
        }
        return hits;
    }
}
