using System.Text.RegularExpressions;

namespace GraphRag.Ingest.Reading.Formats;

/// <summary>
/// A feed saved as text: items run together, each its teaser (or, for a few, the whole article)
/// followed by "Originally appeared here:", the item's title, and often "Go Here to Read this Fast!
/// title". One paragraph per line. A full article's "… was originally published in Publication on
/// Medium …" line names its source and is not kept as text.
/// </summary>
public sealed partial class FeedReader : IFormatReader
{
    private const string Marker = "Originally appeared here:";

    /// <summary>Below two markers a file is not a feed but a note that quotes one.</summary>
    private const int MinItems = 2;

    public string Format => "feed";

    public bool Recognizes(DecodedFile file) => file.Lines().Count(l => l.Trim() == Marker) >= MinItems;

    public IEnumerable<ArticleDraft> Read(DecodedFile file)
    {
        var lines = file.Lines();
        var start = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != Marker)
                continue;
            var title = i + 1 < lines.Length ? lines[i + 1].Trim() : "";
            yield return ToDraft(title, lines[start..i]);
            start = i + 2;
            if (start < lines.Length && lines[start].StartsWith("Go Here to Read this Fast!", StringComparison.Ordinal))
                start++;
            i = start - 1;
        }
        var rest = lines[Math.Min(start, lines.Length)..];
        if (rest.Any(l => l.Trim().Length > 0))
            yield return ToDraft(null, rest);
    }

    private static ArticleDraft ToDraft(string? title, string[] body)
    {
        string? source = null;
        var paragraphs = new List<string>();
        foreach (var raw in body)
        {
            var line = raw.Trim();
            if (OriginallyPublished().Match(line) is { Success: true } published)
            {
                source = published.Groups["publication"].Value;
                continue;
            }
            // Lone dots stand for elided rows of a worked example.
            if (line.Length > 0 && line.Any(char.IsLetterOrDigit))
                paragraphs.Add(line);
        }
        return new ArticleDraft(title, string.Join("\n\n", ParagraphHeadings.Mark(paragraphs)), source);
    }

    [GeneratedRegex(@"^.+ was originally published in (?<publication>.+?) on Medium, where people are continuing the conversation")]
    private static partial Regex OriginallyPublished();
}
