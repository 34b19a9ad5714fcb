using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;

namespace GraphRag.Generation.Clients;

/// <summary>Builds the chat client the settings ask for: an OpenAI-compatible endpoint, else a local model, else none.</summary>
public static class GeneratorChatClients
{
    public static IChatClient? Create(GeneratorOptions options, Func<Models.IDecoderModel, Models.IDecoderModel>? place = null) =>
        options.Endpoint.Length > 0 ? OpenAiCompatible(options)
        : options.Model.Length > 0 ? LocalChatClient.Open(options, place)
        : null;

    /// <summary>
    /// A server that speaks the OpenAI chat-completions API (llama.cpp's llama-server, vLLM, Ollama, OpenAI itself),
    /// through Microsoft.Extensions.AI.OpenAI over the official OpenAI client. A request that does not set them gets the
    /// configured maximum length, temperature, top-p and seed, as the local model does.
    /// </summary>
    /// <param name="clientOptions">The OpenAI client's options (tests replace its transport); the endpoint is set from <paramref name="options"/>.</param>
    public static IChatClient OpenAiCompatible(GeneratorOptions options, OpenAIClientOptions? clientOptions = null)
    {
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            throw new ArgumentException($"{GeneratorOptions.Section}:Endpoint '{options.Endpoint}' is not an http(s) URL (e.g. http://localhost:8080/v1).");
        clientOptions ??= new OpenAIClientOptions();
        clientOptions.Endpoint = endpoint;
        var credential = new ApiKeyCredential(options.ApiKey.Length > 0 ? options.ApiKey : "none");
        return new OpenAIClient(credential, clientOptions).GetChatClient(options.EndpointModel).AsIChatClient()
            .AsBuilder()
            .ConfigureOptions(request =>
            {
                request.MaxOutputTokens ??= options.MaxTokens;
                request.Temperature ??= options.Temperature;
                request.TopP ??= options.TopP;
                request.Seed ??= options.Seed;
            })
            .Build();
    }
}
