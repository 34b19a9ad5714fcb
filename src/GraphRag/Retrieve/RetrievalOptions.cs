namespace GraphRag.Retrieve;

/// <summary>Bound from GraphRag:Retrieval.</summary>
public sealed class RetrievalOptions
{
    /// <summary>The mode used when a command names none.</summary>
    public string Mode { get; set; } = "lexical";

    public int Top { get; set; } = 10;
}
