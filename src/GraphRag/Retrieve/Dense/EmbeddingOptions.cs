namespace GraphRag.Retrieve.Dense;

/// <summary>Bound from GraphRag:Embeddings.</summary>
public sealed class EmbeddingOptions
{
    /// <summary>Off: no vectors at ingestion, and the dense mode says why it is unavailable.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// float16 (default), float32 or int8. On the notes all three give the same dense nDCG@10
    /// (0.4843–0.4845); float16 halves the bytes of float32 and decodes with SIMD (bench/RESULTS.md).
    /// </summary>
    public string Storage { get; set; } = "float16";

    public int BatchSize { get; set; } = 32;

    /// <summary>
    /// The longest window of whole sentences embedded as one vector, in chunk tokens. The encoder reads
    /// at most 128 SentencePiece pieces (≈ 1.3 per word token), so longer chunks get several windows
    /// instead of a truncated tail, and score as their best window.
    /// </summary>
    public int WindowTokens { get; set; } = 80;
}
