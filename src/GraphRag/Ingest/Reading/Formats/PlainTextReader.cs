namespace GraphRag.Ingest.Reading.Formats;

/// <summary>Any text file: one article, titled by its first line when that line is short enough to be a title.</summary>
public sealed class PlainTextReader : IFormatReader
{
    private const int MaxTitleLength = 150;

    public string Format => "text";

    public bool Recognizes(DecodedFile file) => true;

    public IEnumerable<ArticleDraft> Read(DecodedFile file)
    {
        var text = file.Text.TrimStart('\uFEFF', '\n', ' ', '\t');
        var firstBreak = text.IndexOf('\n');
        // A text file written Markdown-style ("# Title") is titled without the marker.
        var firstLine = (firstBreak < 0 ? text : text[..firstBreak]).Trim().TrimStart('#').Trim();
        if (firstLine.Length is > 0 and <= MaxTitleLength)
            return [new ArticleDraft(firstLine, firstBreak < 0 ? "" : text[(firstBreak + 1)..])];
        return [new ArticleDraft(file.Name, text)];
    }
}
