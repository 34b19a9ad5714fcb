using System.ClientModel;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using MeaiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using OpenAiChatMessage = OpenAI.Chat.ChatMessage;

namespace GraphRag.Generation.Clients;

/// <summary>
/// <see cref="IChatClient"/> over any server that speaks the OpenAI chat-completions API (llama.cpp's
/// llama-server, vLLM, Ollama, OpenAI itself), through the official OpenAI .NET client.
/// </summary>
public sealed class OpenAiCompatibleChatClient : IChatClient
{
    private readonly ChatClient _client;
    private readonly GeneratorOptions _defaults;

    public OpenAiCompatibleChatClient(GeneratorOptions options, OpenAIClientOptions? clientOptions = null)
    {
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            throw new ArgumentException($"GraphRag:Generator:Endpoint '{options.Endpoint}' is not an http(s) URL (e.g. http://localhost:8080/v1).");
        clientOptions ??= new OpenAIClientOptions();
        clientOptions.Endpoint = endpoint;
        _client = new ChatClient(options.EndpointModel, new ApiKeyCredential(options.ApiKey.Length > 0 ? options.ApiKey : "none"), clientOptions);
        _defaults = options;
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<MeaiChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ChatCompletion completion = await _client.CompleteChatAsync(ToOpenAi(messages), ToOpenAi(options), cancellationToken);
        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        return new ChatResponse(new MeaiChatMessage(ChatRole.Assistant, text))
        {
            FinishReason = Map(completion.FinishReason),
            ModelId = completion.Model,
            ResponseId = completion.Id,
            Usage = completion.Usage is { } usage
                ? new UsageDetails { InputTokenCount = usage.InputTokenCount, OutputTokenCount = usage.OutputTokenCount, TotalTokenCount = usage.TotalTokenCount }
                : null,
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<MeaiChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in _client.CompleteChatStreamingAsync(ToOpenAi(messages), ToOpenAi(options), cancellationToken))
        {
            var text = string.Concat(update.ContentUpdate.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
            if (text.Length == 0 && update.FinishReason is null)
                continue;
            yield return new ChatResponseUpdate(ChatRole.Assistant, text)
            {
                FinishReason = update.FinishReason is { } reason ? Map(reason) : null,
                ModelId = update.Model,
                ResponseId = update.CompletionId,
            };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("openai-compatible", null, _defaults.EndpointModel)
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private static List<OpenAiChatMessage> ToOpenAi(IEnumerable<MeaiChatMessage> messages) =>
        messages.Select(m => m.Role == ChatRole.System ? new SystemChatMessage(m.Text)
            : m.Role == ChatRole.Assistant ? (OpenAiChatMessage)new AssistantChatMessage(m.Text)
            : new UserChatMessage(m.Text)).ToList();

    private ChatCompletionOptions ToOpenAi(ChatOptions? options)
    {
        var result = new ChatCompletionOptions
        {
            Temperature = options?.Temperature ?? _defaults.Temperature,
            TopP = options?.TopP ?? _defaults.TopP,
            MaxOutputTokenCount = options?.MaxOutputTokens ?? _defaults.MaxTokens,
        };
#pragma warning disable OPENAI001 // Seed is marked experimental by the OpenAI package.
        if ((options?.Seed ?? _defaults.Seed) is { } seed)
            result.Seed = seed;
#pragma warning restore OPENAI001
        foreach (var stop in options?.StopSequences ?? [])
            result.StopSequences.Add(stop);
        return result;
    }

    private static Microsoft.Extensions.AI.ChatFinishReason Map(OpenAI.Chat.ChatFinishReason reason) => reason switch
    {
        OpenAI.Chat.ChatFinishReason.Length => Microsoft.Extensions.AI.ChatFinishReason.Length,
        OpenAI.Chat.ChatFinishReason.ContentFilter => Microsoft.Extensions.AI.ChatFinishReason.ContentFilter,
        OpenAI.Chat.ChatFinishReason.ToolCalls or OpenAI.Chat.ChatFinishReason.FunctionCall => Microsoft.Extensions.AI.ChatFinishReason.ToolCalls,
        _ => Microsoft.Extensions.AI.ChatFinishReason.Stop,
    };
}
