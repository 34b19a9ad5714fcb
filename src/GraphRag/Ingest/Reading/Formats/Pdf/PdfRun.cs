namespace GraphRag.Ingest.Reading.Formats.Pdf;

/// <summary>Consecutive lines of one layout block that are either all body text (level 0) or one heading.</summary>
/// <param name="Level">0 for body text; 1 for the largest heading size of the document, 2 for the next, ….</param>
public sealed record PdfRun(int Page, int Block, int Level, IReadOnlyList<PdfLine> Lines)
{
    public string Text => string.Join(' ', Lines.Select(l => l.Text));
}
