using GraphRag.Graph.Communities;
using GraphRag.Graph.Extract;
using GraphRag.Graph.Ingest;
using GraphRag.Graph.Retrieve;
using GraphRag.Graph.Store;
using GraphRag.Ingest;
using GraphRag.Retrieve;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphRag.Graph;

public static class GraphServiceCollectionExtensions
{
    /// <summary>
    /// The knowledge graph: extraction at ingestion (indexer), pruning and Neo4j sync after a batch
    /// (finalizer), the store chosen by GraphRag:Graph:Store, retrieval mode "graph" and communities.
    /// Expects AddGraphRagCore (the database) to be registered too.
    /// </summary>
    public static IServiceCollection AddGraphRagGraph(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("GraphRag:Graph");
        services.Configure<GraphOptions>(section);
        services.Configure<GraphRetrievalOptions>(section.GetSection("Retrieval"));
        services.AddHttpClient(nameof(Neo4jHttpClient));

        services.AddSingleton(new ArticleGraphExtractor());
        services.AddSingleton<IArticleIndexer, GraphIndexer>();
        services.AddSingleton<IBatchFinalizer, GraphFinalizer>();

        services.AddSingleton<EmbeddedGraphStore>();
        services.AddSingleton(sp =>
        {
            var neo4j = sp.GetRequiredService<IOptions<GraphOptions>>().Value.Neo4j;
            return new Neo4jHttpClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(Neo4jHttpClient)), neo4j);
        });
        services.AddSingleton(sp => new Neo4jGraphStore(sp.GetRequiredService<Neo4jHttpClient>(), sp.GetRequiredService<IOptions<GraphOptions>>().Value.Neo4j));
        services.AddSingleton<IGraphStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            options.Validate();
            return options.UsesNeo4j ? sp.GetRequiredService<Neo4jGraphStore>() : sp.GetRequiredService<EmbeddedGraphStore>();
        });
        services.AddSingleton<GraphSync>();

        services.AddSingleton<GraphSnapshotCache>();
        services.AddSingleton<IRetriever, GraphRetriever>();
        services.AddSingleton<CommunityFinder>();
        services.AddSingleton<GraphRag.Answer.IThemeSource, CommunityThemes>();
        return services;
    }
}
