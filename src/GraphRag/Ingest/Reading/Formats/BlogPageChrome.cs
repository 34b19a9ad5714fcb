using System.Text.RegularExpressions;

namespace GraphRag.Ingest.Reading.Formats;

/// <summary>
/// What a blog theme prints around a post on every PDF page: the sidebar (tag cloud, archives, blog
/// tagline, "Follow Blog via Email" with its subscriber count), previous/next links with the related
/// posts strip above them, embedded-video cards ("3 min … 81 views … Powered by"), and after the post's
/// "date in categories. Tags: …" line its related posts and comments.
/// </summary>
public static partial class BlogPageChrome
{
    /// <summary>Longest sidebar block; a "Tags" line without "Home About" within this many lines is prose.</summary>
    private const int MaxSidebarLines = 40;

    /// <summary>Sidebar lines are tag-cloud rows and widget labels, never prose.</summary>
    private const int MaxSidebarLineLength = 70;

    public static List<string> Remove(IReadOnlyList<string> lines)
    {
        var footer = IndexOf(lines, 0, l => PostFooter().IsMatch(l));
        var end = footer < 0 ? lines.Count : footer;
        var kept = new List<string>();
        for (var i = 0; i < end; i++)
        {
            var line = lines[i].Trim();
            var blockEnd = line switch
            {
                "Tags" => IndexOf(lines, i + 1, l => l.Trim() == "Home About", MaxSidebarLines) is var found and >= 0
                    ? found
                    : TruncatedSidebarEnd(lines, i, end),
                "Select Month" => IndexOf(lines, i + 1, l => Subscribers().IsMatch(l.Trim()), MaxSidebarLines),
                _ => -1,
            };
            if (blockEnd >= 0)
            {
                i = blockEnd;
                continue;
            }
            if (PreviousNext().IsMatch(line))
            {
                // The related-posts strip printed just above the previous/next links.
                if (kept.Count > 0 && kept[^1].Trim().Length > 0)
                    kept.RemoveAt(kept.Count - 1);
                continue;
            }
            if (VideoStats().IsMatch(line))
            {
                // The video's title sits above its stats; "P" and "Powered by" follow.
                if (kept.Count > 0 && kept[^1].Trim().Length > 0)
                    kept.RemoveAt(kept.Count - 1);
                continue;
            }
            if (line is "P" or "Powered by")
                continue;
            kept.Add(lines[i]);
        }
        return kept;
    }

    /// <summary>The last page may cut the sidebar short: a "Tags" line followed only by short lines to the end.</summary>
    private static int TruncatedSidebarEnd(IReadOnlyList<string> lines, int start, int end) =>
        end - start <= MaxSidebarLines && Enumerable.Range(start, end - start).All(k => lines[k].Trim().Length <= MaxSidebarLineLength)
            ? end - 1
            : -1;

    private static int IndexOf(IReadOnlyList<string> lines, int from, Func<string, bool> match, int within = int.MaxValue)
    {
        for (var i = from; i < lines.Count && i - from < within; i++)
            if (match(lines[i]))
                return i;
        return -1;
    }

    [GeneratedRegex(@"^(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4} in .+Tags: ")]
    private static partial Regex PostFooter();

    [GeneratedRegex(@"^Join [\d,]+ other subscribers$")]
    private static partial Regex Subscribers();

    [GeneratedRegex(@"^← .+ →$")]
    private static partial Regex PreviousNext();

    [GeneratedRegex(@"views\d*\s*views$")]
    private static partial Regex VideoStats();
}
