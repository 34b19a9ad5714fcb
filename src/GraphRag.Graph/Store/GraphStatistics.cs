namespace GraphRag.Graph.Store;

/// <param name="Entities">Candidates the notes make entities (salient); the others are <paramref name="TentativeCandidates"/>.</param>
/// <param name="Relations">Distinct (source, target, type) triples between entities, co-occurrence included.</param>
/// <param name="TypedRelations">Relations a sentence states (not co-occurrence).</param>
/// <param name="EntityChunkEdges">Distinct (entity, chunk) pairs: the edges PageRank walks.</param>
public sealed record GraphStatistics(
    int Entities,
    int Aliases,
    int Relations,
    int TypedRelations,
    int EntityChunkEdges,
    IReadOnlyDictionary<string, int> EntitiesByType,
    int TentativeCandidates = 0);
