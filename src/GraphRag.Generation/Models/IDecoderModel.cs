namespace GraphRag.Generation.Models;

/// <summary>
/// A loaded decoder-only language model. This is the seam for other compute backends (a CUDA
/// implementation provides its own model + session): everything above it — sampling, streaming,
/// chat clients, the CLI — only sees token ids in and logits out.
/// </summary>
public interface IDecoderModel : IDisposable
{
    ModelConfig Config { get; }

    /// <summary>Bytes of weights one decode step reads (every matrix once): the memory-bandwidth cost of a token.</summary>
    long WeightBytesPerToken { get; }

    /// <summary>A fresh sequence with its own KV cache of <paramref name="contextLength"/> positions (default: the model's).</summary>
    IDecoderSession CreateSession(int? contextLength = null);
}

/// <summary>One sequence being processed: a KV cache and the position of the next token.</summary>
public interface IDecoderSession : IDisposable
{
    /// <summary>Tokens already in the cache; the next token goes to this position.</summary>
    int Position { get; }

    int ContextLength { get; }

    /// <summary>
    /// Runs <paramref name="tokens"/> at positions <see cref="Position"/>.. in one batch (prefill) and appends
    /// them to the cache. Writes the next-token logits of the last token ([VocabSize]) or, with
    /// <paramref name="allPositions"/>, of every token ([tokens, VocabSize]).
    /// </summary>
    void Forward(ReadOnlySpan<int> tokens, Span<float> logits, bool allPositions = false);

    /// <summary>Forgets every cached position from <paramref name="position"/> on (0 starts a new sequence).</summary>
    void Rewind(int position);
}
