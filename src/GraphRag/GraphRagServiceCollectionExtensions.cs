using GraphRag.Answer;
using GraphRag.Ingest;
using GraphRag.Ingest.Chunking;
using GraphRag.Ingest.Reading;
using GraphRag.Retrieve;
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

        services.AddSingleton<IRetriever, Bm25Search>();
        services.AddSingleton<RetrieverCatalog>();
        services.AddTransient(sp => new ExtractiveAnswerer(sp.GetRequiredService<RetrieverCatalog>().Get()));
        return services;
    }
}
