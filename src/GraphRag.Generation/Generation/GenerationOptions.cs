using GraphRag.Generation.Sampling;

namespace GraphRag.Generation.Generation;

/// <summary>What to generate: how many tokens at most, how to sample, and when to stop early.</summary>
public sealed record GenerationOptions
{
    public int MaxTokens { get; init; } = 256;

    public SamplingOptions Sampling { get; init; } = SamplingOptions.Greedy;

    /// <summary>Texts that end the generation; the text up to the stop sequence is kept, the sequence is not.</summary>
    public IReadOnlyList<string> StopSequences { get; init; } = [];

    /// <summary>Token ids that end the generation (EOS, end-of-turn); they are not part of the text.</summary>
    public IReadOnlyList<int> StopTokens { get; init; } = [];
}
