using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace GraphRag.Ingest.Reading.Formats.Html;

/// <summary>
/// HTML pages: one article. The title comes from the page's name and its headings (<see cref="PageTitle"/>);
/// site chrome is removed by structure (<see cref="PageChrome"/>); the article is what runs from the title
/// to the end of the body text (<see cref="ArticleRegion"/>), rendered with headings, lists, code and
/// tables (<see cref="HtmlText"/>). Author, date and canonical URL come from the usual meta tags.
/// </summary>
public sealed class HtmlReader : IFormatReader
{
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

        PageChrome.RemovePermalinks(document);
        var (title, heading) = PageTitle.Find(document);
        var text = "";
        if (document.Body is { } body)
        {
            PageChrome.Remove(document, heading);
            var region = new ArticleRegion(body, heading);
            text = HtmlText.Render(body, region.Includes);
        }
        return [new ArticleDraft(title.Length > 0 ? title : file.Name, text, source, author, DateText.ToIso(published))];
    }

    private static string? Attribute(IDocument document, string selector, string attribute)
    {
        var value = document.QuerySelector(selector)?.GetAttribute(attribute);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
