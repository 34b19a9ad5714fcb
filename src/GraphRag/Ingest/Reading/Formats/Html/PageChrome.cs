using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace GraphRag.Ingest.Reading.Formats.Html;

/// <summary>
/// Removes what surrounds an article on an ordinary web page, by structure rather than by phrases:
/// <list type="number">
/// <item>what does not render as text (scripts, styles, hidden elements);</item>
/// <item>calls to action: the small box around a button or a form (sign-up and newsletter boxes,
/// follow and clap bars, cookie banners, "was this helpful?" votes);</item>
/// <item>elements whose tag or role says they are not the article (nav, aside, footer, forms, captions,
/// dialogs, a page header);</item>
/// <item>elements whose class, id or itemprop names a kind of chrome (comments, share, related, cookie,
/// newsletter, byline, tags, ads, …);</item>
/// <item>blocks that are mostly links to other pages (related lists, tag clouds, breadcrumbs);</item>
/// <item>what only its words give away (<see cref="ChromeText"/>): meta lines and comment or
/// related-link sections in plain markup.</item>
/// </list>
/// An element that holds the title or half of the page's prose is never removed as chrome: sites put
/// words such as "post" or "tag-news" on the article's own container, and some wrap the page in a form.
/// </summary>
public static partial class PageChrome
{
    private const string Invisible = "script, style, noscript, template, svg, iframe, object, embed, canvas, video, audio, [hidden], [aria-hidden=true]";

    private const string ByTag =
        "nav, aside, footer, form, button, input, select, textarea, figcaption, dialog, menu, [role=button], "
        + "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=dialog], [role=alertdialog], [role=search], [role=toolbar]";

    /// <summary>Buttons, forms and links drawn as buttons.</summary>
    private const string Controls = "button, form, input, select, textarea, [role=button], a[class]";

    /// <summary>A call to action is a button or form with little text around it: its box is climbed to while the text stays under this.</summary>
    private const int CallToActionText = 300;

    /// <summary>Link density from which a block counts as a list of links.</summary>
    private const double LinkListDensity = 0.6;

    /// <summary>Share of the page's prose that marks an element as the article's container.</summary>
    private const double ArticleShare = 0.5;

    private static readonly HashSet<string> ChromeWords =
    [
        "comment", "comments", "respond", "reply", "replies", "discussion", "disqus", "giscus",
        "share", "sharing", "sharedaddy", "social",
        "related", "relatedposts", "recommended", "recommendations", "readnext",
        "newsletter", "subscribe", "subscription", "signup", "cta", "promo", "affiliate",
        "cookie", "cookies", "consent", "gdpr", "cmp", "onetrust", "cookiebot", "cybot",
        "ads", "adunit", "advert", "advertisement", "sponsored", "taboola", "outbrain",
        "byline", "author", "meta", "metadata", "tags", "tag", "breadcrumb", "breadcrumbs", "toc",
        "tableofcontents", "sidebar", "widget", "pagination", "pager", "navbar", "menu", "masthead",
        "like", "likes", "vote", "votes", "reaction", "reactions", "follow", "bio", "popup", "modal",
    ];

    public static void Remove(IDocument document, IElement? title)
    {
        var body = document.Body;
        if (body is null)
            return;
        RemoveAll(body.QuerySelectorAll(Invisible).Concat(body.QuerySelectorAll("[style]").Where(IsHiddenByStyle)));

        // The guard matters here too: some sites wrap the whole page in one <form>.
        var guard = new Guard(body, title);
        RemoveAll(body.QuerySelectorAll(Controls).Where(c => IsControl(c) && !guard.Protects(c)).Select(c => CallToActionBox(c, guard)));

        guard = new Guard(body, title);
        RemoveAll(body.QuerySelectorAll(ByTag).Concat(body.QuerySelectorAll("header").Where(h => IsPageHeader(h, title)))
            .Where(e => !guard.Protects(e)));

        guard = new Guard(body, title);
        // Headings are structure: their class names describe styling ("anchorWithStickyNavbar"), and a
        // chrome section's heading goes with its container.
        RemoveAll(body.QuerySelectorAll("*").Where(e => !IsHeading(e) && NamesChrome(e) && !guard.Protects(e)));

        guard = new Guard(body, title);
        RemoveAll(body.QuerySelectorAll("*").Where(e =>
            HtmlText.IsBlock(e) && !IsHeading(e) && guard.Prose.LinkDensity(e) >= LinkListDensity && !guard.Protects(e)));

        RemoveAll(body.QuerySelectorAll("h1, h2, h3, h4, h5, h6")
            .Where(h => h != title && ChromeText.IsChromeSectionHeading(h.TextContent))
            .SelectMany(Section));
        // Table cells, list items, code and headings hold numbers and dates as content.
        RemoveAll(body.QuerySelectorAll("*").Where(e => HtmlText.IsBlock(e) && !HasBlocks(e)
            && e.LocalName is not ("td" or "th" or "li" or "pre" or "code" or "blockquote" or "dd" or "dt") && !IsHeading(e)
            && e.Closest("pre, table") is null && ChromeText.IsMetaLine(e.TextContent)));
    }

    /// <summary>Heading permalinks: in-page links that show only a symbol ("¶", "#", "⌗") or nothing. They
    /// go before the title is read, since they sit inside the headings.</summary>
    public static void RemovePermalinks(IDocument document) =>
        RemoveAll(document.QuerySelectorAll("a[href^='#']").Where(a => !a.TextContent.Any(char.IsLetterOrDigit)));

    /// <summary>A heading and what follows it in its container up to the next heading of its level or above.</summary>
    private static IEnumerable<IElement> Section(IElement heading)
    {
        yield return heading;
        for (var next = heading.NextElementSibling; next is not null && !(IsHeading(next) && next.LocalName[1] <= heading.LocalName[1]); next = next.NextElementSibling)
            yield return next;
    }

    private static bool HasBlocks(IElement element) => element.Children.Any(c => c.LocalName != "br" && HtmlText.IsBlock(c));

    /// <summary>The largest box around a button or form whose text stays short and that holds no article
    /// structure (a code block keeps its copy button's box out).</summary>
    private static IElement CallToActionBox(IElement control, Guard guard)
    {
        var box = control;
        while (box.ParentElement is { } parent && parent.LocalName != "body" && !guard.Protects(parent)
               && HasShortText(parent, CallToActionText) && parent.QuerySelector("pre, table, h1, h2, h3, ul, ol") is null)
            box = parent;
        return box;
    }

    /// <summary>True when the element's text is under <paramref name="limit"/> characters; stops counting
    /// there, since the boxes climbed end at an element as large as the page.</summary>
    private static bool HasShortText(INode node, int limit)
    {
        var length = 0;
        bool Count(INode current)
        {
            foreach (var child in current.ChildNodes)
            {
                length += child is IText text ? text.Data.Length : 0;
                if (length >= limit || !Count(child))
                    return false;
            }
            return true;
        }
        return Count(node);
    }

    private static bool IsControl(IElement element) =>
        element.LocalName != "a" || element.GetAttribute("role") == "button"
        || Words(element.GetAttribute("class") ?? "").Any(w => w is "button" or "btn");

    private static bool IsPageHeader(IElement header, IElement? title) =>
        (title is null || !header.Contains(title)) && header.Closest("article, main, [role=main]") is null;

    /// <summary>True when a class, id, itemprop or aria-label word names chrome: "comments-area",
    /// "share-bar", "jp-relatedposts", "CybotCookiebotDialog", "schema.org/Comment".</summary>
    private static bool NamesChrome(IElement element)
    {
        foreach (var attribute in element.Attributes)
            if (attribute.Name is "class" or "id" or "itemprop" or "itemtype" or "aria-label" or "data-component-name")
            {
                if (AdSlot().IsMatch(attribute.Value))
                    return true;
                foreach (var word in Words(attribute.Value))
                    if (ChromeWords.Contains(word))
                        return true;
                // Compound names: "table-of-contents", "related_posts", "read-next".
                foreach (var name in attribute.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    if (ChromeWords.Contains(name.Replace("-", "").Replace("_", "").ToLowerInvariant()))
                        return true;
            }
        return false;
    }

    /// <summary>Lower-case words of an attribute: split at anything but letters and digits, and at camel-case humps.</summary>
    private static IEnumerable<string> Words(string value) =>
        WordPattern().Matches(value).Select(m => m.Value.ToLowerInvariant());

    private static bool IsHiddenByStyle(IElement element) =>
        HiddenStyle().IsMatch(element.GetAttribute("style") ?? "");

    private static bool IsHeading(IElement element) => element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    private static void RemoveAll(IEnumerable<IElement> elements)
    {
        // Materialise first: removing while a live query runs would skip elements.
        foreach (var element in elements.ToList())
            element.Remove();
    }

    /// <summary>Elements that must stay: the title's ancestors and any holding half of the page's prose.</summary>
    private sealed class Guard(IElement body, IElement? title)
    {
        public ProseLength Prose { get; } = new(body);

        public bool Protects(IElement element) =>
            element == body || (title is not null && element.Contains(title)) || Prose.Prose(element) >= Prose.Prose(body) * ArticleShare;
    }

    [GeneratedRegex(@"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")]
    private static partial Regex WordPattern();

    /// <summary>"ad-slot", "gpt-ad", "ad_unit": "ad" joined to another word. Alone it is too short to trust
    /// (sites with generated class names use every two-letter combination).</summary>
    [GeneratedRegex(@"(^|\s)ad[-_]|[-_]ad($|\s|[-_])", RegexOptions.IgnoreCase)]
    private static partial Regex AdSlot();

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();
}
