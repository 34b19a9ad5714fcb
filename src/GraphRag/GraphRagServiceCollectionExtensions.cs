using GraphRag.Answer;
using GraphRag.Ingest;
using GraphRag.Ingest.Reading;
using GraphRag.Retrieve;
using GraphRag.Retrieve.Dense;
using GraphRag.Store;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GraphRag;

public static class GraphRagServiceCollectionExtensions
{
    /// <summary>
    /// The store, the ingestion pipeline, retrieval (every mode the registered modules allow,
    /// composed in <see cref="RetrievalComposition"/>) and answering (<see cref="AnswerRouter"/>).
    /// The "GraphRag" section is bound once and checked at start-up.
    /// </summary>
    public static IServiceCollection AddGraphRagCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphRagOptions>().Bind(configuration.GetSection(GraphRagOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphRagOptions>, GraphRagOptionsValidator>();

        services.AddSingleton(sp => new GraphRagDatabase(
            sp.GetRequiredService<IOptions<GraphRagOptions>>().Value.Database,
            sp.GetServices<IReadOnlyList<Migration>>().SelectMany(m => m)));
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<ArticleReader>();
        services.AddTransient(sp => new IngestionPipeline(
            sp.GetRequiredService<GraphRagDatabase>(),
            sp.GetRequiredService<ArticleReader>(),
            sp.GetRequiredService<IOptions<GraphRagOptions>>().Value.Chunking,
            sp.GetServices<IArticleIndexer>(),
            sp.GetServices<IBatchFinalizer>(),
            sp.GetRequiredService<ILogger<IngestionPipeline>>()));

        services.AddSingleton(sp => RetrievalComposition.Compose(
            sp.GetRequiredService<IOptions<GraphRagOptions>>().Value.Retrieval,
            sp.GetRequiredService<GraphRagDatabase>(),
            sp.GetService<DenseRanker>(),
            sp.GetService<IGraphRankerFactory>(),
            sp.GetServices<UnavailableMode>()));
        services.AddSingleton<PassageSearch>();

        // The generator, the themes and the statement checks are optional: registered by the generator, graph and claims libraries.
        services.AddSingleton<IAnswerer>(sp =>
        {
            var search = sp.GetRequiredService<PassageSearch>();
            var encoder = sp.GetService<SentenceEncoders>()?.Configured;
            var extractive = new ExtractiveAnswerer(search, new SentenceScorer(encoder), sp.GetRequiredService<IOptions<GraphRagOptions>>().Value.Answer,
                sp.GetService<IStatementChecks>(), sp.GetRequiredService<ArticleStore>());
            return new AnswerRouter(
                extractive,
                sp.GetService<IChatClient>() is { } chat ? new GenerativeAnswerer(search, chat, fallback: extractive, support: new SupportCheck(encoder),
                    statementChecks: sp.GetService<IStatementChecks>()) : null,
                sp.GetService<IThemeSource>() is { } themes ? new ThemeAnswerer(themes, sp.GetRequiredService<ArticleStore>()) : null);
        });
        return services;
    }

    /// <summary>
    /// Dense retrieval and chunk embedding at ingestion, over the <see cref="SentenceEncoders"/> the
    /// caller registers (the configured encoder, and the others it can load by model). The configured
    /// encoder's document view is also the app's <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>.
    /// </summary>
    public static IServiceCollection AddGraphRagDense(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<SentenceEncoders>().Configured.Documents);
        services.AddSingleton<VectorIndexCache>();
        services.AddSingleton<IArticleIndexer, EmbeddingIndexer>();
        services.AddSingleton<DenseRanker>();
        return services;
    }

    /// <summary>Records that a mode is off and why, for the message a user sees on asking for it.</summary>
    public static IServiceCollection AddUnavailableMode(this IServiceCollection services, string mode, string reason) =>
        services.AddSingleton(new UnavailableMode(mode, reason));
}
