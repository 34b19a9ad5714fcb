using GraphRag.Generation.Clients;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphRag.Generation;

public static class GeneratorServiceCollectionExtensions
{
    /// <summary>
    /// Binds GraphRag:Generator and, when a model or endpoint is configured, registers an <see cref="IChatClient"/>
    /// (a local model loads on first use). Without either, no chat client is registered and callers fall back.
    /// </summary>
    /// <param name="place">Where a local model's weights run, given the loaded CPU model; null keeps the CPU.</param>
    public static IServiceCollection AddGraphRagGenerator(this IServiceCollection services, IConfiguration configuration,
        Func<IServiceProvider, Models.IDecoderModel, Models.IDecoderModel>? place = null)
    {
        var section = configuration.GetSection(GeneratorOptions.Section);
        services.AddOptions<GeneratorOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GeneratorOptions>, GeneratorOptionsValidator>();
        var options = section.Get<GeneratorOptions>() ?? new GeneratorOptions();
        if (options.IsConfigured)
            services.AddSingleton<IChatClient>(provider => GeneratorChatClients.Create(
                provider.GetRequiredService<IOptions<GeneratorOptions>>().Value,
                place is null ? null : model => place(provider, model))!);
        return services;
    }
}
