using GraphRag.Retrieve;
using Microsoft.Extensions.AI;

namespace GraphRag.Answer;

/// <summary>
/// Answers with a language model grounded in retrieved passages: the passages go into the prompt
/// numbered, fenced as data (<see cref="GroundedPromptBuilder"/>), and the answer's [n] markers
/// become citations of exactly the passages the model used. <see cref="Prompt"/> and
/// <see cref="Finish"/> are public so a caller can stream the model's text in between.
/// </summary>
public sealed class GenerativeAnswerer(IRetriever retriever, IChatClient chat, GroundedPromptBuilder? prompts = null)
{
    /// <summary>Passages offered: enough to answer, few enough for a small model's context.</summary>
    public const int Passages = 5;

    private readonly GroundedPromptBuilder _prompts = prompts ?? new GroundedPromptBuilder();

    public IChatClient Chat => chat;

    public async Task<GroundedAnswer> AnswerAsync(string question, CancellationToken cancellationToken = default)
    {
        var hits = await RetrieveAsync(question, cancellationToken);
        if (hits.Count == 0)
            return NothingFound(question);
        var response = await chat.GetResponseAsync(Prompt(question, hits), cancellationToken: cancellationToken);
        return Finish(question, response.Text, hits);
    }

    public Task<IReadOnlyList<SearchHit>> RetrieveAsync(string question, CancellationToken cancellationToken = default) =>
        retriever.SearchAsync(question, Passages, cancellationToken);

    public IReadOnlyList<ChatMessage> Prompt(string question, IReadOnlyList<SearchHit> hits) =>
        _prompts.Build(question, hits.Select((h, i) => new SourcePassage(i + 1, Source(h), h.Text)).ToList());

    /// <summary>The model's text as an answer whose citations are the passages its [n] markers name.</summary>
    public static GroundedAnswer Finish(string question, string text, IReadOnlyList<SearchHit> hits)
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

    public static GroundedAnswer NothingFound(string question) =>
        new(question, ExtractiveAnswerer.NotFound, [], Found: false, "generator");

    private static string Source(SearchHit hit) =>
        string.IsNullOrEmpty(hit.HeadingPath) ? hit.Title : $"{hit.Title} › {hit.HeadingPath}";
}
