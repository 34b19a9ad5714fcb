namespace GraphRag.Ingest.Reading.Formats.Pdf;

/// <summary>
/// Headings from font size. The body size is the size most of the document's characters are set in;
/// a run of lines set clearly larger than that, and short enough to be a heading, is a heading. Its
/// level is the rank of its size among the heading sizes of the document (largest = 1), so a paper's
/// title, section and subsection headings come out as levels 1, 2 and 3.
/// </summary>
public static class PdfHeadings
{
    /// <summary>How much larger than the body a line must be set to count as a heading: 15%, which
    /// separates 11 pt body text from 13 pt headings but not from 11.5 pt rounding noise.</summary>
    public const double SizeRatio = 1.15;

    /// <summary>A larger-set run longer than this is a pull quote or a lead paragraph, not a heading.</summary>
    public const int MaxWords = 20;

    private const int MaxLevel = 6;

    /// <summary>The page's lines cut into runs: body lines of a block together, each heading on its own.</summary>
    public static IReadOnlyList<PdfRun> Runs(IReadOnlyList<PdfPageLines> pages)
    {
        var body = BodySize(pages.SelectMany(p => p.Lines));
        var raw = new List<(int Page, int Block, double Size, List<PdfLine> Lines)>();
        foreach (var page in pages)
            foreach (var line in page.Lines)
            {
                var size = line.FontSize >= body * SizeRatio ? line.FontSize : 0;
                if (raw.Count > 0 && raw[^1] is var last && last.Page == page.Number && last.Block == line.Block && last.Size == size)
                    last.Lines.Add(line);
                else
                    raw.Add((page.Number, line.Block, size, [line]));
            }

        bool IsHeading((int Page, int Block, double Size, List<PdfLine> Lines) run) =>
            run.Size > 0 && run.Lines.Sum(l => l.Text.Split(' ').Length) <= MaxWords && run.Lines.Any(l => l.Text.Any(char.IsLetter));
        var ranks = raw.Where(IsHeading).Select(r => r.Size).Distinct().OrderDescending().ToList();

        var runs = new List<PdfRun>();
        foreach (var run in raw)
        {
            var level = IsHeading(run) ? Math.Min(ranks.IndexOf(run.Size) + 1, MaxLevel) : 0;
            // Body text set in a larger size is body text: it joins the body lines around it in its block.
            if (level == 0 && runs.Count > 0 && runs[^1] is { Level: 0 } previous && previous.Page == run.Page && previous.Block == run.Block)
                runs[^1] = previous with { Lines = [.. previous.Lines, .. run.Lines] };
            else
                runs.Add(new PdfRun(run.Page, run.Block, level, run.Lines));
        }
        return runs;
    }

    /// <summary>The size most characters are set in.</summary>
    private static double BodySize(IEnumerable<PdfLine> lines) =>
        lines.GroupBy(l => l.FontSize)
            .Select(g => (Size: g.Key, Characters: g.Sum(l => l.Text.Length)))
            .OrderByDescending(g => g.Characters)
            .ThenBy(g => g.Size)
            .FirstOrDefault().Size;
}
