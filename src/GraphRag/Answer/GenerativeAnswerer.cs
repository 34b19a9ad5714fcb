using System.Runtime.CompilerServices;
using System.Text;
using GraphRag.Retrieve;
using Microsoft.Extensions.AI;

namespace GraphRag.Answer;

/// <summary>
/// Answers with a language model grounded in retrieved passages: the passages go into the prompt
/// numbered, fenced as data (<see cref="GroundedPromptBuilder"/>), the model's text streams out as
/// it is written, and the answer's [n] markers become citations of exactly the passages it used.
/// Each sentence is then checked against the passages it cites (<see cref="SupportCheck"/>) and the
/// ones they do not bear out are marked. When the model or its endpoint fails (unreachable, an HTTP
/// error, a timeout), the answer comes from <paramref name="fallback"/> with a one-line warning.
/// With <paramref name="statementChecks"/>, each passage goes to the model with what the notes' claims check
/// says of it (figures worked out from its numbers, statements it disputes); the support check counts those
/// figures as the passage's, and the answer lists them, and every dispute, under the passages it cites.
/// </summary>
public sealed class GenerativeAnswerer(
    PassageSearch search,
    IChatClient chat,
    GroundedPromptBuilder? prompts = null,
    IAnswerer? fallback = null,
    SupportCheck? support = null,
    IStatementChecks? statementChecks = null) : IAnswerer
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
        var checks = ChecksOf(hits);
        var text = new StringBuilder();
        string? failure = null;
        var updates = chat.GetStreamingResponseAsync(Prompt(question.Text, hits, checks), cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                // C# cannot yield inside a try that catches, so the model's stream is read step by step.
                string? piece;
                try
                {
                    if (!await updates.MoveNextAsync())
                        break;
                    piece = updates.Current.Text;
                }
                catch (Exception ex) when (fallback is not null && !cancellationToken.IsCancellationRequested)
                {
                    failure = Describe(ex);
                    break;
                }
                if (string.IsNullOrEmpty(piece))
                    continue;
                text.Append(piece);
                yield return new TextWritten(piece);
            }
        }
        finally
        {
            await updates.DisposeAsync();
        }

        if (failure is not null)
        {
            var warning = $"The generator failed ({failure}); this answer is extracted from the notes instead.";
            yield return new AnswerWarning(warning);
            await foreach (var step in fallback!.AnswerAsync(question, cancellationToken))
                yield return step is AnswerCompleted done ? new AnswerCompleted(done.Answer with { Warning = warning }) : step;
            yield break;
        }
        var answer = Finish(question.Text, text.ToString(), hits);
        if (answer.Found)
            answer = answer with { Checks = answer.Citations.SelectMany(c => CitationChecks(c.N, hits[c.N - 1], checks[c.N - 1])).ToList() };
        if (answer.Found && support is not null)
        {
            // A figure worked out from a passage's numbers is as much the passage's as the numbers are.
            var evidence = hits.Select((h, i) => h with { Text = string.Join("\n", checks[i].Select(k => k.Figures).OfType<string>().Prepend(h.Text)) }).ToList();
            answer = answer with { Unsupported = await support.CheckAsync(answer.Text, evidence, cancellationToken) };
        }
        yield return new AnswerCompleted(answer);
    }

    /// <summary>For each passage, the statement checks of the sentences it holds.</summary>
    private List<List<StatementCheck>> ChecksOf(IReadOnlyList<SearchHit> hits)
    {
        var all = statementChecks?.InArticles(hits.Select(h => h.ArticleId)) ?? [];
        return hits.Select(h => all.Where(k => k.Covers(h.ArticleId, h.StartOffset, h.EndOffset)).ToList()).ToList();
    }

    private static IEnumerable<CitationCheck> CitationChecks(int n, SearchHit passage, IReadOnlyList<StatementCheck> checks) =>
        checks.Select(k => new CitationCheck(n, k.Figures, k.Correction, k.StatementIn(passage)));

    private static IEnumerable<string> PromptLines(SearchHit passage, IReadOnlyList<StatementCheck> checks) => checks.SelectMany(k =>
        new[]
        {
            k.Figures is null ? null : $"worked out from “{k.StatementIn(passage)}”: {k.Figures}",
            k.Correction is null ? null : $"disputed: “{k.StatementIn(passage)}” ({k.Correction})",
        }.OfType<string>());

    /// <summary>One line on what went wrong: the innermost cause's message (an HTTP status, a refused connection, a timeout).</summary>
    private static string Describe(Exception ex)
    {
        while (ex is AggregateException { InnerException: { } inner })
            ex = inner;
        var root = ex.GetBaseException();
        var message = root.Message.ReplaceLineEndings(" ").Trim();
        if (message.Length > 160)
            message = message[..160] + "…";
        return root is OperationCanceledException or TimeoutException ? $"timed out: {message}" : message;
    }

    private IReadOnlyList<ChatMessage> Prompt(string question, IReadOnlyList<SearchHit> hits, List<List<StatementCheck>> checks) =>
        _prompts.Build(question, hits.Select((h, i) => new SourcePassage(i + 1, Source(h), h.Text, PromptLines(h, checks[i]).ToList())).ToList());

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
