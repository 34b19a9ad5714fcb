using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GraphRag.Embeddings;

/// <summary>
/// A sentence encoder's calls built with Microsoft.Extensions.AI's pipeline, so any
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> (USE lite, a BERT encoder, a remote service) is observed alike:
/// documents go through OpenTelemetry around logging around the model; queries put a bounded in-memory cache in front
/// of the same, because the same question comes back (the web app searches, then answers; a user asks again) while a
/// document's text is embedded once per change.
/// </summary>
public static class SentenceEncoderPipeline
{
    /// <summary>
    /// The activity source and meter of encoder calls (OpenTelemetry's GenAI conventions: model, dimensions, input
    /// count, duration; the texts are left out). Add it to a tracer or meter provider to export it.
    /// </summary>
    public const string TelemetrySourceName = "GraphRag.Encoder";

    /// <summary>Bytes of query vectors kept: a 512-dimensional vector is 2 KiB, so about two thousand recent questions.</summary>
    public const long QueryCacheBytes = 4L << 20;

    /// <summary>The document side: traced and logged, never cached (each text is embedded once per change).</summary>
    public static IEmbeddingGenerator<string, Embedding<float>> Documents(
        IEmbeddingGenerator<string, Embedding<float>> model, ILoggerFactory? loggerFactory) =>
        Observed(new EmbeddingGeneratorBuilder<string, Embedding<float>>(model), loggerFactory).Build();

    /// <summary>The query side: a cache of recent questions in front of the traced and logged model.</summary>
    public static IEmbeddingGenerator<string, Embedding<float>> Queries(
        IEmbeddingGenerator<string, Embedding<float>> model, ILoggerFactory? loggerFactory) =>
        Observed(new EmbeddingGeneratorBuilder<string, Embedding<float>>(model)
            .Use(inner => new DistributedCachingEmbeddingGenerator<string, Embedding<float>>(inner,
                new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions { SizeLimit = QueryCacheBytes })))), loggerFactory)
            .Build();

    // The builder's first stage is the outermost: the query cache goes in first, so a hit costs no span and no log.
    private static EmbeddingGeneratorBuilder<string, Embedding<float>> Observed(
        EmbeddingGeneratorBuilder<string, Embedding<float>> builder, ILoggerFactory? loggerFactory) =>
        loggerFactory is null
            // Without a logger factory there is nothing to log to (the builder would look for one and fail).
            ? builder.UseOpenTelemetry(sourceName: TelemetrySourceName)
            : builder.UseOpenTelemetry(loggerFactory, TelemetrySourceName).UseLogging(loggerFactory);
}
