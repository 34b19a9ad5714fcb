using GraphRag.Claims;
using GraphRag.Graph;
using GraphRag.Generation;
using GraphRag.Retrieve;
using GraphRag.Retrieve.Dense;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GraphRag.Cli;

/// <summary>The composition root: wires every GraphRag library into the host. One line per library.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddGraphRagServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGraphRagCore(configuration);
        services.AddGraphRagGraph(configuration);
        services.AddGraphRagClaims();
        AddDenseRetrieval(services, configuration);
        services.AddGraphRagGenerator(configuration, ComputePlacement.Place);
        return services;
    }

    /// <summary>
    /// The sentence encoder and dense retrieval, when enabled and the encoder's files are there;
    /// otherwise "dense" is recorded as unavailable with the reason, and everything else works without it.
    /// </summary>
    private static void AddDenseRetrieval(IServiceCollection services, IConfiguration configuration)
    {
        // Read here, at registration, because it decides what is registered; the validated copy serves everything else.
        var embeddings = configuration.GetSection(GraphRagOptions.Section).Get<GraphRagOptions>()?.Embeddings ?? new EmbeddingOptions();
        if (!embeddings.Enabled)
            services.AddUnavailableMode(RetrievalModeNames.Dense, "GraphRag:Embeddings:Enabled is false.");
        else if (SentenceEncoderCatalog.Unavailable(embeddings) is { } reason)
            services.AddUnavailableMode(RetrievalModeNames.Dense, reason);
        else
        {
            services.AddSingleton(sp => SentenceEncoderCatalog.Create(
                sp.GetRequiredService<IOptions<GraphRagOptions>>().Value.Embeddings, sp.GetService<ILoggerFactory>()));
            services.AddGraphRagDense();
        }
    }
}
