using GraphRag.Answer;
using GraphRag.Ingest;
using GraphRag.Ingest.Chunking;
using GraphRag.Ingest.Reading;
using GraphRag.Retrieve;
using GraphRag.Retrieve.Dense;
using GraphRag.Retrieve.Hybrid;
using GraphRag.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GraphRag;

public static class GraphRagServiceCollectionExtensions
{
    /// <summary>The store, ingestion pipeline, lexical retrieval and extractive answers.</summary>
    public static IServiceCollection AddGraphRagCore(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("GraphRag");
        services.Configure<StoreOptions>(section);
        services.Configure<ChunkingOptions>(section.GetSection("Chunking"));
        services.Configure<RetrievalOptions>(section.GetSection("Retrieval"));

        services.AddSingleton<GraphRagDatabase>();
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<ArticleReader>();
        services.AddTransient(sp => new IngestionPipeline(
            sp.GetRequiredService<GraphRagDatabase>(),
            sp.GetRequiredService<ArticleReader>(),
            sp.GetRequiredService<IOptions<ChunkingOptions>>().Value,
            sp.GetServices<IArticleIndexer>(),
            sp.GetServices<IBatchFinalizer>(),
            sp.GetRequiredService<ILogger<IngestionPipeline>>()));

        services.Configure<HybridOptions>(section.GetSection("Retrieval:Hybrid"));
        services.AddSingleton<IRetriever, Bm25Search>();
        services.AddSingleton<IRetriever, HybridSearch>();
        services.AddSingleton<RetrieverCatalog>();
        // The generator and the themes are optional: registered by the generator and graph libraries when configured.
        services.AddTransient(sp => new QuestionAnswerer(
            sp.GetService<Microsoft.Extensions.AI.IChatClient>(), sp.GetService<IThemeSource>(), sp.GetRequiredService<ArticleStore>()));
        return services;
    }

    /// <summary>
    /// Dense retrieval and chunk embedding at ingestion, over the IEmbeddingGenerator registered
    /// by the caller (the in-process encoder, or any other implementation).
    /// </summary>
    public static IServiceCollection AddGraphRagDense(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmbeddingOptions>(configuration.GetSection("GraphRag:Embeddings"));
        services.AddSingleton<VectorIndexCache>();
        services.AddSingleton<IArticleIndexer, EmbeddingIndexer>();
        services.AddSingleton<IRetriever, DenseSearch>();
        return services;
    }

    /// <summary>Records that a mode is off and why, for the message a user sees on asking for it.</summary>
    public static IServiceCollection AddUnavailableMode(this IServiceCollection services, string mode, string reason) =>
        services.AddSingleton(new UnavailableMode(mode, reason));
}
