namespace GraphRag.Generation.Sampling;

/// <summary>How the next token is chosen from the logits. Temperature 0 means greedy (argmax).</summary>
public sealed record SamplingOptions
{
    public float Temperature { get; init; }

    /// <summary>Keep only the K most likely tokens (0 = all).</summary>
    public int TopK { get; init; }

    /// <summary>Keep the smallest set of most likely tokens whose probability reaches P (1 = all).</summary>
    public float TopP { get; init; } = 1f;

    /// <summary>CTRL-style penalty for tokens seen in the last <see cref="RepetitionWindow"/> tokens (1 = off).</summary>
    public float RepetitionPenalty { get; init; } = 1f;

    public int RepetitionWindow { get; init; } = 64;

    /// <summary>Seed of the random draw; null draws a fresh seed.</summary>
    public int? Seed { get; init; }

    public static SamplingOptions Greedy { get; } = new();

    public void Validate()
    {
        if (Temperature < 0 || float.IsNaN(Temperature))
            throw new ArgumentException($"Temperature must be 0 (greedy) or positive, not {Temperature}.");
        if (TopK < 0)
            throw new ArgumentException($"Top-k must be 0 (off) or positive, not {TopK}.");
        if (TopP is <= 0 or > 1)
            throw new ArgumentException($"Top-p must be in (0, 1], not {TopP}.");
        if (RepetitionPenalty <= 0)
            throw new ArgumentException($"Repetition penalty must be positive, not {RepetitionPenalty}.");
    }
}
