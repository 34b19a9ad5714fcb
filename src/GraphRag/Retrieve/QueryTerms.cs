using System.Text.RegularExpressions;

namespace GraphRag.Retrieve;

/// <summary>
/// The searchable words of a user's query. Everything else (FTS5 operators, quotes, punctuation)
/// is dropped, so user text never becomes query syntax.
/// </summary>
public static partial class QueryTerms
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i", "if", "in",
        "into", "is", "it", "its", "me", "my", "of", "on", "or", "our", "so", "that", "the", "their", "them", "there",
        "these", "they", "this", "to", "was", "we", "were", "what", "when", "where", "which", "who", "why", "will",
        "with", "you", "your", "about", "should", "would", "could", "has", "have", "had", "not", "than", "then",
    };

    /// <summary>Lower-cased words of the query, stop words removed unless nothing else is left.</summary>
    public static IReadOnlyList<string> Extract(string query)
    {
        var words = Words(query).Select(w => w.ToLowerInvariant()).Distinct().ToList();
        var content = words.Where(w => !StopWords.Contains(w)).ToList();
        return content.Count > 0 ? content : words;
    }

    /// <summary>Words (letters and digits, inner hyphens and apostrophes kept) in their original case.</summary>
    public static IEnumerable<string> Words(string text) => Word().Matches(text).Select(m => m.Value);

    public static bool IsStopWord(string lowerCaseWord) => StopWords.Contains(lowerCaseWord);

    /// <summary>An FTS5 MATCH expression: each term quoted as a string literal, any term may match.</summary>
    public static string ToFtsMatch(IEnumerable<string> terms) =>
        string.Join(" OR ", terms.Select(t => "\"" + t.Replace("\"", "\"\"") + "\""));

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*")]
    private static partial Regex Word();
}
