using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphRag.Embeddings;

public static class SentenceEncoderServiceCollectionExtensions
{
    /// <summary>
    /// The activity source and meter of encoder calls (OpenTelemetry's GenAI conventions: model, dimensions, input
    /// count, duration; the texts are left out). Add it to a tracer or meter provider to export it.
    /// </summary>
    public const string TelemetrySourceName = "GraphRag.Encoder";

    /// <summary>The service key of the query encoder: the document encoder behind a cache of recent questions.</summary>
    public const string QueriesKey = "queries";

    /// <summary>
    /// Bytes of query vectors kept: a 512-dimensional vector is 2 KiB, so about two thousand recent questions.
    /// </summary>
    public const long QueryCacheBytes = 4L << 20;

    /// <summary>
    /// Registers a sentence encoder through Microsoft.Extensions.AI's pipeline, so any
    /// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> (USE lite, a BERT encoder, a remote service) is used alike:
    /// the document encoder (unkeyed) is OpenTelemetry around logging around the model; the query encoder
    /// (<see cref="QueriesKey"/>) puts a bounded in-memory cache in front of it, because the same question comes back
    /// (the web app searches, then answers; a user asks again) while document texts are embedded once per change.
    /// </summary>
    public static IServiceCollection AddGraphRagEncoder(this IServiceCollection services,
        Func<IServiceProvider, IEmbeddingGenerator<string, Embedding<float>>> encoder)
    {
        services.AddLogging();
        services.AddEmbeddingGenerator(encoder)
            .UseOpenTelemetry(sourceName: TelemetrySourceName)
            .UseLogging();
        services.AddKeyedEmbeddingGenerator(QueriesKey, sp => sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>())
            .Use(documents => new DistributedCachingEmbeddingGenerator<string, Embedding<float>>(documents,
                new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions { SizeLimit = QueryCacheBytes }))));
        return services;
    }

    /// <summary>The registered query encoder (see <see cref="AddGraphRagEncoder"/>).</summary>
    public static IEmbeddingGenerator<string, Embedding<float>> QueryEncoder(this IServiceProvider services) =>
        services.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(QueriesKey);
}
