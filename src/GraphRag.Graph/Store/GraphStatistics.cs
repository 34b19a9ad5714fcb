namespace GraphRag.Graph.Store;

/// <param name="Relations">Distinct (source, target, type) triples.</param>
/// <param name="EntityChunkEdges">Distinct (entity, chunk) pairs: the edges PageRank walks.</param>
public sealed record GraphStatistics(
    int Entities,
    int Aliases,
    int Relations,
    int TypedRelations,
    int EntityChunkEdges,
    IReadOnlyDictionary<string, int> EntitiesByType);
