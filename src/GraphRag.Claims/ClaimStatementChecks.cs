using System.Collections.Concurrent;
using GraphRag.Answer;
using GraphRag.Store;

namespace GraphRag.Claims;

/// <summary>
/// The claims checker's findings as statement checks for answers: one per claim whose numbers it works
/// out or whose statement it disputes, over the sentence that states it. A claim is disputed when the
/// checker flags it as wrong (a misread p-value or significance, a value its own formula or counts
/// contradict, a ratio of unlike figures), not when it only asks for more (a relative effect without
/// absolute figures, significance without a size): those sentences still say what they say.
/// </summary>
public sealed class ClaimStatementChecks(ArticleStore store) : IStatementChecks
{
    private static readonly HashSet<ClaimFlag> Disputing =
    [
        ClaimFlag.WrongValue, ClaimFlag.IncommensurableRatio, ClaimFlag.PValueMisread, ClaimFlag.SignificanceAsImportance,
        ClaimFlag.NoSignificanceAsNoEffect, ClaimFlag.UncorrectedMultipleComparisons, ClaimFlag.TransposedConditional,
    ];

    /// <summary>Each article's checks with the content hash they were made from: an article is checked once per version, not once per question.</summary>
    private readonly ConcurrentDictionary<long, (string Hash, IReadOnlyList<StatementCheck> Checks)> _checked = new();

    public IReadOnlyList<StatementCheck> InArticles(IEnumerable<long> articleIds) => articleIds
        .Distinct()
        .Select(store.GetArticle)
        .OfType<StoredArticle>()
        .SelectMany(ChecksOf)
        .ToList();

    private IReadOnlyList<StatementCheck> ChecksOf(StoredArticle article)
    {
        if (_checked.TryGetValue(article.Id, out var known) && known.Hash == article.ContentHash)
            return known.Checks;
        var checks = Check(article);
        _checked[article.Id] = (article.ContentHash, checks);
        return checks;
    }

    private static List<StatementCheck> Check(StoredArticle article) => ClaimChecker.CheckAll(article.Text)
        .Select(c => new StatementCheck(article.Id, c.Claim.SentenceStart, c.Claim.SentenceStart + c.Claim.Sentence.Length,
            // Only findings that work something out are figures; "a percentage with no denominator" says nothing of the subject.
            c.Recomputation is not null || c.Comparison is not null || c.Proportion is not null ? c.Finding : null,
            c.Flags.Any(Disputing.Contains) ? c.Correction ?? c.Finding : null))
        .Where(c => c.Figures is not null || c.Disputed)
        .ToList();
}
