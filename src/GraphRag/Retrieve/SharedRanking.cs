using System.Runtime.CompilerServices;

namespace GraphRag.Retrieve;

/// <summary>
/// Runs a ranker once per query and serves every consumer its prefix of that one ranking, so
/// rankers composed over the same one (hybrid's lexical component and the graph's lexical seeds)
/// cost one search, not two. Rankings are prefix-stable: the best k of a deeper ranking are the
/// best k. <paramref name="sharedDepth"/> is the deepest any consumer is known to ask for; a deeper
/// request runs the ranker again at that depth.
/// </summary>
public sealed class SharedRanking(IRanker inner, int sharedDepth) : IRanker
{
    private readonly ConditionalWeakTable<SearchQuery, Entry> _byQuery = new();

    public async Task<IReadOnlyList<RankedChunk>> RankAsync(SearchQuery query, int depth, CancellationToken cancellationToken = default)
    {
        var entry = _byQuery.GetValue(query, _ => new Entry());
        Task<IReadOnlyList<RankedChunk>> ranking;
        int ranAt;
        lock (entry)
        {
            if (entry.Ranking is null || entry.Depth < depth)
            {
                entry.Depth = Math.Max(sharedDepth, depth);
                entry.Ranking = inner.RankAsync(query, entry.Depth, cancellationToken);
            }
            ranking = entry.Ranking;
            ranAt = entry.Depth;
        }
        var chunks = await ranking;
        return ranAt == depth || chunks.Count <= depth ? chunks : chunks.Take(depth).ToList();
    }

    private sealed class Entry
    {
        public int Depth;
        public Task<IReadOnlyList<RankedChunk>>? Ranking;
    }
}
