using System.Text;

namespace GraphRag.Ingest.Reading.Formats;

/// <summary>
/// Rebuilds paragraphs from text extracted from a PDF, where every printed line is a line of its
/// own and page breaks leave blank lines mid-sentence. A line continues its paragraph unless it is
/// clearly short of the page width (the last line of a paragraph), or it ends a sentence before a
/// blank line, or the next line starts a numbered item. Short title-like lines become "## " headings.
/// </summary>
public static class PdfParagraphs
{
    /// <summary>A line shorter than this share of the page width ends its paragraph.</summary>
    private const double ShortLineShare = 0.85;

    /// <summary>The width of a full line: the 90th percentile of line lengths, robust to a few overlong lines.</summary>
    public static int PageWidth(IEnumerable<string> lines)
    {
        var lengths = lines.Select(l => l.TrimEnd().Length).Where(l => l > 0).Order().ToArray();
        return lengths.Length == 0 ? 0 : lengths[(int)(lengths.Length * 0.9)];
    }

    public static string Join(IReadOnlyList<string> lines, int pageWidth)
    {
        var text = new StringBuilder();
        var paragraph = new StringBuilder();
        var previousEnded = true;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                // A blank line ends the paragraph only where the sentence ended too: page breaks fall mid-sentence.
                if (paragraph.Length > 0 && EndsSentence(paragraph))
                    previousEnded = Flush(text, paragraph);
                continue;
            }
            var next = NextLine(lines, i + 1);
            if (previousEnded && IsHeading(line, next, pageWidth))
            {
                text.Append("## ").Append(line).Append("\n\n");
                continue;
            }
            if (paragraph.Length > 0 && IsListItem(line))
                Flush(text, paragraph);
            AppendWrapped(paragraph, line);
            previousEnded = line.Length < pageWidth * ShortLineShare || (next is not null && IsListItem(next));
            if (previousEnded)
                Flush(text, paragraph);
        }
        Flush(text, paragraph);
        return text.ToString();
    }

    /// <summary>Joins a printed line to its paragraph; a word hyphenated across lines ("fine-" + "tuning") keeps its hyphen.</summary>
    private static void AppendWrapped(StringBuilder paragraph, string line)
    {
        if (paragraph.Length > 0 && paragraph[^1] != '-')
            paragraph.Append(' ');
        paragraph.Append(line);
    }

    private static bool Flush(StringBuilder text, StringBuilder paragraph)
    {
        if (paragraph.Length > 0)
            text.Append(paragraph).Append("\n\n");
        paragraph.Clear();
        return true;
    }

    private static string? NextLine(IReadOnlyList<string> lines, int from)
    {
        for (var i = from; i < lines.Count; i++)
            if (lines[i].Trim().Length > 0)
                return lines[i].Trim();
        return null;
    }

    private static bool EndsSentence(StringBuilder paragraph) => paragraph[^1] is '.' or '!' or '?' or ':' or '”' or '"' or ')';

    private static bool IsListItem(string line) =>
        line.Length > 3 && char.IsDigit(line[0]) && (line.IndexOf(". ", StringComparison.Ordinal) is > 0 and <= 3);

    /// <summary>A short line of a few words with no closing punctuation, between paragraphs, before a full line of prose.</summary>
    private static bool IsHeading(string line, string? next, int pageWidth)
    {
        // The next line must be a full printed line: a run of short lines is a table, not a heading and its section.
        if (next is null || line.Length >= pageWidth * 0.7 || next.Length < pageWidth * 0.6 || !char.IsUpper(line[0]) || !char.IsUpper(next[0]))
            return false;
        if (line[^1] is '.' or ',' or ';' or ':' or '!' or '?' or '–' or '-')
            return false;
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var letters = line.Count(char.IsLetter);
        // Table rows ("Josh Hazlewood Australia 17.3 91.0") carry several numbers; headings at most one.
        return words.Length is >= 3 and <= 12 && letters >= line.Length * 0.6 && words.Count(w => char.IsDigit(w[0])) <= 1;
    }
}
