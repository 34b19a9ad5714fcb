using GraphRag.Retrieve;
using GraphRag.Retrieve.Fusion;

namespace GraphRag.Graph.Retrieve;

/// <summary>
/// Retrieval mode "graph" (HippoRAG-style): link the question's entities, run Personalized PageRank
/// from them over the entity–chunk graph (each seed weighted by its specificity, 1 / chunks it
/// appears in), and rank chunks by the mass they receive. The explanation names the linked
/// entities found in the passage and the relations that led from them to the passage's entities.
/// </summary>
public sealed class GraphRanker(GraphSnapshotCache cache, GraphRetrievalOptions options, IRanker? passageSeeds) : IRanker
{
    public async Task<IReadOnlyList<RankedChunk>> RankAsync(SearchQuery query, int depth, CancellationToken cancellationToken = default)
    {
        var (graph, linker) = await cache.GetAsync(cancellationToken);
        var links = linker.Link(query.Text).Where(l => graph.EntityIndex.ContainsKey(l.Key)).ToList();
        var seeds = await PassageSeedsAsync(query, graph, cancellationToken);
        if (links.Count == 0 && seeds.Count == 0)
            return [];

        // Entities and passages share the restart mass (HippoRAG 2 seeds passages as well as entities).
        var personalization = new double[graph.NodeCount];
        var entityMass = seeds.Count == 0 ? 1.0 : links.Count == 0 ? 0.0 : 1 - options.PassageSeedWeight;
        var specificity = links.ToDictionary(l => l, l => l.Confidence / Math.Max(1, graph.EntityChunkCount[graph.EntityIndex[l.Key]]));
        foreach (var link in links)
            personalization[graph.EntityIndex[link.Key]] += entityMass * specificity[link] / specificity.Values.Sum();
        var seedTotal = seeds.Sum(s => s.Weight);
        foreach (var (node, weight) in seeds)
            personalization[node] += (1 - entityMass) * weight / seedTotal;
        var scores = PersonalizedPageRank.Run(graph, personalization, options.Damping);
        var chunks = Enumerable.Range(graph.EntityKeys.Length, graph.ChunkIds.Length)
            .Where(node => scores[node] > 0)
            .OrderByDescending(node => scores[node]).ThenBy(node => node)
            .Take(depth)
            .ToList();
        // Reasons are put into words only for the passages that are shown (a fusion ranks deeper than it shows).
        var seedRelations = new Lazy<List<Store.WeightedRelation>>(() => SeedRelations(graph, links));
        return chunks
            .Select(node => new RankedChunk(graph.ChunkIds[node - graph.EntityKeys.Length], scores[node],
                _ => Explain(graph, node, links, scores, seedRelations.Value)))
            .ToList();
    }

    private static List<Store.WeightedRelation> SeedRelations(GraphIndex graph, List<LinkedEntity> links)
    {
        var seedKeys = links.Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        return graph.Snapshot.Relations.Where(r => seedKeys.Contains(r.SourceKey) || seedKeys.Contains(r.TargetKey)).ToList();
    }

    /// <summary>The seeding mode's top passages that are in the graph, weighted as in reciprocal rank fusion.</summary>
    private async Task<List<(int Node, double Weight)>> PassageSeedsAsync(SearchQuery query, GraphIndex graph, CancellationToken cancellationToken)
    {
        if (passageSeeds is null)
            return [];
        var ranked = await passageSeeds.RankAsync(query, options.PassageSeedCount, cancellationToken);
        return ranked.Select((chunk, i) => (chunk.ChunkId, Rank: i + 1))
            .Where(c => graph.ChunkIndex.ContainsKey(c.ChunkId))
            .Select(c => (graph.ChunkIndex[c.ChunkId], ReciprocalRankFusion.Weight(c.Rank))).ToList();
    }

    private static string Explain(GraphIndex graph, int chunkNode, List<LinkedEntity> links, double[] scores, List<Store.WeightedRelation> seedRelations)
    {
        var seeds = links.Select(l => graph.EntityIndex[l.Key]).ToHashSet();
        var inChunk = Enumerable.Range(graph.Offsets[chunkNode], graph.Offsets[chunkNode + 1] - graph.Offsets[chunkNode])
            .Select(k => graph.Neighbours[k]).Distinct().ToList();
        var names = graph.Snapshot.Entities;
        var direct = inChunk.Where(seeds.Contains).Select(e => names[e].Name).ToList();
        var parts = new List<string>();
        if (links.Count > 0)
            parts.Add("linked: " + string.Join(", ", links.Select(l => l.How == "alias" ? names[graph.EntityIndex[l.Key]].Name : $"{names[graph.EntityIndex[l.Key]].Name} (≈ \"{l.Surface}\")")));
        else
            parts.Add("no entity linked; walked from the best-matching passages");
        if (direct.Count > 0)
            parts.Add("mentions " + string.Join(", ", direct));
        var seedKeys = links.Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        var chunkKeys = inChunk.Where(e => !seeds.Contains(e)).OrderByDescending(e => scores[e]).Take(5).Select(e => graph.EntityKeys[e]).ToHashSet(StringComparer.Ordinal);
        var via = seedRelations
            .Where(r => (seedKeys.Contains(r.SourceKey) && chunkKeys.Contains(r.TargetKey)) || (seedKeys.Contains(r.TargetKey) && chunkKeys.Contains(r.SourceKey)))
            .OrderByDescending(r => r.Type != Model.RelationTypes.CoOccurs).ThenByDescending(r => r.Weight)
            .Take(3)
            .Select(r => $"{names[graph.EntityIndex[r.SourceKey]].Name} —{r.Type}→ {names[graph.EntityIndex[r.TargetKey]].Name}")
            .ToList();
        if (via.Count > 0)
            parts.Add("via " + string.Join("; ", via));
        return string.Join("; ", parts);
    }
}
