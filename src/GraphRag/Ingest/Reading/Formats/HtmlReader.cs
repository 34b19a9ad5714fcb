using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace GraphRag.Ingest.Reading.Formats;

/// <summary>
/// HTML pages: one article. The title is the page's first h1 (else its &lt;title&gt;); navigation,
/// scripts, styles, headers, footers, sidebars and forms are dropped; headings become "## " lines and
/// block elements paragraphs. Author, date and canonical URL come from the usual meta tags.
/// </summary>
public sealed class HtmlReader : IFormatReader
{
    private const string Chrome = "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button, [role=navigation], [role=banner], [role=contentinfo]";

    private static readonly HashSet<string> BlockElements =
        ["p", "li", "pre", "blockquote", "dt", "dd", "figcaption", "td", "th", "caption", "summary"];

    public string Format => "html";

    public bool Recognizes(DecodedFile file) =>
        file.Extension is ".html" or ".htm" or ".xhtml"
        || file.Text.TrimStart().StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
        || file.Text.TrimStart().StartsWith("<html", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ArticleDraft> Read(DecodedFile file)
    {
        var document = new HtmlParser().ParseDocument(file.Text);
        var source = Attribute(document, "link[rel=canonical]", "href")
            ?? Attribute(document, "meta[property='og:url']", "content")
            ?? Attribute(document, "meta[property='og:site_name']", "content");
        var author = Attribute(document, "meta[name=author]", "content")
            ?? Attribute(document, "meta[property='article:author']", "content");
        var published = Attribute(document, "meta[property='article:published_time']", "content")
            ?? Attribute(document, "time[datetime]", "datetime");

        foreach (var element in document.QuerySelectorAll(Chrome).ToList())
            element.Remove();
        var heading = document.QuerySelector("h1");
        var title = TextLayout.OneLine(heading?.TextContent ?? "");
        if (title.Length == 0)
            title = TextLayout.OneLine(document.Title ?? "");
        if (heading is not null && TextLayout.OneLine(heading.TextContent) == title)
            heading.Remove();

        var text = new StringBuilder();
        if (document.Body is not null)
            AppendBlocks(text, document.Body);
        return [new ArticleDraft(title.Length > 0 ? title : file.Name, text.ToString(), source, author, DateText.ToIso(published))];
    }

    private static void AppendBlocks(StringBuilder text, INode node)
    {
        var inline = new StringBuilder();
        foreach (var child in node.ChildNodes)
        {
            if (child is IElement element && IsBlock(element))
            {
                Flush(text, inline);
                AppendElement(text, element);
            }
            else if (child is IElement container && container.QuerySelector("p, h1, h2, h3, h4, h5, h6, li, pre, blockquote, div, table, section, article") is not null)
            {
                Flush(text, inline);
                AppendBlocks(text, container);
            }
            else
            {
                inline.Append(child.TextContent);
            }
        }
        Flush(text, inline);
    }

    private static void AppendElement(StringBuilder text, IElement element)
    {
        var name = element.LocalName;
        if (name.Length == 2 && name[0] == 'h' && char.IsDigit(name[1]))
        {
            var heading = TextLayout.OneLine(element.TextContent);
            if (heading.Length > 0)
                text.Append('#', name[1] - '0').Append(' ').Append(heading).Append("\n\n");
        }
        else if (name == "pre")
        {
            text.Append(element.TextContent.Trim('\n')).Append("\n\n");
        }
        else if (name == "li" && element.QuerySelector("p, ul, ol") is not null)
        {
            AppendBlocks(text, element);
        }
        else
        {
            var words = TextLayout.OneLine(element.TextContent);
            if (words.Length > 0)
                text.Append(name == "li" ? "- " : name == "blockquote" ? "> " : "").Append(words).Append("\n\n");
        }
    }

    private static bool IsBlock(IElement element) =>
        BlockElements.Contains(element.LocalName)
        || (element.LocalName.Length == 2 && element.LocalName[0] == 'h' && char.IsDigit(element.LocalName[1]));

    private static void Flush(StringBuilder text, StringBuilder inline)
    {
        var words = TextLayout.OneLine(inline.ToString());
        if (words.Length > 0)
            text.Append(words).Append("\n\n");
        inline.Clear();
    }

    private static string? Attribute(IDocument document, string selector, string attribute)
    {
        var value = document.QuerySelector(selector)?.GetAttribute(attribute);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
