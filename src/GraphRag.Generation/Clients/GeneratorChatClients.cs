using Microsoft.Extensions.AI;

namespace GraphRag.Generation.Clients;

/// <summary>Builds the chat client the settings ask for: an OpenAI-compatible endpoint, else a local model, else none.</summary>
public static class GeneratorChatClients
{
    public static IChatClient? Create(GeneratorOptions options, Func<Models.IDecoderModel, Models.IDecoderModel>? place = null)
    {
        if (options.Endpoint.Length > 0)
            return new OpenAiCompatibleChatClient(options);
        if (options.Model.Length == 0)
            return null;
        return LocalChatClient.Open(options, place);
    }
}
