namespace GraphRag.Text;

/// <summary>
/// Function words: articles, pronouns, auxiliaries, prepositions, conjunctions and question
/// words, which say how a sentence is built rather than what it is about. Queries drop them;
/// extraction never starts or ends a term with one.
/// </summary>
public static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i", "if", "in",
        "into", "is", "it", "its", "me", "my", "of", "on", "or", "our", "so", "that", "the", "their", "them", "there",
        "these", "they", "this", "to", "was", "we", "were", "what", "when", "where", "which", "who", "why", "will",
        "with", "you", "your", "about", "should", "would", "could", "has", "have", "had", "not", "than", "then",
    };

    public static IReadOnlyCollection<string> All => Words;

    /// <summary>Case-insensitive.</summary>
    public static bool Contains(string word) => Words.Contains(word);
}
