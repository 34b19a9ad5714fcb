using System.Text.RegularExpressions;

namespace GraphRag.Ingest.Reading.Formats;

/// <summary>
/// A slide deck (a slide-sharing page saved as text) that holds blog posts printed to PDF: a header,
/// a "Slide 1 … Slide N" index, then "Slide Content" with the posts. Each post starts with its title
/// line (sometimes wrapped onto two) and an "Author / Month d, yyyy" line. Each page repeats the blog's
/// sidebar (Tags, Archives, "Follow Blog via Email", subscriber count) and a post ends with a
/// "date in categories. Tags: …" line followed by related posts and comments; all of that is dropped,
/// and the printed lines are joined back into paragraphs.
/// </summary>
public sealed partial class SlideDeckReader : IFormatReader
{
    public string Format => "slide-deck";

    public bool Recognizes(DecodedFile file) => SlideCount().IsMatch(file.Text) && AuthorDate().IsMatch(file.Text);

    public IEnumerable<ArticleDraft> Read(DecodedFile file)
    {
        var lines = file.Lines();
        var deckTitle = lines.FirstOrDefault(l => l.Trim().Length > 0)?.Trim();
        var contentStart = Array.FindIndex(lines, l => l.Trim() == "Slide Content") + 1;
        var posts = new List<(int TitleStart, int Byline)>();
        for (var i = Math.Max(contentStart, 1); i < lines.Length; i++)
            if (AuthorDate().IsMatch(lines[i]) && lines[i - 1].Trim().Length > 0)
                posts.Add((TitleStartBefore(lines, i), i));

        var pageWidth = PdfParagraphs.PageWidth(lines.Skip(contentStart));
        for (var p = 0; p < posts.Count; p++)
        {
            var (titleStart, byline) = posts[p];
            var end = p + 1 < posts.Count ? posts[p + 1].TitleStart : lines.Length;
            var byLine = AuthorDate().Match(lines[byline]);
            var body = BlogPageChrome.Remove(lines[(byline + 1)..end]);
            var text = PdfParagraphs.Join(Superscripts.Restore(body), pageWidth);
            yield return new ArticleDraft(
                string.Join(' ', lines[titleStart..byline].Select(l => l.Trim())),
                text,
                deckTitle,
                byLine.Groups["author"].Value,
                DateText.ToIso(byLine.Groups["date"].Value));
        }
    }

    /// <summary>The title is the line above the byline, plus the one above that when it ends in a dash
    /// (a long title wrapped: "From Linear to Logistic –" / "Sigmoid Curve and Log Loss").</summary>
    private static int TitleStartBefore(string[] lines, int byline)
    {
        var start = byline - 1;
        if (start > 0 && lines[start - 1].TrimEnd() is { Length: > 0 } above && above[^1] is '–' or '-' or '—' or ':')
            start--;
        return start;
    }

    [GeneratedRegex(@"(?m)^Slide 1 of \d+$")]
    private static partial Regex SlideCount();

    [GeneratedRegex(@"(?m)^(?<author>[^/\n]{2,60}) / (?<date>(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4})\s*$")]
    private static partial Regex AuthorDate();
}
