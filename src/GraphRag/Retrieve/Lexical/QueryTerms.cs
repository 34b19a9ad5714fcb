using GraphRag.Text;

namespace GraphRag.Retrieve.Lexical;

/// <summary>
/// The searchable words of a user's query. Everything else (FTS5 operators, quotes, punctuation)
/// is dropped, so user text never becomes query syntax.
/// </summary>
public static class QueryTerms
{
    /// <summary>Lower-cased words of the query, stop words removed unless nothing else is left.</summary>
    public static IReadOnlyList<string> Extract(string query)
    {
        var words = Words.Of(query).Select(w => w.ToLowerInvariant()).Distinct().ToList();
        var content = words.Where(w => !StopWords.Contains(w)).ToList();
        return content.Count > 0 ? content : words;
    }

    /// <summary>An FTS5 MATCH expression: each term quoted as a string literal, any term may match.</summary>
    public static string ToFtsMatch(IEnumerable<string> terms) =>
        string.Join(" OR ", terms.Select(t => "\"" + t.Replace("\"", "\"\"") + "\""));
}
