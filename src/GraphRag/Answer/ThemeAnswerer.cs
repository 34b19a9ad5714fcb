using System.Runtime.CompilerServices;
using GraphRag.Retrieve;
using GraphRag.Store;

namespace GraphRag.Answer;

/// <summary>
/// Answers a broad question with the notes' main themes: one line per theme, its summary
/// sentence cited as an exact quote from the chunk it came from.
/// </summary>
public sealed class ThemeAnswerer(IThemeSource themes, ArticleStore store) : IAnswerer
{
    public const int MaxThemes = 5;

    public async IAsyncEnumerable<AnswerEvent> AnswerAsync(Question question, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Themes come from the graph's communities, not from passages retrieved for the question.
        yield return new PassagesFound([]);
        yield return new AnswerCompleted(await ThemesAsync(question.Text, cancellationToken));
    }

    private async Task<GroundedAnswer> ThemesAsync(string question, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var citations = new List<Citation>();
        var found = await themes.ThemesAsync(MaxThemes, cancellationToken);
        var passages = store.Passages(found.SelectMany(t => t.ChunkIds).Distinct().ToList());
        foreach (var theme in found)
        {
            var cited = theme.Summary.Select(sentence => Cite(sentence, theme.ChunkIds, passages, citations.Count + 1)).FirstOrDefault(c => c is not null);
            if (cited is null)
                continue;
            citations.Add(cited);
            lines.Add($"{lines.Count + 1}. {theme.Title}: {cited.Quote} [{cited.N}]");
        }
        return lines.Count == 0
            ? new GroundedAnswer(question, ExtractiveAnswerer.NotFound, [], Found: false, "themes")
            : new GroundedAnswer(question, "The main themes of your notes:\n" + string.Join("\n", lines), citations, Found: true, "themes");
    }

    /// <summary>The sentence as a citation of the first chunk that holds it verbatim, or null.</summary>
    private static Citation? Cite(string sentence, IReadOnlyList<long> chunkIds, IReadOnlyDictionary<long, Passage> passages, int n)
    {
        foreach (var chunkId in chunkIds)
        {
            if (!passages.TryGetValue(chunkId, out var chunk))
                continue;
            var at = chunk.Text.IndexOf(sentence, StringComparison.Ordinal);
            if (at < 0)
                continue;
            return new Citation(n, chunk.ChunkId, chunk.ArticleId, chunk.Title, chunk.HeadingPath, sentence,
                chunk.StartOffset + at, chunk.StartOffset + at + sentence.Length);
        }
        return null;
    }
}
