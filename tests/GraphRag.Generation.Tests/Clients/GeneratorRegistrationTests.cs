using System.Diagnostics;
using GraphRag.Generation.Clients;
using GraphRag.Generation.Models;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace GraphRag.Generation.Tests.Clients;

/// <summary>
/// AddGraphRagGenerator registers one chat client, built with Microsoft.Extensions.AI's pipeline (OpenTelemetry,
/// logging) around the local model or an OpenAI-compatible server. The server here is real HTTP serving the same
/// fixture model, so both configurations can be run and must answer alike.
/// </summary>
public sealed class GeneratorRegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ChatMessage[] Conversation =
    [
        new(ChatRole.System, "Answer briefly."),
        new(ChatRole.User, "What does the license allow?"),
    ];

    private static ServiceProvider Build(Action<IServiceCollection>? services, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        return collection.AddGraphRagGenerator(configuration).BuildServiceProvider();
    }

    private static ServiceProvider Build(params (string Key, string Value)[] settings) => Build(null, settings);

    private static (string, string) FixtureModel => ("GraphRag:Generator:Model", Fixtures.Path("llama", "model-f32.gguf"));

    [Fact]
    public void A_configured_model_file_gives_the_local_model_inside_the_pipeline()
    {
        using var services = Build(("GraphRag:Generator:Model", Fixtures.Path("gpt2", "model-f32.gguf")), ("GraphRag:Generator:MaxTokens", "5"));
        var client = services.GetRequiredService<IChatClient>();
        Assert.NotNull(client.GetService<OpenTelemetryChatClient>());
        var local = client.GetService<LocalChatClient>();
        Assert.NotNull(local);
        Assert.Equal(512, local.Model.Model.Config.VocabSize);
    }

    [Fact]
    public void A_configured_endpoint_gives_an_openai_client_inside_the_pipeline()
    {
        using var services = Build(("GraphRag:Generator:Endpoint", "http://127.0.0.1:9/v1"), ("GraphRag:Generator:Model", "ignored.gguf"));
        var client = services.GetRequiredService<IChatClient>();
        Assert.NotNull(client.GetService<OpenTelemetryChatClient>());
        Assert.Null(client.GetService<LocalChatClient>());
        var metadata = client.GetService<ChatClientMetadata>()!;
        Assert.Equal("openai", metadata.ProviderName);
        Assert.Equal(new Uri("http://127.0.0.1:9/v1"), metadata.ProviderUri);
    }

    [Fact]
    public void Without_a_model_no_chat_client_is_registered()
    {
        using var services = Build(("GraphRag:Generator:MaxTokens", "5"));
        Assert.Null(services.GetService<IChatClient>());
    }

    [Fact]
    public async Task The_local_model_and_an_openai_compatible_server_answer_alike_behind_the_same_registration()
    {
        using var served = new LocalChatClient(ModelLoader.Load(Fixtures.Path("llama", "model-f32.gguf")), new GeneratorOptions());
        using var server = new ChatCompletionsServer(served);
        using var local = Build(FixtureModel, ("GraphRag:Generator:MaxTokens", "12"));
        using var remote = Build(("GraphRag:Generator:Endpoint", server.Endpoint), ("GraphRag:Generator:EndpointModel", "fixture"),
            ("GraphRag:Generator:MaxTokens", "12"));

        var answers = new List<(string Text, long? OutputTokens, string Streamed)>();
        foreach (var services in new[] { local, remote })
        {
            var client = services.GetRequiredService<IChatClient>();
            var response = await client.GetResponseAsync(Conversation, cancellationToken: Ct);
            var streamed = await client.GetStreamingResponseAsync(Conversation, cancellationToken: Ct).ToChatResponseAsync(Ct);
            answers.Add((response.Text, response.Usage?.OutputTokenCount, streamed.Text));
        }

        Assert.Equal(2, server.Requests);
        Assert.NotEqual("", answers[0].Text);
        // The configured maximum (12 tokens, greedy) reaches the model both ways: the same continuation, token for token.
        Assert.Equal(12, answers[0].OutputTokens);
        Assert.Equal(answers[0], answers[1]);
        Assert.Equal(answers[0].Text, answers[0].Streamed);
    }

    [Fact]
    public async Task A_call_through_the_registered_client_is_logged_and_traced_without_the_prompt()
    {
        var spans = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(GeneratorServiceCollectionExtensions.TelemetrySourceName)
            .AddInMemoryExporter(spans)
            .Build();
        using var services = Build(s => s.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug)).AddFakeLogging(),
            FixtureModel, ("GraphRag:Generator:MaxTokens", "6"));

        var response = await services.GetRequiredService<IChatClient>().GetResponseAsync(Conversation, cancellationToken: Ct);

        var logs = services.GetFakeLogCollector().GetSnapshot().Select(r => r.Message).ToList();
        Assert.Contains(logs, m => m.Contains("GetResponseAsync invoked", StringComparison.Ordinal));
        Assert.Contains(logs, m => m.Contains("GetResponseAsync completed", StringComparison.Ordinal));
        tracing.ForceFlush();
        var span = Assert.Single(spans);
        Assert.Equal("chat", span.GetTagItem("gen_ai.operation.name"));
        Assert.Equal(response.Usage!.InputTokenCount, Convert.ToInt64(span.GetTagItem("gen_ai.usage.input_tokens")));
        Assert.Equal(6L, Convert.ToInt64(span.GetTagItem("gen_ai.usage.output_tokens")));
        // Prompts hold the user's notes: the spans carry sizes and model names, not the text.
        Assert.DoesNotContain(span.TagObjects, tag => tag.Value is string text && text.Contains("license", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, m => m.Contains("license", StringComparison.Ordinal));
    }
}
