using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using GraphRag.Ingest;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Web.Tests;

/// <summary>
/// With a generator registered, ask streams its text as it is written. The generator here is a
/// scripted IChatClient (no model weights in the repository): it reads the prompt the server built
/// and answers by quoting the title of passage [1], word by word, so the test can check both the
/// prompt and the streaming.
/// </summary>
public sealed class GeneratorStreamTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ask_stream_sends_passages_then_the_generated_text_in_pieces_then_the_cited_answer()
    {
        var generator = new TitleQuotingClient();
        await using var host = await WebAppHost.StartAsync(extraServices: s => s.AddSingleton<IChatClient>(generator));
        await host.Services.GetRequiredService<IngestionPipeline>().IngestAsync([TestPaths.Repo("corpus")], cancellationToken: Ct);

        var response = await host.Client.PostAsJsonAsync("/api/ask/stream", new { question = "What does NDCG measure?" }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = ServerSentEvents.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal("passages", events[0].Type);
        Assert.Equal("done", events[^1].Type);
        var deltas = events.Where(e => e.Type == "delta").Select(e => e.Data.GetProperty("text").GetString()).ToList();
        Assert.Equal(events.Count - 2, deltas.Count);
        Assert.True(deltas.Count > 3, "the text should arrive in pieces");

        var firstPassage = events[0].Data[0];
        var answer = events[^1].Data.GetProperty("answer");
        Assert.Equal($"Passage 1 is titled {firstPassage.GetProperty("title").GetString()} [1].", answer.GetProperty("text").GetString());
        Assert.Equal(string.Concat(deltas).Trim(), answer.GetProperty("text").GetString());
        Assert.Equal("generator", answer.GetProperty("method").GetString());
        // The model cited [1] only: the answer cites passage 1 and nothing it did not use.
        var citation = Assert.Single(answer.GetProperty("citations").EnumerateArray());
        Assert.Equal(1, citation.GetProperty("n").GetInt32());
        Assert.Equal(firstPassage.GetProperty("chunkId").GetInt64(), citation.GetProperty("chunkId").GetInt64());
        Assert.Contains("Cite every statement with the number of its passage", generator.LastSystemPrompt);
    }

    [Fact]
    public async Task Ask_without_streaming_uses_the_generator_too()
    {
        await using var host = await WebAppHost.StartAsync(extraServices: s => s.AddSingleton<IChatClient>(new TitleQuotingClient()));
        await host.Services.GetRequiredService<IngestionPipeline>().IngestAsync([TestPaths.Repo("corpus")], cancellationToken: Ct);
        var result = await Json.PostAsync(host.Client, "/api/ask", new { question = "What does NDCG measure?" });
        var first = result.GetProperty("passages")[0].GetProperty("title").GetString();
        Assert.Equal($"Passage 1 is titled {first} [1].", result.GetProperty("answer").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Status_says_a_generator_is_configured()
    {
        await using var host = await WebAppHost.StartAsync(extraServices: s => s.AddSingleton<IChatClient>(new TitleQuotingClient()));
        Assert.True((await Json.GetAsync(host.Client, "/api/status")).GetProperty("generator").GetBoolean());
    }

    [Fact]
    public async Task A_client_that_goes_away_stops_the_generation()
    {
        var generator = new EndlessClient();
        await using var host = await WebAppHost.StartAsync(extraServices: s => s.AddSingleton<IChatClient>(generator));
        await host.Services.GetRequiredService<IngestionPipeline>().IngestAsync([TestPaths.Repo("corpus")], cancellationToken: Ct);

        using var leave = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask/stream") { Content = JsonContent.Create(new { question = "What does NDCG measure?" }) };
        var response = await host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, leave.Token);
        using (var reader = new StreamReader(await response.Content.ReadAsStreamAsync(leave.Token)))
        {
            while (await reader.ReadLineAsync(leave.Token) is { } line && line != "event: delta") { }
            Assert.False(generator.Stopped.Task.IsCompleted, "the generator should still be writing when the client leaves");
            leave.Cancel();
        }
        response.Dispose();

        // Without cancellation the generator would write forever; the request's abort must end it.
        await generator.Stopped.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    /// <summary>Writes a word every 10 ms until its enumeration is cancelled or abandoned.</summary>
    private sealed class EndlessClient : IChatClient
    {
        public TaskCompletionSource Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            CancellationToken cancellationToken = default) => throw new NotSupportedException("streaming only");

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            try
            {
                while (true)
                {
                    await Task.Delay(10, cancellationToken);
                    yield return new ChatResponseUpdate(ChatRole.Assistant, "more ");
                }
            }
            finally
            {
                Stopped.TrySetResult();
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose() { }
    }

    private sealed class TitleQuotingClient : IChatClient
    {
        public string LastSystemPrompt { get; private set; } = "";

        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            CancellationToken cancellationToken = default)
        {
            var text = string.Concat(await GetStreamingResponseAsync(messages, options, cancellationToken).Select(u => u.Text).ToListAsync(cancellationToken));
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, text));
        }

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var list = messages.ToList();
            LastSystemPrompt = list.Single(m => m.Role == ChatRole.System).Text;
            // The passages are fenced; passage 1 opens with the line "[1] Title › heading" (or "[1] Title").
            var firstLine = list.Single(m => m.Role == ChatRole.User).Text.Split('\n').First(l => l.StartsWith("[1] "));
            var title = firstLine["[1] ".Length..].Split(" › ")[0].Trim();
            foreach (var word in $"Passage 1 is titled {title} [1].".Split(' '))
            {
                await Task.Yield();
                yield return new ChatResponseUpdate(ChatRole.Assistant, word + " ");
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose() { }
    }
}
