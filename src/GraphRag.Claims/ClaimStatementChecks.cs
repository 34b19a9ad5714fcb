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

    /// <remarks>Only the articles' hashes are read for those checked already; a text is read when its article is new or changed.</remarks>
    public IReadOnlyList<StatementCheck> InArticles(IEnumerable<long> articleIds) => store.ContentHashes(articleIds.Distinct().ToList())
        .SelectMany(a => ChecksOf(a.Key, a.Value))
        .ToList();

    private IReadOnlyList<StatementCheck> ChecksOf(long articleId, string hash)
    {
        if (_checked.TryGetValue(articleId, out var known) && known.Hash == hash)
            return known.Checks;
        if (store.GetArticle(articleId) is not { } article)
            return []; // removed since its hash was read
        var checks = Check(article);
        _checked[articleId] = (article.ContentHash, checks);
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
