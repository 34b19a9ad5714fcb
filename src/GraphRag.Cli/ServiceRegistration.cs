using GraphRag.Embeddings;
using GraphRag.Graph;
using GraphRag.Generation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Cli;

/// <summary>Wires every GraphRag library into the host. One line per library.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddGraphRagServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGraphRagCore(configuration);
        services.AddGraphRagGraph(configuration);
        AddDenseRetrieval(services, configuration);
        services.AddGraphRagGenerator(configuration, ComputePlacement.Place);
        return services;
    }

    /// <summary>
    /// The in-process encoder and dense retrieval, when enabled and its files are there; otherwise
    /// "dense" is recorded as unavailable with the reason, and everything else works without it.
    /// </summary>
    private static void AddDenseRetrieval(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("GraphRag:Embeddings");
        var encoder = section.Get<UseLiteOptions>() ?? new UseLiteOptions();
        var modelDirectory = encoder.ResolveModelDirectory();
        if (!section.GetValue("Enabled", true))
            services.AddUnavailableMode("dense", "GraphRag:Embeddings:Enabled is false.");
        else if (!File.Exists(Path.Combine(modelDirectory, "model.json")))
            services.AddUnavailableMode("dense", $"the sentence encoder is not in {modelDirectory}; run scripts/fetch-assets.sh.");
        else
        {
            services.AddUseLiteEncoder(configuration);
            services.AddGraphRagDense(configuration);
        }
    }
}
