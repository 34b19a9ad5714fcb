namespace GraphRag.Graph.Communities;

/// <summary>A topic of the notes: entities more connected to each other and to the same articles than to the rest, with an extractive summary.</summary>
/// <param name="Title">Its most salient entities.</param>
/// <param name="Entities">Member names, most salient first.</param>
/// <param name="Summary">Sentences from the notes that name the most members.</param>
/// <param name="Articles">Titles of the articles it draws on most.</param>
public sealed record Community(int Id, string Title, IReadOnlyList<string> Entities, int Size, IReadOnlyList<string> Summary, IReadOnlyList<long> ChunkIds,
    IReadOnlyList<string>? Articles = null);
