using GraphRag.Retrieve.Fusion;

namespace GraphRag.Retrieve;

/// <summary>GraphRag:Retrieval.</summary>
public sealed class RetrievalOptions
{
    /// <summary>The mode used when a command names none.</summary>
    public string Mode { get; set; } = RetrievalModeNames.Lexical;

    /// <summary>How many passages a search returns when the caller names no number.</summary>
    public int Top { get; set; } = 10;

    public HybridOptions Hybrid { get; set; } = new();
}
