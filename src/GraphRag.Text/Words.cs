using System.Text.RegularExpressions;

namespace GraphRag.Text;

/// <summary>
/// What a word is, everywhere: letters and digits, keeping inner hyphens, apostrophes and dots
/// ("scikit-learn", "don't", "GPT-3.5", "Node.js"); other punctuation separates words.
/// </summary>
public static partial class Words
{
    public static List<Word> Find(string text) => Find(text, new TextSpan(0, text.Length));

    /// <summary>The words of text[span], with offsets into <paramref name="text"/>.</summary>
    public static List<Word> Find(string text, TextSpan span)
    {
        var words = new List<Word>();
        foreach (var match in Pattern().EnumerateMatches(text.AsSpan(span.Start, span.Length)))
        {
            var start = span.Start + match.Index;
            words.Add(new Word(text.Substring(start, match.Length), start, start + match.Length));
        }
        return words;
    }

    /// <summary>The words' texts, in order.</summary>
    public static IEnumerable<string> Of(string text)
    {
        foreach (var word in Find(text))
            yield return word.Text;
    }

    [GeneratedRegex(@"[\p{L}\p{N}](?:[\p{L}\p{N}]|[-'’.](?=[\p{L}\p{N}]))*")]
    private static partial Regex Pattern();
}
