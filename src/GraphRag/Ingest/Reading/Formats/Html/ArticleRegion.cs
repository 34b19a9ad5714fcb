using AngleSharp.Dom;

namespace GraphRag.Ingest.Reading.Formats.Html;

/// <summary>
/// Where the article is on a cleaned page: it runs from just after its title heading to the end of the
/// deepest element that holds most of the page's prose (the article body). A standfirst between the two
/// is kept; whatever comes before the title (site header, kicker) or after the body (tags, author card,
/// related stories, comments) is not.
/// </summary>
public sealed class ArticleRegion
{
    /// <summary>Share of the page's prose the body element must hold: most, not all, so a few paragraphs
    /// of leftover chrome beside it (a donation appeal) do not push the body up to the whole page. Tuned on
    /// the dev pages: their bodies hold 0.79 to 0.97 of the prose after chrome removal, and no part of a
    /// body more than 0.25.</summary>
    private const double BodyShare = 0.75;

    private readonly IElement? _title;
    private readonly IElement _body;

    public ArticleRegion(IElement page, IElement? title)
    {
        var prose = new ProseLength(page);
        var needed = prose.Prose(page) * BodyShare;
        _body = page;
        // Walk down while one child still holds enough of the prose.
        while (_body.Children.FirstOrDefault(c => prose.Prose(c) >= needed) is { } deeper)
            _body = deeper;
        // A title after the body is not where the article starts.
        _title = title is not null && (title.Contains(_body) || _body.Contains(title) || Precedes(title, _body)) ? title : null;
    }

    /// <summary>The element holding the article body.</summary>
    public IElement Body => _body;

    public bool Includes(INode node)
    {
        if (_title is not null && (node == _title || _title.Contains(node)))
            return false;
        if (node.Contains(_body) || (_title is not null && node.Contains(_title)))
            return true;
        if (_title is not null && Precedes(node, _title))
            return false;
        if (_body.Contains(node))
            return true;
        return !Precedes(_body, node);
    }

    /// <summary>True when <paramref name="first"/> comes before <paramref name="second"/> in the document and does not contain it.</summary>
    private static bool Precedes(INode first, INode second) =>
        first.CompareDocumentPosition(second).HasFlag(DocumentPositions.Following) && !first.Contains(second);
}
