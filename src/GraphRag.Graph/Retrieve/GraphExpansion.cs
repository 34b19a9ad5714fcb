using GraphRag.Retrieve;

namespace GraphRag.Graph.Retrieve;

/// <summary>
/// The graph's part in hybrid search: a ranker over another ranking that lifts the passages its best
/// passages point to. A question such as "To which country was the historical figure used for the
/// basis of the novel Strandloper transported?" finds the Strandloper passage; that passage names
/// William Buckley; the article about him is where the answer's second half is, though the
/// question never names him. Each of the top
/// <paramref name="seeds"/> passages gives its normalised score to every passage about an entity
/// it names (other than its own article's); those sums, normalised, are mixed with the ranking's
/// own normalised scores at <paramref name="weight"/>.
/// </summary>
public sealed class GraphExpansion(GraphSnapshotCache cache, IRanker ranking, double weight, int seeds, int candidates) : IRanker
{
    public async Task<IReadOnlyList<RankedChunk>> RankAsync(SearchQuery query, int depth, CancellationToken cancellationToken = default)
    {
        var ranked = await ranking.RankAsync(query, Math.Max(depth, candidates), cancellationToken);
        if (ranked.Count == 0)
            return ranked;
        var (graph, subjects) = await cache.GetSubjectsAsync(cancellationToken);
        var min = ranked.Min(c => c.Score);
        var range = ranked.Max(c => c.Score) - min;
        double Normalised(RankedChunk c) => range > 0 ? (c.Score - min) / range : 1.0;

        var pointedTo = new Dictionary<long, (double Score, List<(int Rank, string Entity)> From)>();
        foreach (var (seed, rank) in ranked.Take(seeds).Select((c, i) => (c, i + 1)))
        {
            if (!graph.ChunkIndex.TryGetValue(seed.ChunkId, out var node))
                continue;
            var seedArticle = subjects.ArticleOf(seed.ChunkId);
            var targets = new Dictionary<long, string>();
            for (var k = graph.Offsets[node]; k < graph.Offsets[node + 1]; k++)
            {
                var entity = graph.Neighbours[k];
                foreach (var chunk in subjects.ChunksAbout(graph.EntityKeys[entity]))
                    if (subjects.ArticleOf(chunk) != seedArticle)
                        targets.TryAdd(chunk, graph.Snapshot.Entities[entity].Name);
            }
            foreach (var (chunk, entity) in targets)
            {
                var (score, from) = pointedTo.GetValueOrDefault(chunk, (0.0, []));
                from.Add((rank, entity));
                pointedTo[chunk] = (score + Normalised(seed), from);
            }
        }
        if (pointedTo.Count == 0)
            return ranked.Take(depth).ToList();

        var most = pointedTo.Values.Max(p => p.Score);
        var own = ranked.ToDictionary(c => c.ChunkId);
        return own.Keys.Union(pointedTo.Keys)
            .Select(id =>
            {
                var inRanking = own.TryGetValue(id, out var chunk);
                var lift = pointedTo.TryGetValue(id, out var p) ? weight * p.Score / most : 0;
                var score = (inRanking ? Normalised(chunk) : 0) + lift;
                return new RankedChunk(id, score, Explain(inRanking ? chunk.Why : null, lift > 0 ? p.From : null));
            })
            .OrderByDescending(c => c.Score).ThenBy(c => c.ChunkId)
            .Take(depth)
            .ToList();
    }

    private static Explanation Explain(Explanation? ranking, List<(int Rank, string Entity)>? from) => passage =>
    {
        var graph = from is null ? null
            : "graph: about " + string.Join(", ", from.Select(f => f.Entity).Distinct()) + ", named by passage " + string.Join(", ", from.Select(f => $"#{f.Rank}").Distinct());
        return ranking is null ? graph! : graph is null ? ranking(passage) : ranking(passage) + "; " + graph;
    };
}
