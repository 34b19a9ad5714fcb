using GraphRag.Retrieve.Fusion;

namespace GraphRag.Retrieve;

/// <summary>GraphRag:Retrieval.</summary>
public sealed class RetrievalOptions
{
    /// <summary>
    /// The mode used when a command names none: hybrid (BM25 and the encoder, score-mixed), which
    /// beat BM25 on both evaluation sets (README, "Sentence encoders and retrieval modes").
    /// </summary>
    public string Mode { get; set; } = RetrievalModeNames.Hybrid;

    /// <summary>How many passages a search returns when the caller names no number.</summary>
    public int Top { get; set; } = 10;

    public HybridOptions Hybrid { get; set; } = new();
}
