namespace GraphRag.Retrieve.Dense;

/// <summary>GraphRag:Embeddings: the sentence encoder and how chunk vectors are made and stored.</summary>
public sealed class EmbeddingOptions
{
    /// <summary>Off: no vectors at ingestion, and the dense mode says why it is unavailable.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The encoder's files. A relative path is looked up from the working directory and its parents,
    /// then from the executable's folder and its parents.
    /// </summary>
    public string ModelDirectory { get; set; } = ".assets/use-lite";

    /// <summary>
    /// float16 (default), float32 or int8. On the notes all three give the same dense nDCG@10
    /// (0.4843–0.4845); float16 halves the bytes of float32 and decodes with SIMD (bench/RESULTS.md).
    /// </summary>
    public string Storage { get; set; } = "float16";

    /// <summary>Texts encoded together.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Threads per batch; unset means all cores.</summary>
    public int? Threads { get; set; }

    /// <summary>
    /// The longest window of whole sentences embedded as one vector, in chunk tokens. The encoder reads
    /// at most 128 SentencePiece pieces (≈ 1.3 per word token), so longer chunks get several windows
    /// instead of a truncated tail, and score as their best window.
    /// </summary>
    public int WindowTokens { get; set; } = 80;

    /// <summary>The absolute model folder: <see cref="ModelDirectory"/> as is when rooted, else the first
    /// existing match above the working directory or the executable (the working-directory path if none exists).</summary>
    public string ResolveModelDirectory()
    {
        if (Path.IsPathRooted(ModelDirectory))
            return ModelDirectory;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, ModelDirectory);
                if (Directory.Exists(candidate))
                    return candidate;
            }
        }
        return Path.GetFullPath(ModelDirectory);
    }
}
