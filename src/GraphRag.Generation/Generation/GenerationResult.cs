namespace GraphRag.Generation.Generation;

/// <summary>Why generation ended.</summary>
public enum FinishReason
{
    /// <summary>A stop token or stop sequence was produced.</summary>
    Stop,

    /// <summary>MaxTokens was reached, or the context is full.</summary>
    Length,
}

/// <summary>The tokens and text generated for one prompt, with timings.</summary>
public sealed record GenerationResult(
    IReadOnlyList<int> PromptTokens,
    IReadOnlyList<int> Tokens,
    string Text,
    FinishReason FinishReason,
    TimeSpan PrefillTime,
    TimeSpan DecodeTime,
    int DecodeSteps)
{
    public double PrefillTokensPerSecond => PromptTokens.Count / Math.Max(PrefillTime.TotalSeconds, 1e-9);

    /// <summary>Tokens per second of the one-token forward passes after the prompt (0 when there were none).</summary>
    public double DecodeTokensPerSecond => DecodeSteps == 0 ? 0 : DecodeSteps / Math.Max(DecodeTime.TotalSeconds, 1e-9);
}
