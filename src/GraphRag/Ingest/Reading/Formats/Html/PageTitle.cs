using AngleSharp.Dom;

namespace GraphRag.Ingest.Reading.Formats.Html;

/// <summary>
/// The article's title and the heading that shows it. Pages name the article in their metadata
/// (og:title, else &lt;title&gt;, which often carries the site's name too); the title heading is the
/// longest h1–h3 whose words that name contains, or that contains the name. A site's own name set in an
/// h1 (Blogger, Substack) loses to the post's heading that way. Without a match the first h1 is the title.
/// </summary>
public static class PageTitle
{
    public static (string Title, IElement? Heading) Find(IDocument document)
    {
        var named = Meta(document, "meta[property='og:title']") ?? TextLayout.OneLine(document.Title ?? "");
        var name = TextLayout.Comparable(named);
        var headings = document.QuerySelectorAll("h1, h2, h3")
            .Select(h => (Element: h, Text: TextLayout.OneLine(h.TextContent)))
            .Where(h => TextLayout.Comparable(h.Text).Length > 0)
            .ToList();
        if (name.Length > 0)
        {
            // A heading inside the page's name must carry most of it: "Tinkering Shed" is not the post
            // "Tinkering Shed: Logging the temperature …", though the page's name contains it.
            var match = headings
                .Where(h => TextLayout.Comparable(h.Text) is var words
                    && (words.Contains(name) || (name.Contains(words) && words.Length * 2 >= name.Length)))
                .OrderByDescending(h => TextLayout.Comparable(h.Text).Length)
                .FirstOrDefault();
            if (match.Element is not null)
                return (match.Text, match.Element);
        }
        var first = headings.FirstOrDefault(h => h.Element.LocalName == "h1");
        if (first.Element is not null)
            return (first.Text, first.Element);
        return (named, null);
    }

    private static string? Meta(IDocument document, string selector)
    {
        var value = document.QuerySelector(selector)?.GetAttribute("content");
        return string.IsNullOrWhiteSpace(value) ? null : TextLayout.OneLine(value);
    }
}
