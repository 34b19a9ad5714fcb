using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using GraphRag.Answer;
using GraphRag.Retrieve;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Web.Answering;

/// <summary>
/// Answers a question from the notes as <see cref="QuestionAnswerer"/> chooses (themes, the registered
/// generator, or extraction), and streams the generator's text as it is written. The answer comes
/// with the passages it drew from, each saying why it was found.
/// </summary>
public sealed class AskService(RetrieverCatalog catalog, IServiceProvider services)
{
    public IChatClient? Generator => services.GetService<IChatClient>();

    public async Task<AskResult> AskAsync(string? question, string? mode, CancellationToken cancellationToken)
    {
        // Same choice as the command line (themes, generator or extraction); the recorder keeps the passages used.
        RecordingRetriever? recorder = null;
        var answer = await services.GetRequiredService<QuestionAnswerer>()
            .AnswerAsync(question ?? "", () => recorder = new RecordingRetriever(catalog.Get(mode)), cancellationToken);
        return new AskResult(answer, recorder?.LastHits ?? []);
    }

    /// <summary>
    /// Searches before returning, so a bad query fails as a plain 400; the events then carry the
    /// passages, the generated text as it is written ("delta"), and the finished answer ("done").
    /// </summary>
    public async Task<IAsyncEnumerable<SseItem<object>>> StreamAsync(string? question, string? mode, CancellationToken cancellationToken)
    {
        if (Generator is not { } chat || (question is not null && BroadQuestions.IsBroad(question)))
        {
            var extracted = await AskAsync(question, mode, cancellationToken);
            return Events([new("passages", extracted.Passages), new("done", extracted)]);
        }
        var answerer = new GenerativeAnswerer(catalog.Get(mode), chat);
        var passages = await answerer.RetrieveAsync(question ?? "", cancellationToken);
        if (passages.Count == 0)
            return Events([new("passages", passages), new("done", new AskResult(GenerativeAnswerer.NothingFound(question!), passages))]);
        return GenerateEvents(answerer, question!, passages, cancellationToken);
    }

    private static async IAsyncEnumerable<SseItem<object>> GenerateEvents(
        GenerativeAnswerer answerer, string question, IReadOnlyList<SearchHit> passages, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new SseItem<object>(passages, "passages");
        var text = new StringBuilder();
        await foreach (var update in answerer.Chat.GetStreamingResponseAsync(answerer.Prompt(question, passages), cancellationToken: cancellationToken))
        {
            if (string.IsNullOrEmpty(update.Text))
                continue;
            text.Append(update.Text);
            yield return new SseItem<object>(new { text = update.Text }, "delta");
        }
        yield return new SseItem<object>(new AskResult(GenerativeAnswerer.Finish(question, text.ToString(), passages), passages), "done");
    }

    private static async IAsyncEnumerable<SseItem<object>> Events(IReadOnlyList<(string Type, object Data)> events)
    {
        foreach (var (type, data) in events)
            yield return new SseItem<object>(data, type);
        await Task.CompletedTask;
    }
}

/// <summary>An answer and the passages it was drawn from (each with why it was found).</summary>
public sealed record AskResult(GroundedAnswer Answer, IReadOnlyList<SearchHit> Passages);
