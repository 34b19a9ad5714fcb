namespace GraphRag.Retrieve.Hybrid;

/// <summary>Bound from GraphRag:Retrieval:Hybrid.</summary>
public sealed class HybridOptions
{
    /// <summary>The modes fused, among those registered (a missing one is skipped).</summary>
    public List<string> Components { get; set; } = ["lexical", "dense", "graph"];

    /// <summary>"rrf" (reciprocal rank fusion) or "mix" (normalised score mixing).</summary>
    public string Fusion { get; set; } = "rrf";

    /// <summary>How deep each component's list is before fusion.</summary>
    public int Candidates { get; set; } = 50;
}
