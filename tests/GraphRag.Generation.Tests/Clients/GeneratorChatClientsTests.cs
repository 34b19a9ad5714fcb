using System.ClientModel.Primitives;
using System.Net;
using System.Text;
using System.Text.Json;
using GraphRag.Generation.Clients;
using Microsoft.Extensions.AI;
using OpenAI;

namespace GraphRag.Generation.Tests.Clients;

/// <summary>
/// The OpenAI-compatible client (Microsoft.Extensions.AI.OpenAI) against a recorded chat-completions exchange: the
/// HTTP transport is replaced by a handler that checks the request the OpenAI package built and answers with the
/// wire format of the OpenAI API reference.
/// </summary>
public sealed class GeneratorChatClientsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class RecordingHandler(string contentType, string body) : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }
        public JsonElement Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            Body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        }
    }

    private static IChatClient Client(RecordingHandler handler) =>
        GeneratorChatClients.OpenAiCompatible(new GeneratorOptions { Endpoint = "http://127.0.0.1:8080/v1", EndpointModel = "local-model", ApiKey = "secret", MaxTokens = 64 },
            new OpenAIClientOptions { Transport = new HttpClientPipelineTransport(new HttpClient(handler)) });

    private const string Completion = """
        {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"local-model",
         "choices":[{"index":0,"message":{"role":"assistant","content":"The notes say yes [1]."},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":21,"completion_tokens":7,"total_tokens":28}}
        """;

    [Fact]
    public async Task Sends_messages_model_and_options_to_the_configured_endpoint()
    {
        var handler = new RecordingHandler("application/json", Completion);
        using var client = Client(handler);
        var response = await client.GetResponseAsync(
            [new(ChatRole.System, "Use the notes."), new(ChatRole.User, "Is it allowed?")],
            new ChatOptions { Temperature = 0.2f, StopSequences = ["\n\n"] }, Ct);

        Assert.Equal("http://127.0.0.1:8080/v1/chat/completions", handler.Request!.RequestUri!.ToString());
        Assert.Equal("Bearer secret", handler.Request.Headers.Authorization!.ToString());
        Assert.Equal("local-model", handler.Body.GetProperty("model").GetString());
        Assert.Equal(0.2, handler.Body.GetProperty("temperature").GetDouble(), 1e-6);
        Assert.Equal("\n\n", handler.Body.GetProperty("stop")[0].GetString());
        var messages = handler.Body.GetProperty("messages");
        Assert.Equal("system", messages[0].GetProperty("role").GetString());
        Assert.Equal("Is it allowed?", messages[1].GetProperty("content").GetString() ?? messages[1].GetProperty("content")[0].GetProperty("text").GetString());

        Assert.Equal("The notes say yes [1].", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(21, response.Usage!.InputTokenCount);
        Assert.Equal(7, response.Usage.OutputTokenCount);
    }

    [Fact]
    public async Task Streams_server_sent_events_as_updates()
    {
        var events = string.Concat(new[] { "The ", "notes ", "say yes." }.Select(piece =>
            "data: " + JsonSerializer.Serialize(new
            {
                id = "c1", @object = "chat.completion.chunk", created = 1700000000, model = "local-model",
                choices = new[] { new { index = 0, delta = new { content = piece }, finish_reason = (string?)null } },
            }) + "\n\n"))
            + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"local-model\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}\n\n"
            + "data: [DONE]\n\n";
        var handler = new RecordingHandler("text/event-stream", events);
        using var client = Client(handler);
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync([new(ChatRole.User, "Is it allowed?")], cancellationToken: Ct))
            updates.Add(update);
        Assert.True(handler.Body.GetProperty("stream").GetBoolean());
        Assert.Equal("The notes say yes.", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(ChatFinishReason.Length, updates[^1].FinishReason);
    }

    [Fact]
    public void A_relative_endpoint_is_rejected_with_the_setting_name()
    {
        var error = Assert.Throws<ArgumentException>(() => GeneratorChatClients.OpenAiCompatible(new GeneratorOptions { Endpoint = "localhost:8080" }));
        Assert.Contains("GraphRag:Generator:Endpoint", error.Message);
    }
}
