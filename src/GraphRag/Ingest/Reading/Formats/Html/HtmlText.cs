using System.Text;
using AngleSharp.Dom;

namespace GraphRag.Ingest.Reading.Formats.Html;

/// <summary>
/// Renders what is left of a page as article text: headings as "## " lines, paragraphs and other blocks
/// separated by blank lines, list items as "- " or "1. " lines (nested ones indented), table rows as
/// cells joined by " | ", preformatted text as it is, quotes as "> " lines, and line breaks kept.
/// Any element that is not inline text, or that holds a block, is a block: that covers divs used as
/// paragraphs and the custom elements some sites render (Reddit's shreddit-post).
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> InlineElements =
    [
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
        "label", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
    ];

    private const string BlockSelector =
        "p, div, section, article, main, header, ul, ol, li, table, tr, pre, blockquote, h1, h2, h3, h4, h5, h6, dl, dd, dt, figure, details";

    /// <summary>Stands for a &lt;br&gt; while inline text is gathered, so source line breaks can collapse to spaces.</summary>
    private const char LineBreak = '\u2028';

    /// <param name="include">Whether a node is part of the article; nodes it rejects are skipped with everything inside.</param>
    public static string Render(INode root, Func<INode, bool> include)
    {
        var text = new StringBuilder();
        new Writer(text, include).Write(root);
        return TextLayout.Tidy(text.ToString());
    }

    /// <summary>True for elements that start a block of their own.</summary>
    public static bool IsBlock(IElement element) =>
        !InlineElements.Contains(element.LocalName) || element.QuerySelector(BlockSelector) is not null;

    private sealed class Writer(StringBuilder text, Func<INode, bool> include)
    {
        private readonly StringBuilder _inline = new();

        public void Write(INode root)
        {
            Blocks(root);
            Flush();
        }

        private void Blocks(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (!include(child))
                    continue;
                switch (child)
                {
                    case IText content:
                        _inline.Append(content.Data);
                        break;
                    case IElement { LocalName: "br" }:
                        _inline.Append(LineBreak);
                        break;
                    case IElement element when !IsBlock(element):
                        Blocks(element);
                        break;
                    case IElement element:
                        Flush();
                        Block(element);
                        Flush();
                        break;
                }
            }
        }

        private void Block(IElement element)
        {
            switch (element.LocalName)
            {
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    var heading = TextLayout.OneLine(Clean(Nested(element)));
                    if (heading.Length > 0)
                        Paragraph(new string('#', element.LocalName[1] - '0') + " " + heading);
                    break;
                case "pre":
                    Paragraph(Preformatted(element).Trim('\n'));
                    break;
                case "ul" or "ol":
                    List(element);
                    break;
                case "table":
                    Table(element);
                    break;
                case "blockquote":
                    var quote = Nested(element);
                    if (quote.Length > 0)
                        Paragraph(string.Join('\n', quote.Split('\n').Select(l => l.Length == 0 ? ">" : "> " + l)));
                    break;
                default:
                    Blocks(element);
                    break;
            }
        }

        private void List(IElement list)
        {
            var number = int.TryParse(list.GetAttribute("start"), out var start) ? start : 1;
            var lines = new List<string>();
            foreach (var item in list.Children.Where(c => c.LocalName == "li" && include(c)))
            {
                var marker = list.LocalName == "ol" ? $"{number++}. " : "- ";
                var itemLines = Nested(item).Split('\n').Where(l => l.Length > 0).ToList();
                if (itemLines.Count == 0)
                    continue;
                lines.Add(marker + itemLines[0]);
                lines.AddRange(itemLines.Skip(1).Select(l => new string(' ', marker.Length) + l));
            }
            if (lines.Count > 0)
                Paragraph(string.Join('\n', lines));
        }

        private void Table(IElement table)
        {
            var rows = table.QuerySelectorAll("tr")
                .Where(row => row.Closest("table") == table && include(row))
                .Select(row => string.Join(" | ", row.Children.Where(c => c.LocalName is "td" or "th" && include(c))
                    .Select(cell => TextLayout.OneLine(Nested(cell)))))
                .Where(row => row.Trim('|', ' ').Length > 0)
                .ToList();
            if (rows.Count > 0)
                Paragraph(string.Join('\n', rows));
        }

        /// <summary>An element's content rendered on its own, as tidy lines without blank ones.</summary>
        private string Nested(IElement element)
        {
            var inner = new StringBuilder();
            new Writer(inner, include).Write(element);
            return string.Join('\n', TextLayout.Tidy(Clean(inner.ToString())).Split('\n').Where(l => l.Trim().Length > 0));
        }

        private string Preformatted(IElement element)
        {
            var code = new StringBuilder();
            void Collect(INode node)
            {
                foreach (var child in node.ChildNodes)
                {
                    if (!include(child))
                        continue;
                    if (child is IText content)
                        code.Append(content.Data);
                    else if (child is IElement { LocalName: "br" })
                        code.Append('\n');
                    else
                        Collect(child);
                }
            }
            Collect(element);
            return Clean(code.ToString());
        }

        private void Flush()
        {
            var lines = Clean(_inline.ToString()).Split(LineBreak).Select(TextLayout.OneLine).Where(l => l.Length > 0);
            var paragraph = string.Join('\n', lines);
            if (paragraph.Length > 0)
                Paragraph(paragraph);
            _inline.Clear();
        }

        private void Paragraph(string paragraph)
        {
            if (paragraph.Trim().Length == 0)
                return;
            if (text.Length > 0)
                text.Append("\n\n");
            text.Append(paragraph);
        }
    }

    /// <summary>Characters that render as nothing: zero-width spaces and joiners, soft hyphens, stray BOMs.</summary>
    private static string Clean(string text) =>
        text.IndexOfAny(['\u200B', '\u200C', '\u200D', '\u00AD', '\uFEFF']) < 0
            ? text
            : new string(text.Where(c => c is not ('\u200B' or '\u200C' or '\u200D' or '\u00AD' or '\uFEFF')).ToArray());
}
