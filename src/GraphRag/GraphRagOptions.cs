using GraphRag.Ingest.Chunking;
using GraphRag.Retrieve;
using GraphRag.Retrieve.Dense;
using GraphRag.Retrieve.Fusion;
using GraphRag.Store;
using Microsoft.Extensions.Options;

namespace GraphRag;

/// <summary>
/// The "GraphRag" configuration section: the database and the core pipeline's settings, bound once
/// and checked at start-up. The modules bind their own nodes beneath it (GraphRag:Graph,
/// GraphRag:Generator, GraphRag:Web), each with its validator.
/// </summary>
public sealed class GraphRagOptions
{
    public const string Section = "GraphRag";

    /// <summary>The SQLite file (<c>--db</c> overrides).</summary>
    public string Database { get; set; } = "data/graphrag.db";

    public ChunkingOptions Chunking { get; set; } = new();

    public RetrievalOptions Retrieval { get; set; } = new();

    public EmbeddingOptions Embeddings { get; set; } = new();

    public Answer.AnswerOptions Answer { get; set; } = new();
}

/// <summary>Checks the "GraphRag" section at start-up; each failure names the key and the values allowed.</summary>
public sealed class GraphRagOptionsValidator : IValidateOptions<GraphRagOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphRagOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Database))
            errors.Add("GraphRag:Database is empty: set it to the SQLite file to use, or pass --db.");
        errors.AddRange(options.Chunking.Problems());
        errors.AddRange(options.Answer.Problems());

        var retrieval = options.Retrieval;
        if (!RetrievalModeNames.All.Contains(retrieval.Mode, StringComparer.OrdinalIgnoreCase))
            errors.Add($"GraphRag:Retrieval:Mode is \"{retrieval.Mode}\"; use one of {string.Join(", ", RetrievalModeNames.All)}.");
        if (retrieval.Top is < 1 or > 1000)
            errors.Add($"GraphRag:Retrieval:Top is {retrieval.Top}; it must be between 1 and 1000.");
        var hybrid = retrieval.Hybrid;
        var unknown = hybrid.ComponentModes.Where(m => !RetrievalModeNames.All.Contains(m, StringComparer.OrdinalIgnoreCase)
                                                       || m.Equals(RetrievalModeNames.Hybrid, StringComparison.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0 || hybrid.ComponentModes.Count == 0)
            errors.Add($"GraphRag:Retrieval:Hybrid:Components is \"{hybrid.Components}\"; list modes among lexical, dense, graph, comma-separated.");
        if (!hybrid.Fusion.Equals(HybridOptions.ScoreMixing, StringComparison.OrdinalIgnoreCase)
            && !hybrid.Fusion.Equals(HybridOptions.ReciprocalRank, StringComparison.OrdinalIgnoreCase))
            errors.Add($"GraphRag:Retrieval:Hybrid:Fusion is \"{hybrid.Fusion}\"; use \"{HybridOptions.ScoreMixing}\" or \"{HybridOptions.ReciprocalRank}\".");
        var weightTexts = hybrid.Weights.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (weightTexts.Any(w => !double.TryParse(w, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x) || x < 0 || !double.IsFinite(x))
            || (weightTexts.Length > 0 && weightTexts.Length != hybrid.ComponentModes.Count))
            errors.Add($"GraphRag:Retrieval:Hybrid:Weights is \"{hybrid.Weights}\"; give one non-negative number per component ({hybrid.Components}), comma-separated, or leave it empty.");
        if (hybrid.Candidates is < 1 or > 10_000)
            errors.Add($"GraphRag:Retrieval:Hybrid:Candidates is {hybrid.Candidates}; it must be between 1 and 10000.");

        var embeddings = options.Embeddings;
        if (!VectorCodec.TryParse(embeddings.Storage, out _))
            errors.Add($"GraphRag:Embeddings:Storage is \"{embeddings.Storage}\"; use float32, float16 or int8.");
        if (embeddings.BatchSize < 1)
            errors.Add($"GraphRag:Embeddings:BatchSize is {embeddings.BatchSize}; it must be at least 1.");
        if (embeddings.WindowTokens is < 8)
            errors.Add($"GraphRag:Embeddings:WindowTokens is {embeddings.WindowTokens}; leave it unset for the encoder's default or give at least 8.");
        if (string.IsNullOrWhiteSpace(embeddings.Encoder))
            errors.Add("GraphRag:Embeddings:Encoder is empty; use arctic-embed-xs, all-minilm-l6-v2, use-lite or a model folder.");
        if (!embeddings.Backend.Equals("engine", StringComparison.OrdinalIgnoreCase) && !embeddings.Backend.Equals("onnx", StringComparison.OrdinalIgnoreCase))
            errors.Add($"GraphRag:Embeddings:Backend is \"{embeddings.Backend}\"; use \"engine\" or \"onnx\".");
        if (embeddings.Threads is < 1)
            errors.Add($"GraphRag:Embeddings:Threads is {embeddings.Threads}; leave it unset for all cores or give at least 1.");
        if (embeddings.Enabled && embeddings.Encoder.Equals("use-lite", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(embeddings.ModelDirectory))
            errors.Add("GraphRag:Embeddings:ModelDirectory is empty; set it to the folder scripts/fetch-assets.sh fills (.assets/use-lite).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
