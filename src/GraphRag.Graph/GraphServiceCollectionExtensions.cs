using GraphRag.Graph.Communities;
using GraphRag.Graph.Extract;
using GraphRag.Graph.Extract.Lexicons;
using GraphRag.Graph.Extract.Llm;
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
        services.AddSingleton<LlmExtractionCache>();
        services.AddSingleton<IArticleIndexer>(sp => new GraphIndexer(
            sp.GetRequiredService<ArticleGraphExtractor>(), sp.GetRequiredService<GraphRagDatabase>(), sp.GetRequiredService<IGraphMirror>(),
            LlmExtractor(sp),
            sp.GetService<Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>>() is { } encoder
                ? new EncoderEntityRefiner(encoder) : null));
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

    /// <summary>The language-model extractor when GraphRag:Graph:Llm:Enabled and a generator (IChatClient) is configured; otherwise none.</summary>
    private static LlmGraphExtractor? LlmExtractor(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<GraphOptions>>().Value.Llm;
        if (!options.Enabled || sp.GetService<Microsoft.Extensions.AI.IChatClient>() is not { } chat)
            return null;
        var model = options.Model.Length > 0 ? options.Model
            : chat.GetService(typeof(Microsoft.Extensions.AI.ChatClientMetadata)) is Microsoft.Extensions.AI.ChatClientMetadata { DefaultModelId: { Length: > 0 } id } ? id : "generator";
        return new LlmGraphExtractor(chat, sp.GetRequiredService<LlmExtractionCache>(), model,
            sp.GetService<Microsoft.Extensions.Logging.ILogger<LlmGraphExtractor>>());
    }
}
