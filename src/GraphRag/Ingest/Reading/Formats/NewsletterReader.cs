using System.Text.RegularExpressions;

namespace GraphRag.Ingest.Reading.Formats;

/// <summary>
/// A newsletter issue saved from a social network's article page: the newsletter's name, the issue
/// title, the author and tagline, "Published Mon d, yyyy" and "+ Follow", then the issue, then
/// comments, "More articles by this author", "Others also viewed" and the site footer. The issue is
/// one article. Dropped inside it: Like/Comment/Share buttons and counts, the logo text that
/// images leave behind (short lines repeated three or more times), and "Read: …" links to other posts.
/// </summary>
public sealed partial class NewsletterReader : IFormatReader
{
    private const int MinLogoRepeats = 3;
    private const int MaxLogoLength = 40;

    private static readonly HashSet<string> Buttons = new(StringComparer.OrdinalIgnoreCase) { "Like", "Comment", "Share", "Reply", "+ Follow", "Follow" };

    public string Format => "newsletter";

    public bool Recognizes(DecodedFile file) => PublishedLine().IsMatch(file.Text) && file.Text.Contains("\n+ Follow\n", StringComparison.Ordinal);

    public IEnumerable<ArticleDraft> Read(DecodedFile file)
    {
        var lines = file.Lines();
        var published = Array.FindIndex(lines, l => PublishedLine().IsMatch(l));
        var header = lines[..published].Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        var follow = Array.FindIndex(lines, published, l => l.Trim() == "+ Follow");
        var body = lines[(follow + 1)..IssueEnd(lines, follow + 1)];
        var logos = RepeatedShortLines(lines);

        var paragraphs = body
            .Select(l => ReadMore().Replace(l.Trim(), ""))
            .Where(l => l.Length > 0 && !Buttons.Contains(l) && !Reactions().IsMatch(l) && !l.StartsWith("Read: ", StringComparison.Ordinal)
                        && !logos.Contains(TextLayout.Comparable(l)) && !Formats.WebPageChrome.IsChrome(l))
            .ToList();
        yield return new ArticleDraft(
            header.Length > 1 ? header[1] : null,
            MarkdownText.Render(string.Join("\n\n", ParagraphHeadings.Mark(paragraphs))),
            header.FirstOrDefault(),
            header.Length > 2 ? header[^2] : null,
            DateText.ToIso(PublishedLine().Match(lines[published]).Groups["date"].Value));
    }

    /// <summary>The issue ends where the first comment starts (the commenter's name above a "3mo"-style age) or the page footer does.</summary>
    private static int IssueEnd(string[] lines, int from)
    {
        for (var i = from; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("To view or add a comment", StringComparison.Ordinal)
                || line.StartsWith("More articles by this author", StringComparison.Ordinal)
                || line == "Others also viewed")
                return i;
            if (CommentAge().IsMatch(line))
            {
                var name = i - 1;
                while (name > from && lines[name].Trim().Length == 0)
                    name--;
                return name;
            }
        }
        return lines.Length;
    }

    private static HashSet<string> RepeatedShortLines(string[] lines) =>
        lines.Select(l => l.Trim()).Where(l => l.Length is > 0 and <= MaxLogoLength)
            .Select(TextLayout.Comparable).Where(c => c.Length > 0)
            .GroupBy(c => c).Where(g => g.Count() >= MinLogoRepeats).Select(g => g.Key)
            .ToHashSet();

    [GeneratedRegex(@"(?m)^Published (?<date>[A-Z][a-z]{2} \d{1,2}, \d{4})$")]
    private static partial Regex PublishedLine();

    [GeneratedRegex(@"^\d+ · \d+ Comments?$")]
    private static partial Regex Reactions();

    [GeneratedRegex(@"^\d+(mo|w|d|h|y|yr)$")]
    private static partial Regex CommentAge();

    [GeneratedRegex(@"\s*\[Read more\]\(#?\)")]
    private static partial Regex ReadMore();
}
