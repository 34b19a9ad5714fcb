using System.Text.RegularExpressions;

namespace GraphRag.Ingest.Chunking;

/// <summary>
/// Splits text into sentences as [start, end) spans. Readers join wrapped prose into one line per
/// paragraph, so a line break always ends a sentence: list items, table rows and headings stay
/// units of their own.
/// </summary>
public static partial class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "prof", "fig", "al", "approx", "no", "vol", "cf", "inc", "ltd", "st",
    };

    public static List<(int Start, int End)> Split(string text) => Split(text, 0, text.Length);

    /// <summary>Sentence spans of text[start..end), trimmed of surrounding whitespace.</summary>
    public static List<(int Start, int End)> Split(string text, int start, int end)
    {
        var spans = new List<(int, int)>();
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

    private static void AddTrimmed(string text, int start, int end, List<(int, int)> spans)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start)
            spans.Add((start, end));
    }

    private static bool IsAbbreviation(string text, int lineStart, int punctuationEnd)
    {
        if (text[punctuationEnd - 1] != '.')
            return false;
        var wordStart = punctuationEnd - 1;
        while (wordStart > lineStart && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
            wordStart--;
        var word = text.AsSpan(wordStart, punctuationEnd - 1 - wordStart);
        // Single letters ("J. Smith") and known abbreviations ("e.g.") do not end sentences.
        return word.Length == 1 || Abbreviations.Contains(word.ToString());
    }

    // Sentence punctuation, optionally closed by a quote or bracket, followed by space and a capital, digit or quote.
    [GeneratedRegex(@"[.!?][""”’)\]]?(?=\s+[\p{Lu}\p{N}""“‘(\[])")]
    private static partial Regex Boundary();
}
