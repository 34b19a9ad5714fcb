using System.Text.RegularExpressions;

namespace GraphRag.Graph.Extract;

/// <summary>
/// Splits text into sentences: at line breaks (headings, list items and paragraphs are units of
/// their own in cleaned Markdown) and after . ! ? followed by space and a capital, digit or quote,
/// except after common abbreviations ("e.g.", "Dr.") and inside numbers ("3.5").
/// </summary>
public static partial class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "prof", "fig", "al", "approx", "no", "st", "inc", "ltd", "jr", "sr", "cf",
    };

    public static List<TextSpan> Split(string text)
    {
        var sentences = new List<TextSpan>();
        foreach (Match line in NonEmptyLine().Matches(text))
        {
            var start = line.Index;
            var end = line.Index + line.Length;
            var sentenceStart = start;
            for (var i = start; i < end - 1; i++)
            {
                var c = text[i];
                if (c is not ('.' or '!' or '?') || !char.IsWhiteSpace(text[i + 1]))
                    continue;
                var next = i + 1;
                while (next < end && char.IsWhiteSpace(text[next]))
                    next++;
                if (next >= end || !(char.IsUpper(text[next]) || char.IsDigit(text[next]) || text[next] is '"' or '“' or '‘' or '\''))
                    continue;
                if (c == '.' && IsAbbreviation(text, sentenceStart, i))
                    continue;
                Add(sentenceStart, i + 1);
                sentenceStart = next;
            }
            Add(sentenceStart, end);
        }
        return sentences;

        void Add(int from, int to)
        {
            while (from < to && char.IsWhiteSpace(text[from])) from++;
            while (to > from && char.IsWhiteSpace(text[to - 1])) to--;
            if (to > from)
                sentences.Add(new TextSpan(from, to));
        }
    }

    private static bool IsAbbreviation(string text, int sentenceStart, int dot)
    {
        var wordStart = dot;
        while (wordStart > sentenceStart && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
            wordStart--;
        var word = text[wordStart..dot];
        return Abbreviations.Contains(word) || (word.Length == 1 && char.IsUpper(word[0]));
    }

    [GeneratedRegex(@"[^\n]+")]
    private static partial Regex NonEmptyLine();
}
