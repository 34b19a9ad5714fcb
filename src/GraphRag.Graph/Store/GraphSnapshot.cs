using GraphRag.Graph.Model;

namespace GraphRag.Graph.Store;

/// <summary>
/// The graph in memory: entities with aliases, entity–chunk edges weighted by mention count, and
/// relations weighted by their evidence. Loaded once per query batch; small (tens of bytes per edge).
/// </summary>
public sealed record GraphSnapshot(
    IReadOnlyList<GraphEntity> Entities,
    IReadOnlyList<EntityChunkEdge> EntityChunks,
    IReadOnlyList<WeightedRelation> Relations)
{
    public static GraphSnapshot Empty { get; } = new([], [], []);
}

public sealed record EntityChunkEdge(string EntityKey, long ChunkId, int Mentions);

public sealed record WeightedRelation(string SourceKey, string TargetKey, string Type, int Weight);
