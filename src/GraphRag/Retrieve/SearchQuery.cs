using GraphRag.Retrieve.Lexical;

namespace GraphRag.Retrieve;

/// <summary>
/// A question parsed once, before any ranker sees it: checked (not empty, not too long, has words
/// to search for) and cut into its search terms. Rankers read it; none parses the text again.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxLength = 2000;

    private SearchQuery(string text, IReadOnlyList<string> terms)
    {
        Text = text;
        Terms = terms;
    }

    /// <summary>The question as the user wrote it.</summary>
    public string Text { get; }

    /// <summary>Lower-cased search words, stop words removed unless nothing else is left.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <exception cref="QueryException">The text cannot be searched; the message says why.</exception>
    public static SearchQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new QueryException("The query is empty.");
        if (text.Length > MaxLength)
            throw new QueryException($"The query is {text.Length} characters long; the limit is {MaxLength}.");
        var terms = QueryTerms.Extract(text);
        if (terms.Count == 0)
            throw new QueryException($"The query \"{text}\" has no words to search for (only punctuation or operators).");
        return new SearchQuery(text, terms);
    }
}
