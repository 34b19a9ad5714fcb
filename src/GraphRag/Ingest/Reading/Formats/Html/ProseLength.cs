using AngleSharp.Dom;

namespace GraphRag.Ingest.Reading.Formats.Html;

/// <summary>
/// Characters of prose inside each element: text that is not link text (links to elsewhere, that is;
/// in-page anchors are part of the text). Navigation, related lists and tag clouds are mostly links,
/// articles mostly not, so prose locates the article and link density tells lists of links apart.
/// </summary>
public sealed class ProseLength
{
    private readonly Dictionary<INode, (int Prose, int Links)> _lengths = [];

    public ProseLength(INode root) => Measure(root, inLink: false);

    public int Prose(INode node) => _lengths.TryGetValue(node, out var length) ? length.Prose : 0;

    /// <summary>Share of the element's text that is link text.</summary>
    public double LinkDensity(INode node)
    {
        if (!_lengths.TryGetValue(node, out var length) || length.Prose + length.Links == 0)
            return 0;
        return length.Links / (double)(length.Prose + length.Links);
    }

    private (int Prose, int Links) Measure(INode node, bool inLink)
    {
        if (node is IText text)
        {
            var length = TextLayout.OneLine(text.Data).Length;
            return inLink ? (0, length) : (length, 0);
        }
        var isLink = node is IElement { LocalName: "a" } anchor && anchor.GetAttribute("href") is { } href && !href.StartsWith('#');
        int prose = 0, links = 0;
        foreach (var child in node.ChildNodes)
        {
            var (p, l) = Measure(child, inLink || isLink);
            prose += p;
            links += l;
        }
        _lengths[node] = (prose, links);
        return (prose, links);
    }
}
