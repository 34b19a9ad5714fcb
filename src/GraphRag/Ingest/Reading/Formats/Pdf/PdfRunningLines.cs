using System.Text.RegularExpressions;

namespace GraphRag.Ingest.Reading.Formats.Pdf;

/// <summary>
/// Page furniture: running headers and footers and page numbers. A candidate is one of the two
/// outermost lines at the top or bottom of a page, inside the top or bottom margin band. It is
/// furniture when it is a bare page number ("7", "Page 7 of 12", "– vii –"), or when the same line,
/// digits aside, stands at the edge of other pages too (a running title, "Draft – page 3").
/// </summary>
public static partial class PdfRunningLines
{
    /// <summary>Share of the page height, from the top and from the bottom, where headers and footers sit.</summary>
    private const double MarginBand = 0.12;

    /// <summary>Lines at the edge of each page that are looked at.</summary>
    private const int EdgeLines = 2;

    /// <summary>Share of the pages a running line must recur on (at least two pages).</summary>
    private const double RecurringShare = 0.4;

    public static IReadOnlySet<PdfLine> Find(IReadOnlyList<PdfPageLines> pages)
    {
        var candidates = pages.Select(Candidates).ToList();
        var pagesWith = candidates
            .SelectMany(page => page.Select(Shape).Distinct())
            .CountBy(shape => shape)
            .ToDictionary(p => p.Key, p => p.Value);
        var needed = Math.Max(2, (int)Math.Ceiling(pages.Count * RecurringShare));
        // By reference: the same words at the same place on two pages are two lines.
        return new HashSet<PdfLine>(
            candidates.SelectMany(page => page).Where(line => PageNumber().IsMatch(line.Text) || pagesWith[Shape(line)] >= needed),
            ReferenceEqualityComparer.Instance);
    }

    private static List<PdfLine> Candidates(PdfPageLines page)
    {
        var byHeight = page.Lines.OrderByDescending(l => l.Top).ToList();
        var top = byHeight.Take(EdgeLines).Where(l => l.Bottom >= page.Height * (1 - MarginBand));
        var bottom = byHeight.AsEnumerable().Reverse().Take(EdgeLines).Where(l => l.Top <= page.Height * MarginBand);
        return top.Concat(bottom).Distinct(ReferenceEqualityComparer.Instance).Cast<PdfLine>().ToList();
    }

    /// <summary>The line with its numbers blanked and case folded: "Page 3 of 9" and "Page 4 of 9" have one shape.</summary>
    private static string Shape(PdfLine line) => Digits().Replace(TextLayout.OneLine(line.Text).ToLowerInvariant(), "#");

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^[\s\-–—|·•]*((page|p\.|seite)\s*)?(\d{1,4}|[ivxlc]{1,6})(\s*(of|/|von)\s*\d{1,4})?[\s\-–—|·•]*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
