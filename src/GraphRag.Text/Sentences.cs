using System.Text.RegularExpressions;

namespace GraphRag.Text;

/// <summary>
/// Splits text into sentences as [start, end) spans. Readers join wrapped prose into one line per
/// paragraph, so a line break always ends a sentence: list items, table rows and headings stay
/// units of their own. Inside a line a sentence ends at . ! ? (optionally closed by a quote or
/// bracket) followed by space and a capital, digit, quote or bracket, except after a known
/// abbreviation ("e.g.", "Dr.") or a single letter ("J. Smith").
/// </summary>
public static partial class Sentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "prof", "fig", "al", "approx", "no", "vol", "cf", "inc", "ltd", "st",
        "jr", "sr",
    };

    public static List<TextSpan> Split(string text) => Split(text, 0, text.Length);

    /// <summary>Sentence spans of text[start..end), trimmed of surrounding whitespace.</summary>
    public static List<TextSpan> Split(string text, int start, int end)
    {
        var spans = new List<TextSpan>();
        var lineStart = start;
        while (lineStart < end)
        {
            var newline = text.IndexOf('\n', lineStart, end - lineStart);
            var lineEnd = newline < 0 ? end : newline;
            var sentenceStart = lineStart;
            foreach (var match in Boundary().EnumerateMatches(text.AsSpan(lineStart, lineEnd - lineStart)))
            {
                var sentenceEnd = lineStart + match.Index + match.Length;
                if (IsAbbreviation(text, lineStart, lineStart + match.Index + 1))
                    continue;
                AddTrimmed(text, sentenceStart, sentenceEnd, spans);
                sentenceStart = sentenceEnd;
            }
            AddTrimmed(text, sentenceStart, lineEnd, spans);
            lineStart = lineEnd + 1;
        }
        return spans;
    }

    /// <summary>The sentence of the line around <paramref name="position"/> that holds it (or ends just before it).</summary>
    public static TextSpan Around(string text, int position)
    {
        var lineStart = position > 0 ? text.LastIndexOf('\n', position - 1) + 1 : 0;
        var lineEnd = text.IndexOf('\n', position);
        var sentences = Split(text, lineStart, lineEnd < 0 ? text.Length : lineEnd);
        return sentences.LastOrDefault(s => s.Start <= position, new TextSpan(position, position));
    }

    private static void AddTrimmed(string text, int start, int end, List<TextSpan> spans)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start)
            spans.Add(new TextSpan(start, end));
    }

    private static bool IsAbbreviation(string text, int lineStart, int punctuationEnd)
    {
        if (text[punctuationEnd - 1] != '.')
            return false;
        var wordStart = punctuationEnd - 1;
        while (wordStart > lineStart && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
            wordStart--;
        var word = text.AsSpan(wordStart, punctuationEnd - 1 - wordStart);
        return word.Length == 1 || Abbreviations.Contains(word.ToString());
    }

    // Sentence punctuation, optionally closed by a quote or bracket, followed by space and a capital, digit, quote or bracket.
    [GeneratedRegex(@"[.!?][""”’)\]]?(?=\s+[\p{Lu}\p{N}""“‘(\[])")]
    private static partial Regex Boundary();
}
