namespace GraphRag.Ingest.Reading.Formats;

/// <summary>
/// Finds section headings in text that lost its markup (one paragraph per line, as feeds and
/// newsletters are saved): a short line of a few words, without closing punctuation or formula
/// symbols, followed by a paragraph of prose. Marking them "## " lets chunking follow the sections.
/// </summary>
public static class ParagraphHeadings
{
    private const int MaxHeadingLength = 80;
    private const int MinFollowingLength = 60;

    public static List<string> Mark(IReadOnlyList<string> paragraphs)
    {
        var marked = new List<string>(paragraphs.Count);
        for (var i = 0; i < paragraphs.Count; i++)
            marked.Add(i + 1 < paragraphs.Count && IsHeading(paragraphs[i], paragraphs[i + 1]) ? "## " + paragraphs[i] : paragraphs[i]);
        return marked;
    }

    private static bool IsHeading(string line, string next)
    {
        if (line.Length > MaxHeadingLength || line.Contains('\n') || !(char.IsUpper(line[0]) || line[0] == '['))
            return false;
        if (line[^1] is '.' or ',' or ';' or ':' or '!' or '?' or '…' or '"' or '”' or ')' || line.StartsWith('#'))
            return false;
        if (line.IndexOfAny(['=', '→', '+', '*', '|', '(']) >= 0 || char.IsDigit(line[0]))
            return false;
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words is >= 2 and <= 12 && next.Length >= MinFollowingLength && next[^1] is '.' or '!' or '?' or ':' or '”' or '"' or ')';
    }
}
