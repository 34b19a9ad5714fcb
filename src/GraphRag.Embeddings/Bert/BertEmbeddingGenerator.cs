using Microsoft.Extensions.AI;

namespace GraphRag.Embeddings.Bert;

/// <summary>One role's view of a <see cref="BertSentenceEncoder"/> as an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>.</summary>
public sealed class BertEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly BertSentenceEncoder _encoder;
    private readonly EmbeddingGeneratorMetadata _metadata;

    internal BertEmbeddingGenerator(BertSentenceEncoder encoder, EmbeddingRole role)
    {
        _encoder = encoder;
        Role = role;
        _metadata = new EmbeddingGeneratorMetadata(
            $"graphrag-bert-{encoder.Backend.ToString().ToLowerInvariant()}", providerUri: null, encoder.ModelId, encoder.Dimensions);
    }

    public EmbeddingRole Role { get; }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options?.Dimensions is { } requested && requested != _encoder.Dimensions)
            throw new NotSupportedException($"{_encoder.ModelId} produces {_encoder.Dimensions}-dimensional vectors; {requested} were requested.");
        var texts = values.ToArray();
        // The forward pass is CPU-bound and parallel inside; keep it off the caller's thread.
        var vectors = await Task.Run(() => _encoder.Embed(texts, Role, cancellationToken), cancellationToken).ConfigureAwait(false);
        var created = DateTimeOffset.UtcNow;
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Length);
        foreach (var vector in vectors)
            result.Add(new Embedding<float>(vector) { ModelId = _encoder.ModelId, CreatedAt = created });
        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null) return null;
        if (serviceType == typeof(EmbeddingGeneratorMetadata)) return _metadata;
        if (serviceType == typeof(BertSentenceEncoder)) return _encoder;
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <summary>The encoder owns the model; disposing one view must not break the other.</summary>
    public void Dispose()
    {
    }
}
