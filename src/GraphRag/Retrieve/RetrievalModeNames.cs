namespace GraphRag.Retrieve;

/// <summary>The retrieval modes' names, as users type them.</summary>
public static class RetrievalModeNames
{
    public const string Lexical = "lexical";
    public const string Dense = "dense";
    public const string Graph = "graph";
    public const string Hybrid = "hybrid";

    public static IReadOnlyList<string> All { get; } = [Lexical, Dense, Graph, Hybrid];
}
