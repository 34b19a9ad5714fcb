using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphRag.Tests;
using Microsoft.Extensions.AI;

namespace GraphRag.Generation.Tests.Clients;

/// <summary>
/// A real HTTP server in the test process that speaks the OpenAI chat-completions protocol (POST
/// /v1/chat/completions, plain JSON or server-sent events) and answers with a chat client, here the local
/// fixture model: what llama-server does for a GGUF file, so both sides of the registration can run one model.
/// </summary>
public sealed class ChatCompletionsServer : IDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly IChatClient _model;

    public ChatCompletionsServer(IChatClient model)
    {
        _model = model;
        _server = new LoopbackHttpServer(AnswerAsync);
    }

    public string Endpoint => _server.BaseUrl + "/v1";

    public int Requests => _server.Requests;

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var request = JsonNode.Parse(await reader.ReadToEndAsync())!;
        var (messages, options) = Read(request);
        var response = context.Response;
        if (request["stream"]?.GetValue<bool>() == true)
        {
            response.ContentType = "text/event-stream";
            response.SendChunked = true;
            await foreach (var update in _model.GetStreamingResponseAsync(messages, options))
            {
                var delta = update.Text.Length > 0 ? new JsonObject { ["content"] = update.Text } : new JsonObject();
                await WriteAsync(response, "data: " + Chunk("chat.completion.chunk", "delta", delta, update.FinishReason).ToJsonString() + "\n\n");
            }
            await WriteAsync(response, "data: [DONE]\n\n");
        }
        else
        {
            var answer = await _model.GetResponseAsync(messages, options);
            var body = Chunk("chat.completion", "message", new JsonObject { ["role"] = "assistant", ["content"] = answer.Text }, answer.FinishReason);
            body["usage"] = new JsonObject
            {
                ["prompt_tokens"] = answer.Usage?.InputTokenCount,
                ["completion_tokens"] = answer.Usage?.OutputTokenCount,
                ["total_tokens"] = answer.Usage?.InputTokenCount + answer.Usage?.OutputTokenCount,
            };
            response.ContentType = "application/json";
            await WriteAsync(response, body.ToJsonString());
        }
    }

    /// <summary>The request's messages and the options the OpenAI client sends (max_completion_tokens, temperature, top_p, seed, stop).</summary>
    private static (List<ChatMessage>, ChatOptions) Read(JsonNode request)
    {
        var messages = request["messages"]!.AsArray().Select(m => new ChatMessage(new ChatRole(m!["role"]!.GetValue<string>()),
            m["content"] is JsonArray parts ? string.Concat(parts.Select(p => p!["text"]?.GetValue<string>())) : m["content"]!.GetValue<string>())).ToList();
        var options = new ChatOptions
        {
            MaxOutputTokens = (request["max_completion_tokens"] ?? request["max_tokens"])?.GetValue<int>(),
            Temperature = request["temperature"]?.GetValue<float>(),
            TopP = request["top_p"]?.GetValue<float>(),
            Seed = request["seed"]?.GetValue<long>(),
            StopSequences = request["stop"] switch
            {
                JsonArray stops => stops.Select(s => s!.GetValue<string>()).ToList(),
                JsonValue stop => [stop.GetValue<string>()],
                _ => null,
            },
        };
        return (messages, options);
    }

    private static JsonObject Chunk(string kind, string field, JsonObject content, ChatFinishReason? finish) => new()
    {
        ["id"] = "chatcmpl-fixture",
        ["object"] = kind,
        ["created"] = 0,
        ["model"] = "fixture",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            [field] = content,
            ["finish_reason"] = finish == ChatFinishReason.Length ? "length" : finish is null ? null : "stop",
        }),
    };

    private static async Task WriteAsync(HttpListenerResponse response, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await response.OutputStream.WriteAsync(bytes);
        await response.OutputStream.FlushAsync();
    }

    public void Dispose() => _server.Dispose();
}
