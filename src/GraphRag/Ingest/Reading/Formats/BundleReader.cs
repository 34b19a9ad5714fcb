using System.Text.RegularExpressions;

namespace GraphRag.Ingest.Reading.Formats;

/// <summary>
/// Bundles of clipped web articles ("# Bundle: name"). Each article is a record of "Title:",
/// "URL Source:", "Published Time:" and "Markdown Content:" lines, under a "## Publication" heading
/// with "Source:" and "Date fetched:" lines. Clippers repeat every article under "## Visual Content
/// Analysis"; the repeat reads to the same text and is dropped as a duplicate. The Markdown is
/// cleaned of site chrome (<see cref="WebPageChrome"/>) and rendered with its headings.
/// </summary>
public sealed partial class BundleReader : IFormatReader
{
    private const string VisualAnalysis = "## Visual Content Analysis";

    public string Format => "bundle";

    public bool Recognizes(DecodedFile file) =>
        BundleHeading().IsMatch(file.Text) && file.Text.Contains("\nTitle: ", StringComparison.Ordinal);

    public IEnumerable<ArticleDraft> Read(DecodedFile file)
    {
        var lines = file.Lines();
        string? publication = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (IsPublicationHeading(lines, i))
                publication = lines[i][3..].Trim();
            if (!lines[i].StartsWith("Title: ", StringComparison.Ordinal))
                continue;

            var record = new Record(lines[i]["Title: ".Length..].Trim());
            var body = ReadFields(lines, i + 1, record);
            var end = body;
            while (end < lines.Length && !IsRecordEnd(lines, end))
                end++;
            yield return ToDraft(record, lines[body..end], publication);
            i = end - 1;
        }
    }

    private sealed class Record(string title)
    {
        public string Title { get; } = title;
        public string? Url { get; set; }
        public string? Published { get; set; }
    }

    /// <summary>Reads the "Key: value" lines after "Title:"; returns the index where the Markdown starts.</summary>
    private static int ReadFields(string[] lines, int start, Record record)
    {
        var i = start;
        for (; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
                continue;
            if (line.StartsWith("URL Source:", StringComparison.Ordinal))
                record.Url = line["URL Source:".Length..].Trim();
            else if (line.StartsWith("Published Time:", StringComparison.Ordinal))
                record.Published = line["Published Time:".Length..].Trim();
            else if (line.StartsWith("Markdown Content:", StringComparison.Ordinal))
                return i + 1;
            else
                return i; // some records have no "Markdown Content:" line: the Markdown starts here
        }
        return i;
    }

    /// <summary>Where one record's Markdown stops: the duplicate section, the next record or bundle,
    /// or the "---" that opens the next publication's header.</summary>
    private static bool IsRecordEnd(string[] lines, int i)
    {
        var line = lines[i];
        if (line == VisualAnalysis || line.StartsWith("Title: ", StringComparison.Ordinal) || BundleHeading().IsMatch(line))
            return true;
        if (line != "---")
            return false;
        var next = NextNonBlank(lines, i + 1);
        return next >= 0 && (IsPublicationHeading(lines, next) || BundleHeading().IsMatch(lines[next]));
    }

    /// <summary>"## Towards Data Science" followed by a "Source:" line names the publication of the records below it.</summary>
    private static bool IsPublicationHeading(string[] lines, int i)
    {
        if (!lines[i].StartsWith("## ", StringComparison.Ordinal) || lines[i] == VisualAnalysis)
            return false;
        var next = NextNonBlank(lines, i + 1);
        return next >= 0 && lines[next].StartsWith("Source:", StringComparison.Ordinal);
    }

    private static int NextNonBlank(string[] lines, int from)
    {
        for (var i = from; i < lines.Length; i++)
            if (lines[i].Trim().Length > 0)
                return i;
        return -1;
    }

    private static ArticleDraft ToDraft(Record record, string[] body, string? publication)
    {
        var author = WebPageChrome.Author(body);
        var story = body[..WebPageChrome.StoryEnd(body)];
        var title = CleanTitle(record.Title, publication, author);
        var kept = new List<string>();
        for (var i = 0; i < story.Length; i++)
        {
            var line = story[i];
            if (WebPageChrome.IsPageTitle(line) || line.Trim() == record.Title)
            {
                // The browser-tab title and its "=====" underline.
                if (i + 1 < story.Length && WebPageChrome.IsSetextRule(story[i + 1]))
                    i++;
                continue;
            }
            if (WebPageChrome.IsChrome(line) || IsName(line, author) || IsName(line, publication))
                continue;
            kept.Add(line);
        }
        var text = MarkdownText.Render(string.Join('\n', kept));
        return new ArticleDraft(title, DropTitleHeading(text, title),
            string.IsNullOrEmpty(record.Url) ? publication : record.Url,
            author, DateText.ToIso(record.Published) ?? BylineDate(story));
    }

    /// <summary>Records without "Published Time:" often show the date in the byline ("Nov 3, 2024").</summary>
    private static string? BylineDate(string[] story) =>
        story.Take(60).Select(l => l.Trim()).Where(l => FullDate().IsMatch(l)).Select(DateText.ToIso).FirstOrDefault(d => d is not null);

    /// <summary>"Story - Publication", "Story | Publication" and "Story | by Author | Publication" become "Story".</summary>
    private static string CleanTitle(string title, string? publication, string? author)
    {
        if (author is not null)
        {
            var byline = title.IndexOf($" | by {author}", StringComparison.Ordinal);
            if (byline > 0)
                title = title[..byline];
        }
        if (publication is not null)
            foreach (var separator in new[] { " - ", " | ", " – ", " — " })
                if (title.EndsWith(separator + publication, StringComparison.OrdinalIgnoreCase))
                    return title[..^(separator.Length + publication.Length)].Trim();
        return title.Trim();
    }

    /// <summary>Pages repeat the story title as their first heading; the article keeps it in its title only.</summary>
    private static string DropTitleHeading(string text, string title)
    {
        var lines = text.Split('\n').ToList();
        var first = lines.FindIndex(l => l.Length > 0);
        if (first >= 0 && lines[first].StartsWith('#')
            && TextLayout.Comparable(lines[first].TrimStart('#')) == TextLayout.Comparable(title))
            lines.RemoveAt(first);
        return string.Join('\n', lines);
    }

    private static bool IsName(string line, string? name) =>
        name is not null && string.Equals(line.Trim(), name, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}$")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"(?m)^# Bundle: ")]
    private static partial Regex BundleHeading();
}
