using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphRag.Embeddings;

public static class UseLiteServiceCollectionExtensions
{
    /// <summary>
    /// Registers the in-process USE-lite encoder as the app's <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>
    /// (a singleton), configured from GraphRag:Embeddings (ModelDirectory, BatchSize, Threads).
    /// </summary>
    public static IServiceCollection AddUseLiteEncoder(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<UseLiteOptions>(configuration.GetSection("GraphRag:Embeddings"));
        services.AddSingleton(sp => new UseLiteEmbeddingGenerator(sp.GetRequiredService<IOptions<UseLiteOptions>>().Value));
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => sp.GetRequiredService<UseLiteEmbeddingGenerator>());
        return services;
    }
}
