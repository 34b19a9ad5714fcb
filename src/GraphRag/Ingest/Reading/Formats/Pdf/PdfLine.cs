namespace GraphRag.Ingest.Reading.Formats.Pdf;

/// <summary>One printed line of a PDF page, in reading order.</summary>
/// <param name="Text">The line's words, one space apart.</param>
/// <param name="FontSize">The median size of its letters in points, rounded to half a point.</param>
/// <param name="Top">Top edge in PDF units, measured up from the bottom of the page.</param>
/// <param name="Bottom">Bottom edge, likewise.</param>
/// <param name="Width">Width in PDF units.</param>
/// <param name="Block">The layout block (paragraph, column piece) the line belongs to, numbered in reading order.</param>
public sealed record PdfLine(string Text, double FontSize, double Top, double Bottom, double Width, int Block);

/// <summary>A page's lines in reading order.</summary>
/// <param name="Number">1 for the first page of the document.</param>
public sealed record PdfPageLines(int Number, double Height, IReadOnlyList<PdfLine> Lines);
