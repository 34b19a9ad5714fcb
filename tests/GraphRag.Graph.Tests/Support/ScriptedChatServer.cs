using System.Net;
using System.Text;
using System.Text.Json;
using GraphRag.Tests;

namespace GraphRag.Graph.Tests.Support;

/// <summary>
/// A real HTTP server in the test process that speaks the OpenAI chat-completions protocol and
/// answers every request from a fixed script: no pretrained model is reachable here, and a model
/// that fails or answers nonsense cannot be produced on demand otherwise.
/// </summary>
public sealed class ScriptedChatServer : IDisposable
{
    private readonly LoopbackHttpServer _server;

    /// <param name="answer">From the prompt sent, the HTTP status and the assistant message content to answer with.</param>
    public ScriptedChatServer(Func<string, (int Status, string Content)> answer) =>
        _server = new LoopbackHttpServer(context => AnswerAsync(context, answer));

    public string Endpoint => _server.BaseUrl + "/v1";

    public int Requests => _server.Requests;

    private static async Task AnswerAsync(HttpListenerContext context, Func<string, (int Status, string Content)> answer)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var request = JsonDocument.Parse(await reader.ReadToEndAsync());
        var prompt = string.Concat(request.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").ToString()));
        var (status, content) = answer(prompt);
        var streamed = status == 200 && request.RootElement.TryGetProperty("stream", out var stream) && stream.GetBoolean();
        var body = streamed ? Chunks(content)
            : status == 200
            ? JsonSerializer.Serialize(new
            {
                id = "scripted-1", @object = "chat.completion", created = 0, model = "scripted",
                choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 1, completion_tokens = 1, total_tokens = 2 },
            })
            : JsonSerializer.Serialize(new { error = new { message = content, type = "server_error" } });
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = streamed ? "text/event-stream" : "application/json";
        await context.Response.OutputStream.WriteAsync(bytes);
    }

    /// <summary>A streamed answer as the protocol's Server-Sent Events: the content as one chunk, a stop, then [DONE].</summary>
    private static string Chunks(string content)
    {
        string Chunk(object delta, string? finish) => "data: " + JsonSerializer.Serialize(new
        {
            id = "scripted-1", @object = "chat.completion.chunk", created = 0, model = "scripted",
            choices = new[] { new { index = 0, delta, finish_reason = finish } },
        }) + "\n\n";
        return Chunk(new { role = "assistant", content }, null) + Chunk(new { }, "stop") + "data: [DONE]\n\n";
    }

    public void Dispose() => _server.Dispose();
}
