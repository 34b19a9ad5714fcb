using GraphRag.Store;

namespace GraphRag.Answer;

/// <summary>
/// Answers a broad question with the notes' main themes: one line per theme, its summary
/// sentence cited as an exact quote from the chunk it came from.
/// </summary>
public sealed class ThemeAnswerer(IThemeSource themes, ArticleStore store)
{
    public const int MaxThemes = 5;

    public async Task<GroundedAnswer> AnswerAsync(string question, CancellationToken cancellationToken = default)
    {
        var lines = new List<string>();
        var citations = new List<Citation>();
        foreach (var theme in await themes.ThemesAsync(MaxThemes, cancellationToken))
        {
            var cited = theme.Summary.Select(sentence => Cite(sentence, theme.ChunkIds, citations.Count + 1)).FirstOrDefault(c => c is not null);
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
    private Citation? Cite(string sentence, IReadOnlyList<long> chunkIds, int n)
    {
        foreach (var chunkId in chunkIds)
        {
            if (store.GetChunk(chunkId) is not { } chunk)
                continue;
            var at = chunk.Text.IndexOf(sentence, StringComparison.Ordinal);
            if (at < 0)
                continue;
            var article = store.GetArticle(chunk.ArticleId)!;
            return new Citation(n, chunk.Id, chunk.ArticleId, article.Title, chunk.HeadingPath, sentence,
                chunk.StartOffset + at, chunk.StartOffset + at + sentence.Length);
        }
        return null;
    }
}
