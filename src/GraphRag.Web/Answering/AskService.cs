using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using GraphRag.Answer;
using GraphRag.Retrieve;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Web.Answering;

/// <summary>
/// Answers a question from the notes: with the registered generator (an <see cref="IChatClient"/>)
/// when there is one, grounded in retrieved passages, otherwise extractively. Either way the answer
/// comes with the passages it drew from.
/// </summary>
public sealed class AskService(RetrieverCatalog catalog, IServiceProvider services)
{
    /// <summary>Passages a generator reads: enough to answer, few enough for a small model's context.</summary>
    public const int GeneratorPassages = 5;

    public IChatClient? Generator => services.GetService<IChatClient>();

    public async Task<AskResult> AskAsync(string? question, string? mode, CancellationToken cancellationToken)
    {
        var retriever = catalog.Get(mode);
        if (Generator is not { } generator)
            return await ExtractAsync(question ?? "", retriever, cancellationToken);
        var passages = await retriever.SearchAsync(question ?? "", GeneratorPassages, cancellationToken);
        if (passages.Count == 0)
            return NothingFound(question!, passages);
        var response = await generator.GetResponseAsync(GroundedPrompt.Messages(question!, passages), cancellationToken: cancellationToken);
        return Generated(question!, response.Text, passages);
    }

    /// <summary>
    /// Searches before returning, so a bad query fails as a plain 400; the events then carry the
    /// passages, the generated text as it is written, and the finished answer.
    /// </summary>
    public async Task<IAsyncEnumerable<SseItem<object>>> StreamAsync(string? question, string? mode, CancellationToken cancellationToken)
    {
        var retriever = catalog.Get(mode);
        if (Generator is not { } generator)
        {
            var extracted = await ExtractAsync(question ?? "", retriever, cancellationToken);
            return Events([new("passages", extracted.Passages), new("done", extracted)]);
        }
        var passages = await retriever.SearchAsync(question ?? "", GeneratorPassages, cancellationToken);
        if (passages.Count == 0)
        {
            var none = NothingFound(question!, passages);
            return Events([new("passages", passages), new("done", none)]);
        }
        return GenerateEvents(generator, question!, passages, cancellationToken);
    }

    private static async Task<AskResult> ExtractAsync(string question, IRetriever retriever, CancellationToken cancellationToken)
    {
        var recorder = new RecordingRetriever(retriever);
        var answer = await new ExtractiveAnswerer(recorder).AnswerAsync(question, cancellationToken);
        return new AskResult(answer, recorder.LastHits);
    }

    private static async IAsyncEnumerable<SseItem<object>> GenerateEvents(
        IChatClient generator, string question, IReadOnlyList<SearchHit> passages, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new SseItem<object>(passages, "passages");
        yield return new SseItem<object>(GroundedPrompt.Citations(passages), "citations");
        var text = new StringBuilder();
        await foreach (var update in generator.GetStreamingResponseAsync(GroundedPrompt.Messages(question, passages), cancellationToken: cancellationToken))
        {
            if (string.IsNullOrEmpty(update.Text))
                continue;
            text.Append(update.Text);
            yield return new SseItem<object>(new { text = update.Text }, "delta");
        }
        yield return new SseItem<object>(Generated(question, text.ToString(), passages), "done");
    }

    private static async IAsyncEnumerable<SseItem<object>> Events(IReadOnlyList<(string Type, object Data)> events)
    {
        foreach (var (type, data) in events)
            yield return new SseItem<object>(data, type);
        await Task.CompletedTask;
    }

    private static AskResult Generated(string question, string text, IReadOnlyList<SearchHit> passages) =>
        new(new GroundedAnswer(question, text.Trim(), GroundedPrompt.Citations(passages), Found: true, "generator"), passages);

    private static AskResult NothingFound(string question, IReadOnlyList<SearchHit> passages) =>
        new(new GroundedAnswer(question, ExtractiveAnswerer.NotFound, [], Found: false, "generator"), passages);
}

/// <summary>An answer and the passages it was drawn from (each with why it was found).</summary>
public sealed record AskResult(GroundedAnswer Answer, IReadOnlyList<SearchHit> Passages);
