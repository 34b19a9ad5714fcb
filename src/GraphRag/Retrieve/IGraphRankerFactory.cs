namespace GraphRag.Retrieve;

/// <summary>
/// Makes the graph ranker once the modes it can be seeded from exist (the graph library supplies
/// it; <see cref="RetrievalComposition"/> calls it), so the graph walks from another mode's
/// ranking of the same query instead of searching again.
/// </summary>
public interface IGraphRankerFactory
{
    /// <summary>The mode whose best passages seed the walk, or null for entities only.</summary>
    string? SeedMode { get; }

    /// <summary>How many of the seed mode's passages the walk starts from.</summary>
    int SeedDepth { get; }

    IRanker Create(IRanker? seeds);

    /// <summary>
    /// The graph as a hybrid component: a ranker over <paramref name="ranking"/> (the other components'
    /// fusion) that lifts the passages its best passages point to, mixed in at <paramref name="weight"/>.
    /// </summary>
    IRanker Expand(IRanker ranking, double weight, int candidates);
}
