namespace GraphRag.Text;

/// <summary>
/// A light suffix-stripping stem for matching words across inflections ("ranking" ~ "ranked",
/// "metrics" ~ "metric") without a full stemmer; words of four letters or fewer stay as they are.
/// Not for names: entity keys never go through it.
/// </summary>
public static class Stemmer
{
    private static readonly (string Suffix, string Replacement)[] Suffixes =
    [
        ("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", ""),
    ];

    public static string Stem(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.Length <= 4)
            return w;
        foreach (var (suffix, replacement) in Suffixes)
            if (w.EndsWith(suffix, StringComparison.Ordinal) && w.Length - suffix.Length >= 3)
                return w[..^suffix.Length] + replacement;
        return w;
    }

    /// <summary>The stems of a text's words.</summary>
    public static HashSet<string> Stems(string text) =>
        Words.Of(text).Select(Stem).ToHashSet(StringComparer.Ordinal);
}
