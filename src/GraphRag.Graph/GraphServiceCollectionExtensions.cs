using GraphRag.Graph.Communities;
using GraphRag.Graph.Extract;
using GraphRag.Graph.Extract.Lexicons;
using GraphRag.Graph.Ingest;
using GraphRag.Graph.Retrieve;
using GraphRag.Graph.Store;
using GraphRag.Ingest;
using GraphRag.Retrieve;
using GraphRag.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphRag.Graph;

public static class GraphServiceCollectionExtensions
{
    /// <summary>
    /// The knowledge graph: its tables (migrations), extraction at ingestion (indexer), pruning and
    /// mirror sync after a batch (finalizer), the store and mirror chosen here from
    /// GraphRag:Graph:Store, the graph ranker and the communities. Expects AddGraphRagCore too.
    /// </summary>
    public static IServiceCollection AddGraphRagGraph(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(GraphOptions.Section);
        services.AddOptions<GraphOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>();
        services.AddSingleton(EmbeddedGraphStore.Migrations);

        services.AddSingleton(sp => new ArticleGraphExtractor(EnglishLexicon.Load(sp.GetRequiredService<IOptions<GraphOptions>>().Value.ResolveAssets())));
        services.AddSingleton<IArticleIndexer, GraphIndexer>();
        services.AddSingleton<IBatchFinalizer, GraphFinalizer>();

        services.AddSingleton<EmbeddedGraphStore>();
        if (section.Get<GraphOptions>() is { UsesNeo4j: true })
        {
            services.AddHttpClient(nameof(Neo4jHttpClient));
            services.AddSingleton(sp =>
            {
                var neo4j = sp.GetRequiredService<IOptions<GraphOptions>>().Value.Neo4j;
                return new Neo4jHttpClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(Neo4jHttpClient)), neo4j);
            });
            services.AddSingleton(sp => new Neo4jGraphStore(sp.GetRequiredService<Neo4jHttpClient>(), sp.GetRequiredService<IOptions<GraphOptions>>().Value.Neo4j));
            services.AddSingleton<IGraphStore>(sp => sp.GetRequiredService<Neo4jGraphStore>());
            services.AddSingleton<IGraphMirror, Neo4jMirror>();
        }
        else
        {
            services.AddSingleton<IGraphStore>(sp => sp.GetRequiredService<EmbeddedGraphStore>());
            services.AddSingleton<IGraphMirror, NoGraphMirror>();
        }

        services.AddSingleton<GraphSnapshotCache>();
        services.AddSingleton<IGraphRankerFactory, GraphRankerFactory>();
        services.AddSingleton<CommunityBuilder>();
        services.AddSingleton<CommunityFinder>();
        services.AddSingleton<GraphRag.Answer.IThemeSource, CommunityThemes>();
        return services;
    }
}
