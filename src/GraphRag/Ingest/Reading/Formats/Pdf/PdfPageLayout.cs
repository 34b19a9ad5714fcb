using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace GraphRag.Ingest.Reading.Formats.Pdf;

/// <summary>
/// A page's letters as lines in reading order, with PdfPig's layout analysis: letters → words (nearest
/// neighbour), words → lines → blocks (Docstrum, which keeps the columns of a multi-column page apart),
/// blocks ordered by spatial reasoning (columns top to bottom, left to right).
/// </summary>
public static class PdfPageLayout
{
    public static PdfPageLines Lines(Page page)
    {
        var words = NearestNeighbourWordExtractor.Instance.GetWords(page.Letters);
        var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
        var lines = new List<PdfLine>();
        var blockNumber = 0;
        foreach (var block in UnsupervisedReadingOrderDetector.Instance.Get(blocks))
        {
            foreach (var line in block.TextLines)
            {
                var text = Clean(line);
                if (text.Length > 0)
                    lines.Add(new PdfLine(text, FontSize(line), line.BoundingBox.Top, line.BoundingBox.Bottom, line.BoundingBox.Width, blockNumber));
            }
            blockNumber++;
        }
        return new PdfPageLines(page.Number, page.Height, lines);
    }

    /// <summary>Words one space apart, with control characters (unmapped glyphs) taken out.</summary>
    private static string Clean(TextLine line)
    {
        var text = string.Join(' ', line.Words.Select(w => w.Text));
        return TextLayout.OneLine(new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()));
    }

    private static double FontSize(TextLine line)
    {
        var sizes = line.Words.SelectMany(w => w.Letters).Select(l => l.PointSize).Order().ToArray();
        return sizes.Length == 0 ? 0 : Math.Round(sizes[sizes.Length / 2] * 2, MidpointRounding.AwayFromZero) / 2;
    }
}
