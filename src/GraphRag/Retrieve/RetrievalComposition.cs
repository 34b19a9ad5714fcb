using GraphRag.Retrieve.Dense;
using GraphRag.Retrieve.Fusion;
using GraphRag.Retrieve.Lexical;
using GraphRag.Store;

namespace GraphRag.Retrieve;

/// <summary>
/// The one place where rankers are put together: lexical always; dense when an encoder is
/// there; graph when the graph library is, seeded from another mode's ranking (BM25's when that
/// mode cannot serve the database); hybrid as a fusion over the configured components, expanded by
/// the graph when it is one of them. Rankers that others build on are shared per query, so a hybrid
/// search runs one FTS5 query and one vector scan however many components read them.
/// </summary>
public static class RetrievalComposition
{
    public static RetrievalModes Compose(
        RetrievalOptions options,
        GraphRagDatabase database,
        DenseRanker? dense,
        IGraphRankerFactory? graph,
        IEnumerable<UnavailableMode> unavailable)
    {
        var sharedDepth = Math.Max(options.Hybrid.Candidates, graph?.SeedDepth ?? 0);
        var rankers = new Dictionary<string, IRanker>(StringComparer.OrdinalIgnoreCase)
        {
            [RetrievalModeNames.Lexical] = new SharedRanking(new Bm25Ranker(database), sharedDepth),
        };
        if (dense is not null)
            rankers[RetrievalModeNames.Dense] = new SharedRanking(dense, sharedDepth);
        if (graph is not null)
            rankers[RetrievalModeNames.Graph] = graph.Create(SeedRanker(graph.SeedMode, rankers));

        var weights = options.Hybrid.ComponentWeights;
        var components = options.Hybrid.ComponentModes
            .Select((mode, i) => (Mode: mode, Weight: weights.Count > i ? weights[i] : HybridOptions.DefaultWeight(mode)))
            .Where(c => rankers.ContainsKey(c.Mode))
            .ToList();
        // With others beside it, the graph does not rank on its own: it expands their fusion (IGraphRankerFactory.Expand).
        var graphAt = components.FindIndex(c => c.Mode.Equals(RetrievalModeNames.Graph, StringComparison.OrdinalIgnoreCase));
        var expands = graph is not null && graphAt >= 0 && components.Count > 1;
        var fused = expands ? components.Where((_, i) => i != graphAt).ToList() : components;
        if (fused.Count > 0)
        {
            IFusion fusion = options.Hybrid.Fusion.Equals(HybridOptions.ReciprocalRank, StringComparison.OrdinalIgnoreCase)
                ? new ReciprocalRankFusion()
                : new ScoreMixing(fused.Select(c => c.Weight).ToList());
            IRanker hybrid = new FusionRanker(fused.Select(c => (c.Mode, rankers[c.Mode])).ToList(), fusion, options.Hybrid.Candidates);
            rankers[RetrievalModeNames.Hybrid] = expands ? graph!.Expand(hybrid, components[graphAt].Weight, options.Hybrid.Candidates) : hybrid;
        }
        return new RetrievalModes(rankers, unavailable.ToList(), options.Mode);
    }

    /// <summary>The graph's passage seeds: the configured mode's ranking, BM25's where that mode cannot serve.</summary>
    private static IRanker? SeedRanker(string? seedMode, Dictionary<string, IRanker> rankers)
    {
        if (seedMode is null)
            return null;
        var lexical = rankers[RetrievalModeNames.Lexical];
        return rankers.TryGetValue(seedMode, out var seeds) && seeds != lexical ? new FallbackRanker(seeds, lexical) : lexical;
    }
}
