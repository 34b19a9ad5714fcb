namespace GraphRag.Text;

/// <summary>
/// Splits text into paragraphs as [start, end) spans, trimmed of surrounding whitespace: a paragraph is a run of non-blank lines, so a
/// list or a block quote written without blank lines between its lines is one paragraph. Readers
/// join wrapped prose into one line per paragraph and separate blocks with blank lines, so this is
/// the unit within which a number's context (its baseline, its denominator, its formula) is stated.
/// </summary>
public static class Paragraphs
{
    public static List<TextSpan> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<TextSpan>();
        int? start = null;
        var end = 0;
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var newline = text.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? text.Length : newline;
            if (IsBlank(text, lineStart, lineEnd))
            {
                if (start is { } s) spans.Add(new TextSpan(s, end));
                start = null;
            }
            else
            {
                if (start is null)
                {
                    var first = lineStart;
                    while (char.IsWhiteSpace(text[first])) first++;
                    start = first;
                }
                end = lineEnd;
                while (end > lineStart && char.IsWhiteSpace(text[end - 1])) end--;
            }
            if (newline < 0) break;
            lineStart = newline + 1;
        }
        if (start is { } last) spans.Add(new TextSpan(last, end));
        return spans;
    }

    /// <summary>The index in <paramref name="paragraphs"/> (any spans in text order: paragraphs, sentences) of the span holding <paramref name="position"/>, or of the last one starting before it; −1 when none does.</summary>
    public static int IndexAt(IReadOnlyList<TextSpan> paragraphs, int position)
    {
        var lo = 0;
        var hi = paragraphs.Count - 1;
        var found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (paragraphs[mid].Start <= position) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }

    private static bool IsBlank(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
            if (!char.IsWhiteSpace(text[i])) return false;
        return true;
    }
}
