using Markdig.Syntax;

namespace GraphRag.Ingest.Reading.Formats;

/// <summary>
/// Markdown files (.md). One article titled by the first heading (or the file name), unless the file
/// is clearly a collection: several level-1 headings, which a single document does not have. Then
/// each level-1 section is an article, and text before the first one (if any) is one more.
/// </summary>
public sealed class MarkdownReader : IFormatReader
{
    public string Format => "markdown";

    public bool Recognizes(DecodedFile file) => file.Extension is ".md" or ".markdown" or ".mdown" or ".mkd";

    public IEnumerable<ArticleDraft> Read(DecodedFile file)
    {
        var blocks = MarkdownText.Parse(file.Text).ToList();
        var topHeadings = blocks.OfType<HeadingBlock>().Where(h => h.Level == 1).ToList();
        if (topHeadings.Count < 2)
            return [Single(blocks, file.Name)];

        var drafts = new List<ArticleDraft>();
        var preamble = blocks.TakeWhile(b => b != topHeadings[0]).ToList();
        if (MarkdownText.Render(preamble).Length > 0)
            drafts.Add(new ArticleDraft(file.Name, MarkdownText.Render(preamble)));
        for (var i = 0; i < topHeadings.Count; i++)
        {
            var start = blocks.IndexOf(topHeadings[i]);
            var end = i + 1 < topHeadings.Count ? blocks.IndexOf(topHeadings[i + 1]) : blocks.Count;
            drafts.Add(new ArticleDraft(
                MarkdownText.InlineText(topHeadings[i].Inline),
                MarkdownText.Render(blocks.Skip(start + 1).Take(end - start - 1))));
        }
        return drafts;
    }

    /// <summary>The whole file as one article; a heading that opens it is the title, not part of the text.</summary>
    private static ArticleDraft Single(List<Block> blocks, string fileName)
    {
        var first = blocks.FirstOrDefault(b => b is not LinkReferenceDefinitionGroup);
        if (first is HeadingBlock heading)
            return new ArticleDraft(MarkdownText.InlineText(heading.Inline), MarkdownText.Render(blocks.Where(b => b != heading)));
        var anyHeading = blocks.OfType<HeadingBlock>().FirstOrDefault();
        var title = anyHeading is null ? fileName : MarkdownText.InlineText(anyHeading.Inline);
        return new ArticleDraft(title, MarkdownText.Render(blocks));
    }
}
