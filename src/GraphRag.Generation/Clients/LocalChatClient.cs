using System.Runtime.CompilerServices;
using System.Threading.Channels;
using GraphRag.Engine;
using GraphRag.Generation.Chat;
using GraphRag.Generation.Generation;
using GraphRag.Generation.Models;
using GraphRag.Generation.Sampling;
using Microsoft.Extensions.AI;

namespace GraphRag.Generation.Clients;

/// <summary>
/// <see cref="IChatClient"/> over a model running in this process: messages go through the model's chat
/// template, generation runs on a worker thread, and one request runs at a time (the CPU is the limit).
/// </summary>
public sealed class LocalChatClient(LoadedModel model, GeneratorOptions defaults) : IChatClient
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TextGenerator _generator = new(model.Model, model.Tokenizer);

    public LoadedModel Model { get; } = model;

    /// <param name="place">Where the loaded weights run (the CLI passes the CUDA placement); null keeps them on the CPU.</param>
    public static LocalChatClient Open(GeneratorOptions options, Func<IDecoderModel, IDecoderModel>? place = null)
    {
        var loaded = ModelLoader.Load(options.Model, ComputeOptions.WithThreads(options.Threads));
        return new(place is null ? loaded : loaded.WithModel(place(loaded.Model)), options);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var (prompt, generation) = Prepare(messages, options);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var result = await Task.Run(() => _generator.Generate(prompt, generation, cancellationToken: cancellationToken), cancellationToken);
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, result.Text))
            {
                FinishReason = Map(result.FinishReason),
                ModelId = ModelId,
                Usage = new UsageDetails { InputTokenCount = result.PromptTokens.Count, OutputTokenCount = result.Tokens.Count },
            };
        }
        finally
        {
            _gate.Release();
        }
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (prompt, generation) = Prepare(messages, options);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var pieces = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            var worker = Task.Run(() =>
            {
                try
                {
                    return _generator.Generate(prompt, generation, text => pieces.Writer.TryWrite(text), cancellationToken);
                }
                finally
                {
                    pieces.Writer.Complete();
                }
            }, cancellationToken);
            await foreach (var piece in pieces.Reader.ReadAllAsync(cancellationToken))
                yield return new ChatResponseUpdate(ChatRole.Assistant, piece) { ModelId = ModelId };
            var result = await worker;
            yield return new ChatResponseUpdate { Role = ChatRole.Assistant, FinishReason = Map(result.FinishReason), ModelId = ModelId };
        }
        finally
        {
            _gate.Release();
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("graphrag-local", null, ModelId)
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        Model.Dispose();
        _gate.Dispose();
    }

    private string ModelId => System.IO.Path.GetFileName(Model.Path);

    private (int[] Prompt, GenerationOptions Generation) Prepare(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var turns = messages.Select(m => new ChatTurn(m.Role.Value, m.Text)).ToList();
        if (turns.Count == 0)
            throw new ArgumentException("A chat request needs at least one message.");
        var prompt = Model.Tokenizer.Encode(Model.ChatTemplate.Render(turns));
        var sampling = new SamplingOptions
        {
            Temperature = options?.Temperature ?? defaults.Temperature,
            TopP = options?.TopP ?? defaults.TopP,
            TopK = options?.TopK ?? defaults.TopK,
            RepetitionPenalty = defaults.RepetitionPenalty,
            Seed = options?.Seed is { } seed ? (int)seed : defaults.Seed,
        };
        return (prompt, new GenerationOptions
        {
            MaxTokens = options?.MaxOutputTokens ?? defaults.MaxTokens,
            Sampling = sampling,
            StopSequences = options?.StopSequences?.ToArray() ?? [],
            StopTokens = Model.ChatTemplate.StopTokens,
        });
    }

    private static ChatFinishReason Map(FinishReason reason) =>
        reason == FinishReason.Stop ? ChatFinishReason.Stop : ChatFinishReason.Length;
}
