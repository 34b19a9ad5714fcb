namespace GraphRag.Generation.Models;

/// <summary>
/// What every CPU session shares: the position, the context limit with a clear error, and splitting a
/// long prompt into batches of at most <see cref="MaxBatch"/> tokens (bounds the scratch memory).
/// </summary>
public abstract class DecoderSession(ModelConfig config, int contextLength) : IDecoderSession
{
    public const int MaxBatch = 64;

    protected ModelConfig Config { get; } = config;

    public int Position { get; private set; }

    public int ContextLength { get; } = contextLength;

    public void Forward(ReadOnlySpan<int> tokens, Span<float> logits, bool allPositions = false)
    {
        if (tokens.Length == 0)
            throw new ArgumentException("Forward needs at least one token.", nameof(tokens));
        if (Position + tokens.Length > ContextLength)
            throw new ArgumentException(
                $"The sequence would need {Position + tokens.Length} positions but the context holds {ContextLength} tokens.");
        var vocab = Config.VocabSize;
        var needed = (allPositions ? tokens.Length : 1) * (long)vocab;
        if (logits.Length < needed)
            throw new ArgumentException($"logits needs {needed} elements but has {logits.Length}.", nameof(logits));
        foreach (var token in tokens)
        {
            if ((uint)token >= (uint)vocab)
                throw new ArgumentException($"Token id {token} is outside the vocabulary (0..{vocab - 1}).", nameof(tokens));
        }

        for (var start = 0; start < tokens.Length; start += MaxBatch)
        {
            var count = Math.Min(MaxBatch, tokens.Length - start);
            var isLast = start + count == tokens.Length;
            // All positions: this chunk's rows; otherwise only the final chunk's last row is wanted.
            var target = allPositions ? logits.Slice(start * vocab, count * vocab) : isLast ? logits[..vocab] : Span<float>.Empty;
            ForwardBatch(tokens.Slice(start, count), Position, target, allPositions);
            Position += count;
        }
    }

    public void Rewind(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, Position);
        Position = position;
    }

    /// <summary>
    /// Runs one batch at <paramref name="position"/>. <paramref name="logits"/> is empty (no logits wanted),
    /// [VocabSize] for the last token, or [tokens, VocabSize] when <paramref name="allPositions"/>.
    /// </summary>
    protected abstract void ForwardBatch(ReadOnlySpan<int> tokens, int position, Span<float> logits, bool allPositions);

    public virtual void Dispose() => GC.SuppressFinalize(this);
}
