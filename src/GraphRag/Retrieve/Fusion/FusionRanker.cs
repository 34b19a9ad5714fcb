namespace GraphRag.Retrieve.Fusion;

/// <summary>
/// A ranker over rankers (the hybrid mode): each component ranks the query to
/// <paramref name="candidates"/> deep, the fusion turns the rankings into one score per chunk, and
/// each chunk's reason lists where every component ranked it. Each component finds what the others
/// miss: exact terms and names (lexical), paraphrases (dense). (The graph, in hybrid, expands this
/// fusion's ranking rather than being fused: see IGraphRankerFactory.Expand.)
/// A component the database cannot serve (dense before anything is embedded) ranks nothing.
/// </summary>
public sealed class FusionRanker(IReadOnlyList<(string Name, IRanker Ranker)> components, IFusion fusion, int candidates) : IRanker
{
    public async Task<IReadOnlyList<RankedChunk>> RankAsync(SearchQuery query, int depth, CancellationToken cancellationToken = default)
    {
        var rankings = new List<IReadOnlyList<RankedChunk>>(components.Count);
        var unavailable = new List<UnavailableModeException>();
        foreach (var (_, ranker) in components)
        {
            try
            {
                rankings.Add(await ranker.RankAsync(query, Math.Max(depth, candidates), cancellationToken));
            }
            catch (UnavailableModeException e)
            {
                // A component this database cannot serve (no vectors yet) counts as an empty ranking:
                // hybrid is the default mode and must not fail where lexical alone would answer.
                unavailable.Add(e);
                rankings.Add([]);
            }
        }
        if (unavailable.Count == components.Count)
            throw unavailable[0];
        return fusion.Fuse(rankings)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key)
            .Take(depth)
            .Select(p => new RankedChunk(p.Key, p.Value, Explain(p.Key, rankings)))
            .ToList();
    }

    private Explanation Explain(long chunkId, List<IReadOnlyList<RankedChunk>> rankings) => passage =>
        string.Join("; ", rankings.SelectMany((ranking, c) => ranking
            .Select((chunk, i) => (chunk, Rank: i + 1))
            .Where(x => x.chunk.ChunkId == chunkId)
            .Select(x => $"{components[c].Name} #{x.Rank} ({x.chunk.Why(passage)})")));
}
