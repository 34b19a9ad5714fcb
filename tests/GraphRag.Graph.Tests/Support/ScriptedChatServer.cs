using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace GraphRag.Graph.Tests.Support;

/// <summary>
/// A real HTTP server in the test process that speaks the OpenAI chat-completions protocol and
/// answers every request from a fixed script: no pretrained model is reachable here, and a model
/// that fails or answers nonsense cannot be produced on demand otherwise.
/// </summary>
public sealed class ScriptedChatServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<string, (int Status, string Content)> _answer;
    private readonly Task _loop;
    private int _requests;

    /// <param name="answer">From the prompt sent, the HTTP status and the assistant message content to answer with.</param>
    public ScriptedChatServer(Func<string, (int Status, string Content)> answer)
    {
        _answer = answer;
        var port = FreePort();
        Endpoint = $"http://127.0.0.1:{port}/v1";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    public int Requests => Volatile.Read(ref _requests);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            Interlocked.Increment(ref _requests);
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var request = JsonDocument.Parse(await reader.ReadToEndAsync());
            var prompt = string.Concat(request.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").ToString()));
            var (status, content) = _answer(prompt);
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
            context.Response.Close();
        }
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

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
