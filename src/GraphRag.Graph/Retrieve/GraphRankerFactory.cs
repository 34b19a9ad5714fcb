using GraphRag.Retrieve;
using Microsoft.Extensions.Options;

namespace GraphRag.Graph.Retrieve;

/// <summary>Makes the graph ranker over the cached graph, seeded as GraphRag:Graph:Retrieval says.</summary>
public sealed class GraphRankerFactory(GraphSnapshotCache cache, IOptions<GraphOptions> options) : IGraphRankerFactory
{
    private GraphRetrievalOptions Retrieval => options.Value.Retrieval;

    public string? SeedMode => string.IsNullOrEmpty(Retrieval.PassageSeeds) ? null : Retrieval.PassageSeeds;

    public int SeedDepth => Retrieval.PassageSeedCount;

    public IRanker Create(IRanker? seeds) => new GraphRanker(cache, Retrieval, seeds);

    public IRanker Expand(IRanker ranking, double weight, int candidates) =>
        new GraphExpansion(cache, ranking, weight, Retrieval.ExpansionSeeds, candidates);
}
