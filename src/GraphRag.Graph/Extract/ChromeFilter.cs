using System.Text.RegularExpressions;

namespace GraphRag.Graph.Extract;

/// <summary>
/// Recognises site chrome and bylines that cleaning may have left ("Sign up", "10 min read",
/// "Published in Towards Data Science", "Written by …", "Photo by …"), so their names do not become
/// entities; and the article's own author, who is metadata, not content.
/// </summary>
public static partial class ChromeFilter
{
    public static bool IsChrome(string sentence) => Chrome().IsMatch(sentence);

    /// <summary>Names an article credits as author or photographer: excluded from its entities.</summary>
    public static HashSet<string> BylineKeys(string text, string? author)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(author))
            keys.Add(EntityKeys.Normalize(author));
        foreach (Match m in Byline().Matches(text))
            keys.Add(EntityKeys.Normalize(m.Groups["name"].Value));
        keys.Remove("");
        return keys;
    }

    [GeneratedRegex(@"^(?:#+\s*)?(?:sign (?:up|in)|open in app|member-only story|follow|listen|share|write|published in\b|written by\b|\d+\s*min read|last published|\d[\d.,]*k? followers|image (?:by|credit|source)|photo by|source:|url source:|published time:|date fetched:|markdown content:|title:|continue in app|already have an account|create an account|recommended from medium|see all from|more from|responses?\b|help status about|terms privacy)",
        RegexOptions.IgnoreCase)]
    private static partial Regex Chrome();

    [GeneratedRegex(@"\b(?:[Ww]ritten by|[Pp]hoto by|[Ii]mage by|[Pp]osted by|\| by|^By)\s+(?<name>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})", RegexOptions.Multiline)]
    private static partial Regex Byline();
}
