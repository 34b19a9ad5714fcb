using System.Text.RegularExpressions;

namespace GraphRag.Text;

/// <summary>
/// Tokens for sizing text: words, numbers and single punctuation marks. Close to a subword
/// tokenizer's count for English prose (within ~25%) and independent of any model, so chunk
/// boundaries do not move when the encoder changes. No token splits a surrogate pair.
/// </summary>
public static partial class Tokens
{
    public static int Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var _ in Token().EnumerateMatches(text))
            count++;
        return count;
    }

    /// <summary>The [start, end) spans of the tokens in <paramref name="text"/>.</summary>
    public static List<TextSpan> Spans(string text)
    {
        var spans = new List<TextSpan>();
        foreach (var match in Token().EnumerateMatches(text))
            spans.Add(new TextSpan(match.Index, match.Index + match.Length));
        return spans;
    }

    // A character outside the Basic Multilingual Plane (𝐄, 🚀) is two UTF-16 units that the classes
    // above do not match: taken as one token, so a chunk cut at a token boundary never splits it.
    [GeneratedRegex(@"[\p{L}\p{N}_]+(?:['’][\p{L}]+)?|[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\s\p{L}\p{N}_]")]
    private static partial Regex Token();
}
