using GraphRag.Generation.Clients;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphRag.Generation;

public static class GeneratorServiceCollectionExtensions
{
    /// <summary>
    /// The activity source and meter of generator calls (OpenTelemetry's GenAI conventions: model, token counts,
    /// duration; prompts and answers are left out). Add it to a tracer or meter provider to export it.
    /// </summary>
    public const string TelemetrySourceName = "GraphRag.Generator";

    /// <summary>
    /// Binds GraphRag:Generator and, when a model or endpoint is configured, registers an <see cref="IChatClient"/>
    /// (a local model loads on first use). Without either, no chat client is registered and callers fall back.
    /// The client is built with Microsoft.Extensions.AI's pipeline: OpenTelemetry around logging around the local
    /// model or the OpenAI-compatible server, so callers see the same client whichever is configured.
    /// Its log category is Microsoft.Extensions.AI: appsettings.json keeps it at Critical, because a failed call is
    /// reported by the command or endpoint that made it (a second record with the stack trace would only repeat it);
    /// set Logging:LogLevel:Microsoft.Extensions.AI to Debug to see every call.
    /// </summary>
    /// <param name="place">Where a local model's weights run, given the loaded CPU model; null keeps the CPU.</param>
    public static IServiceCollection AddGraphRagGenerator(this IServiceCollection services, IConfiguration configuration,
        Func<IServiceProvider, Models.IDecoderModel, Models.IDecoderModel>? place = null)
    {
        var section = configuration.GetSection(GeneratorOptions.Section);
        services.AddOptions<GeneratorOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GeneratorOptions>, GeneratorOptionsValidator>();
        var options = section.Get<GeneratorOptions>() ?? new GeneratorOptions();
        // No response cache: answers are asked once per question and passages, and extraction keeps its own store.
        if (options.IsConfigured)
            services.AddLogging().AddChatClient(provider => GeneratorChatClients.Create(
                    provider.GetRequiredService<IOptions<GeneratorOptions>>().Value,
                    place is null ? null : model => place(provider, model))!)
                .UseOpenTelemetry(sourceName: TelemetrySourceName)
                .UseLogging();
        return services;
    }
}
