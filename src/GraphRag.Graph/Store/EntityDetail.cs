namespace GraphRag.Graph.Store;

/// <summary>One entity as `graph show` presents it.</summary>
public sealed record EntityDetail(
    string Key,
    string Name,
    string Type,
    IReadOnlyList<string> Aliases,
    int Chunks,
    IReadOnlyList<EntityNeighbour> Neighbours);

/// <param name="Outgoing">True when the relation points from the shown entity to the neighbour.</param>
/// <param name="Weight">Supporting sentences across the corpus.</param>
/// <param name="Evidence">A few supporting sentences.</param>
public sealed record EntityNeighbour(
    string Key,
    string Name,
    string Type,
    string Relation,
    bool Outgoing,
    int Weight,
    IReadOnlyList<string> Evidence);

public sealed record NeighbourhoodEntry(string Key, string Name, int Distance);
