using Microsoft.Extensions.AI;

namespace GraphRag.Retrieve.Dense;

/// <summary>
/// A sentence encoder as retrieval uses it: one model, whose identity every stored vector keeps; the
/// text it embeds as a document and as a query (a model may embed them differently, e.g. a query
/// prefix); its own token count, so chunks are cut into windows that fit its input.
/// </summary>
/// <param name="ModelId">Name and a hash of the model's files: vectors of two models never meet in one index.</param>
/// <param name="MaxTokens">The longest input the model reads, in its own tokens; text past it is cut off.</param>
/// <param name="WindowTokens">How long a window of sentences is embedded as one vector, in the model's tokens, unless configured.</param>
/// <param name="CountTokens">A document's length in the model's tokens.</param>
public sealed record SentenceEncoder(
    string ModelId,
    int MaxTokens,
    int WindowTokens,
    Func<string, int> CountTokens,
    IEmbeddingGenerator<string, Embedding<float>> Documents,
    IEmbeddingGenerator<string, Embedding<float>> Queries) : IDisposable
{
    /// <summary>What the model holds (a runtime session, packed weights), released with the encoder.</summary>
    public IDisposable? Resources { get; init; }

    public void Dispose() => Resources?.Dispose();

    /// <summary>The model's name: its identity without the hash ("arctic-embed-xs@sha256:…" → "arctic-embed-xs").</summary>
    public static string NameOf(string modelId) => modelId.Split('@')[0];
}

/// <summary>
/// The configured encoder, and the others this build can load, by model: a query must be embedded
/// by the model that made the vectors it is compared with, even while a switch of model is under way.
/// </summary>
/// <remarks>Encoders load on first use (a model is tens of megabytes), so a process that never embeds never loads one.</remarks>
/// <param name="others">Encoders that can be loaded on demand, by model name.</param>
public sealed class SentenceEncoders(Lazy<SentenceEncoder> configured, IReadOnlyDictionary<string, Lazy<SentenceEncoder>>? others = null)
    : IDisposable
{
    public SentenceEncoders(SentenceEncoder configured) : this(new Lazy<SentenceEncoder>(configured))
    {
    }

    public SentenceEncoder Configured => configured.Value;

    /// <summary>The encoder that made vectors tagged <paramref name="modelId"/>, or null when none here can.</summary>
    public SentenceEncoder? ForModel(string modelId)
    {
        if (modelId == Configured.ModelId)
            return Configured;
        return others?.GetValueOrDefault(SentenceEncoder.NameOf(modelId)) is { } other && other.Value.ModelId == modelId
            ? other.Value
            : null;
    }

    public void Dispose()
    {
        foreach (var encoder in (others?.Values ?? []).Append(configured).Where(e => e.IsValueCreated))
            encoder.Value.Dispose();
    }
}
