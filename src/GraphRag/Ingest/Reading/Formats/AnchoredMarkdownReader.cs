using System.Text.RegularExpressions;

namespace GraphRag.Ingest.Reading.Formats;

/// <summary>
/// A Markdown collection with its own table of contents: a list of in-page links ("1. [Question](#a1)")
/// whose targets are anchors (&lt;span id="a1"&gt;) that open the sections below. Each section is
/// one article, titled by its table-of-contents entry (the question the section collects answers
/// for); the section's own heading line stays in the text as a "## " heading. The table of contents
/// itself is navigation and is not kept.
/// </summary>
public sealed partial class AnchoredMarkdownReader : IFormatReader
{
    /// <summary>Fewer linked sections than this is a document with a few anchors, not a collection.</summary>
    private const int MinSections = 2;

    public string Format => "markdown-sections";

    public bool Recognizes(DecodedFile file) => Sections(file.Lines()).Count >= MinSections;

    public IEnumerable<ArticleDraft> Read(DecodedFile file)
    {
        var lines = file.Lines();
        var sections = Sections(lines);
        for (var s = 0; s < sections.Count; s++)
        {
            var (title, start) = sections[s];
            var end = s + 1 < sections.Count ? sections[s + 1].Start : lines.Length;
            var heading = TextLayout.OneLine(MarkdownText.Render(AnchorLink().Replace(lines[start], "")).TrimStart('-', '#', ' '));
            var body = string.Join('\n', lines[(start + 1)..end]);
            var text = MarkdownText.Render(body);
            if (heading.Length > 0 && TextLayout.Comparable(heading) != TextLayout.Comparable(title))
                text = $"## {heading}\n\n{text}";
            var source = Url().Match(body) is { Success: true } url ? url.Value : null;
            yield return new ArticleDraft(MarkdownText.Render(title), text, source);
        }
    }

    /// <summary>Table-of-contents entries whose anchor is found on a later line, in file order.</summary>
    private static List<(string Title, int Start)> Sections(string[] lines)
    {
        var sections = new List<(string Title, int Start)>();
        foreach (var line in lines)
        {
            if (TocEntry().Match(line) is not { Success: true } entry)
                continue;
            var anchor = $"id=\"{entry.Groups["id"].Value}\"";
            var start = Array.FindIndex(lines, l => l.Contains(anchor, StringComparison.Ordinal) && TocEntry().Match(l) is not { Success: true });
            if (start >= 0)
                sections.Add((entry.Groups["title"].Value.Trim(), start));
        }
        return sections.OrderBy(s => s.Start).ToList();
    }

    [GeneratedRegex(@"^\s*(\d+\.|[-*+])\s*\[(?<title>[^\]]+)\]\(#(?<id>[\w-]+)\)")]
    private static partial Regex TocEntry();

    /// <summary>Back-links and anchors on a section's heading line: "[#](#q1)", "(#q11)", "&lt;span id=…&gt;&lt;/span&gt;".</summary>
    [GeneratedRegex(@"\[#\]\(#[\w-]+\)|\(#[\w-]+\)|<span[^>]*>\s*</span>")]
    private static partial Regex AnchorLink();

    [GeneratedRegex(@"https?://[^\s)\]]+")]
    private static partial Regex Url();
}
