using GraphRag.Retrieve;

namespace GraphRag.Answer;

/// <summary>
/// Matches query words to sentence words after a light suffix-stripping stem, so "ranking" finds
/// "ranked" and "metrics" finds "metric" without a full stemmer.
/// </summary>
public static class TermMatcher
{
    public static string Stem(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.Length <= 4) return w;
        foreach (var (suffix, replacement) in Suffixes)
            if (w.EndsWith(suffix, StringComparison.Ordinal) && w.Length - suffix.Length >= 3)
                return w[..^suffix.Length] + replacement;
        return w;
    }

    public static HashSet<string> Stems(string text) =>
        QueryTerms.Words(text).Select(Stem).ToHashSet(StringComparer.Ordinal);

    private static readonly (string Suffix, string Replacement)[] Suffixes =
    [
        ("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", ""),
    ];

    /// <summary>Stems of the query's searchable words.</summary>
    public static IReadOnlyList<string> QueryStems(string query) =>
        QueryTerms.Extract(query).Select(Stem).Distinct().ToList();
}
