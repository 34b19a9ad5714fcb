namespace GraphRag.Retrieve;

/// <summary>
/// Ranks the notes' chunks for a query: ids, scores and reasons, best first, and nothing else.
/// Passages are loaded once, after ranking (<see cref="PassageSearch"/>).
/// </summary>
public interface IRanker
{
    /// <returns>At most <paramref name="depth"/> chunks, best first; ties broken by chunk id.</returns>
    Task<IReadOnlyList<RankedChunk>> RankAsync(SearchQuery query, int depth, CancellationToken cancellationToken = default);
}
