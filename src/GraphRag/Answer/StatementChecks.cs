namespace GraphRag.Answer;

/// <summary>What a check of an article's own numbers says about one of its sentences.</summary>
/// <param name="Start">Start of the checked sentence in the article's text.</param>
/// <param name="End">End of the checked sentence.</param>
/// <param name="Figures">
/// What the sentence's numbers give when worked out ("45 versus 59 per 10,000: absolute risk difference
/// 0.14 percentage points … relative risk 1.31 …"), or null when the check computed nothing.
/// </param>
/// <param name="Correction">
/// When the check disputes the sentence (it misreads a statistic, or its own numbers contradict it): what
/// would be correct. Null when the sentence stands.
/// </param>
public sealed record StatementCheck(long ArticleId, int Start, int End, string? Figures, string? Correction)
{
    public bool Disputed => Correction is not null;

    public bool Covers(long articleId, int start, int end) => ArticleId == articleId && Start < end && start < End;

    /// <summary>The checked sentence as the passage holds it (clipped to the passage).</summary>
    public string StatementIn(Retrieve.SearchHit passage)
    {
        var from = Math.Clamp(Start - passage.StartOffset, 0, passage.Text.Length);
        var to = Math.Clamp(End - passage.StartOffset, from, passage.Text.Length);
        return passage.Text[from..to].Trim();
    }
}

/// <summary>
/// The checks of what articles state (the claims checker's), so an answer can read a figure worked out
/// from the notes' numbers as evidence ("relative risk 1.31" from "45 … 59 per 10,000"), and need not
/// quote, as its answer, a sentence the notes' own check disputes.
/// </summary>
public interface IStatementChecks
{
    /// <summary>The checked sentences of these articles (ids not in the notes are skipped).</summary>
    IReadOnlyList<StatementCheck> InArticles(IEnumerable<long> articleIds);
}
