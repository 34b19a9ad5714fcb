namespace GraphRag.Graph.Communities;

/// <summary>A group of entities more connected to each other than to the rest, with an extractive summary.</summary>
/// <param name="Entities">Member names, most connected first.</param>
/// <param name="Summary">Sentences from the corpus that name the most members.</param>
public sealed record Community(int Id, string Title, IReadOnlyList<string> Entities, int Size, IReadOnlyList<string> Summary, IReadOnlyList<long> ChunkIds);
