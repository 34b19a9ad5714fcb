namespace GraphRag.Retrieve.Dense;

/// <summary>Bound from GraphRag:Embeddings.</summary>
public sealed class EmbeddingOptions
{
    /// <summary>Off: no vectors at ingestion, and the dense mode says why it is unavailable.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>float32, float16 or int8 (see bench/RESULTS.md for what each costs and loses).</summary>
    public string Storage { get; set; } = "float32";

    public int BatchSize { get; set; } = 32;

    /// <summary>
    /// The longest window of whole sentences embedded as one vector, in chunk tokens. The encoder reads
    /// at most 128 SentencePiece pieces (≈ 1.3 per word token), so longer chunks get several windows
    /// instead of a truncated tail, and score as their best window.
    /// </summary>
    public int WindowTokens { get; set; } = 80;
}
