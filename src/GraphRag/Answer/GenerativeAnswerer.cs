using System.Runtime.CompilerServices;
using System.Text;
using GraphRag.Retrieve;
using Microsoft.Extensions.AI;

namespace GraphRag.Answer;

/// <summary>
/// Answers with a language model grounded in retrieved passages: the passages go into the prompt
/// numbered, fenced as data (<see cref="GroundedPromptBuilder"/>), the model's text streams out as
/// it is written, and the answer's [n] markers become citations of exactly the passages it used.
/// </summary>
public sealed class GenerativeAnswerer(PassageSearch search, IChatClient chat, GroundedPromptBuilder? prompts = null) : IAnswerer
{
    /// <summary>Passages offered: enough to answer, few enough for a small model's context.</summary>
    public const int Passages = 5;

    private readonly GroundedPromptBuilder _prompts = prompts ?? new GroundedPromptBuilder();

    public async IAsyncEnumerable<AnswerEvent> AnswerAsync(Question question, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var hits = (await search.SearchAsync(question.Text, Passages, question.Mode, cancellationToken)).Hits;
        yield return new PassagesFound(hits);
        if (hits.Count == 0)
        {
            yield return new AnswerCompleted(NothingFound(question.Text));
            yield break;
        }
        var text = new StringBuilder();
        await foreach (var update in chat.GetStreamingResponseAsync(Prompt(question.Text, hits), cancellationToken: cancellationToken))
        {
            if (string.IsNullOrEmpty(update.Text))
                continue;
            text.Append(update.Text);
            yield return new TextWritten(update.Text);
        }
        yield return new AnswerCompleted(Finish(question.Text, text.ToString(), hits));
    }

    private IReadOnlyList<ChatMessage> Prompt(string question, IReadOnlyList<SearchHit> hits) =>
        _prompts.Build(question, hits.Select((h, i) => new SourcePassage(i + 1, Source(h), h.Text)).ToList());

    /// <summary>The model's text as an answer whose citations are the passages its [n] markers name.</summary>
    internal static GroundedAnswer Finish(string question, string text, IReadOnlyList<SearchHit> hits)
    {
        text = text.Trim();
        if (text.Length == 0 || text.Contains(GroundedPromptBuilder.NotInNotes, StringComparison.OrdinalIgnoreCase))
            return NothingFound(question);
        var cited = CitationMarkers.Find(text, Enumerable.Range(1, hits.Count).ToList());
        var citations = cited
            .Select(n => hits[n - 1])
            .Select((h, i) => new Citation(cited[i], h.ChunkId, h.ArticleId, h.Title, h.HeadingPath, h.Text, h.StartOffset, h.EndOffset))
            .ToList();
        return new GroundedAnswer(question, text, citations, Found: true, "generator");
    }

    private static GroundedAnswer NothingFound(string question) =>
        new(question, ExtractiveAnswerer.NotFound, [], Found: false, "generator");

    private static string Source(SearchHit hit) =>
        string.IsNullOrEmpty(hit.HeadingPath) ? hit.Title : $"{hit.Title} › {hit.HeadingPath}";
}
