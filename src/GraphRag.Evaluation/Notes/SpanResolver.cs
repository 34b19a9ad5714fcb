using GraphRag.Store;

namespace GraphRag.Evaluation.Notes;

/// <summary>Where a judged quote lies: [Start, End) in the article's cleaned text.</summary>
public sealed record JudgedSpan(long ArticleId, int Start, int End)
{
    public string DocId => $"span:{ArticleId}:{Start}-{End}";

    public int Length => End - Start;

    /// <summary>Characters of [start, end) that fall inside this span.</summary>
    public int Overlap(int start, int end) => Math.Max(0, Math.Min(End, end) - Math.Max(Start, start));
}

/// <summary>
/// Finds each judged quote in the database: the article by exact title (then case-insensitively),
/// the quote by exact, ordinal search in its cleaned text (first occurrence).
/// </summary>
public static class SpanResolver
{
    public sealed record Unresolved(PassageJudgment Judgment, string Problem);

    public static (IReadOnlyDictionary<PassageJudgment, JudgedSpan> Spans, IReadOnlyList<Unresolved> Problems) Resolve(
        ArticleStore store, IReadOnlyList<PassageJudgment> judgments)
    {
        var articles = store.ListArticles();
        var spans = new Dictionary<PassageJudgment, JudgedSpan>();
        var problems = new List<Unresolved>();
        foreach (var judgment in judgments)
        {
            var candidates = articles.Where(a => a.Title == judgment.Article).ToList();
            if (candidates.Count == 0)
                candidates = articles.Where(a => string.Equals(a.Title, judgment.Article, StringComparison.OrdinalIgnoreCase)).ToList();
            if (candidates.Count == 0)
            {
                problems.Add(new Unresolved(judgment, "no article has this title"));
                continue;
            }
            var found = candidates
                .Select(a => (a.Id, Index: a.Text.IndexOf(judgment.Quote, StringComparison.Ordinal)))
                .FirstOrDefault(a => a.Index >= 0, (Id: 0L, Index: -1));
            if (found.Index < 0)
                problems.Add(new Unresolved(judgment, "the quote is not in the article's cleaned text"));
            else
                spans[judgment] = new JudgedSpan(found.Id, found.Index, found.Index + judgment.Quote.Length);
        }
        return (spans, problems);
    }
}
