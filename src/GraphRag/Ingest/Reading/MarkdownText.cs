using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GraphRag.Ingest.Reading;

/// <summary>
/// Renders Markdown as the cleaned text articles keep: headings stay as ATX lines ("## Heading",
/// setext headings included), lists keep their markers, line breaks stay, links and emphasis become their plain
/// words (URLs and markers would only add noise to search and the graph), images and HTML tags go.
/// </summary>
public static partial class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    public static string Render(string markdown) => Render(Parse(markdown));

    public static string Render(IEnumerable<Block> blocks)
    {
        var builder = new StringBuilder();
        foreach (var block in blocks)
            AppendBlock(builder, block, indent: "");
        return TextLayout.Tidy(builder.ToString());
    }

    /// <summary>The plain words of a heading or paragraph's inlines.</summary>
    public static string InlineText(ContainerInline? inline)
    {
        var builder = new StringBuilder();
        AppendInlines(builder, inline);
        return builder.ToString();
    }

    private static void AppendBlock(StringBuilder builder, Block block, string indent)
    {
        switch (block)
        {
            case HeadingBlock heading:
                var title = TextLayout.OneLine(InlineText(heading.Inline));
                if (title.Length > 0)
                    builder.Append(indent).Append('#', heading.Level).Append(' ').Append(title).Append("\n\n");
                break;
            case ParagraphBlock paragraph:
                AppendLines(builder, InlineText(paragraph.Inline), indent);
                builder.Append('\n');
                break;
            case CodeBlock code:
                foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                    builder.Append(indent).Append(line.Slice.ToString()).Append('\n');
                builder.Append('\n');
                break;
            case HtmlBlock html:
                AppendLines(builder, StripTags(string.Join('\n', html.Lines.Lines.Take(html.Lines.Count).Select(l => l.Slice.ToString()))), indent);
                builder.Append('\n');
                break;
            case ListBlock list:
                AppendList(builder, list, indent);
                break;
            case QuoteBlock quote:
                var inner = new StringBuilder();
                foreach (var child in quote)
                    AppendBlock(inner, child, "");
                AppendLines(builder, TextLayout.Tidy(inner.ToString()), indent + "> ");
                builder.Append('\n');
                break;
            case ContainerBlock container:
                foreach (var child in container)
                    AppendBlock(builder, child, indent);
                break;
        }
    }

    private static void AppendList(StringBuilder builder, ListBlock list, string indent)
    {
        var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var marker = list.IsOrdered ? $"{number++}. " : "- ";
            var inner = new StringBuilder();
            foreach (var child in item)
                AppendBlock(inner, child, "");
            var lines = TextLayout.Tidy(inner.ToString()).Split('\n').Where(l => l.Length > 0).ToArray();
            if (lines.Length == 0)
                continue;
            builder.Append(indent).Append(marker).Append(lines[0]).Append('\n');
            foreach (var line in lines.Skip(1))
                builder.Append(indent).Append(' ', marker.Length).Append(line).Append('\n');
        }
        builder.Append('\n');
    }

    private static void AppendLines(StringBuilder builder, string text, string prefix)
    {
        foreach (var line in text.Split('\n'))
            builder.Append(line.Length == 0 ? prefix.TrimEnd() : prefix + line).Append('\n');
    }

    private static void AppendInlines(StringBuilder builder, ContainerInline? container)
    {
        if (container is null)
            return;
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline:
                    // Notes use line breaks inside a paragraph for lists without markers ("♠ …", "♥ …"): keep them.
                    builder.Append('\n');
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.ToString());
                    break;
                case AutolinkInline autolink:
                    builder.Append(autolink.Url);
                    break;
                case LinkInline { IsImage: true }:
                    break;
                case HtmlInline:
                    break;
                case ContainerInline nested:
                    AppendInlines(builder, nested);
                    break;
            }
        }
    }

    /// <summary>Text of an HTML fragment with its tags removed (Markdown files carry &lt;br&gt; and anchors).</summary>
    public static string StripTags(string html) => WebUtility.HtmlDecode(Tag().Replace(html, ""));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
