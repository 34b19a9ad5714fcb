using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace GraphRag.Ingest.Reading.Formats.Pdf;

/// <summary>
/// PDF documents, with PdfPig: one article per file, its text in reading order (columns kept apart),
/// running headers, footers and page numbers removed, headings from font size, and a page map so a
/// passage can cite its pages. The title is the first top-level heading of page 1 (else the document's
/// Title property, unless it is a converter's placeholder, else the file name). Encrypted files, image-only
/// files (scans without a text layer) and damaged files are refused with the reason.
/// </summary>
public sealed partial class PdfReader : IBinaryFormatReader
{
    public string Format => "pdf";

    public bool Recognizes(string path, ReadOnlySpan<byte> bytes) => bytes.StartsWith("%PDF-"u8);

    public ExtractedDocument Read(string path, byte[] bytes)
    {
        using var document = Open(path, bytes);
        var pages = new List<PdfPageLines>();
        var imagePages = 0;
        for (var number = 1; number <= document.NumberOfPages; number++)
        {
            try
            {
                var page = document.GetPage(number);
                pages.Add(PdfPageLayout.Lines(page));
                if (page.Letters.Count == 0 && page.GetImages().Any())
                    imagePages++;
            }
            catch (Exception ex)
            {
                throw new IngestionException(path, $"page {number} of the PDF could not be read (the file may be damaged): {ex.Message}");
            }
        }
        if (pages.All(p => p.Lines.Count == 0))
            throw new IngestionException(path, imagePages > 0
                ? $"the PDF has no text layer: its {PagesHold(imagePages)} only images (a scan?); OCR is not supported, so run the file through an OCR tool first"
                : "the PDF holds no text");

        var furniture = PdfRunningLines.Find(pages);
        var body = pages.Select(p => p with { Lines = p.Lines.Where(l => !furniture.Contains(l)).ToList() }).ToList();
        var runs = PdfHeadings.Runs(body);
        var titleRun = runs.FirstOrDefault(r => r.Level == 1 && r.Page == 1);
        var writer = new PdfTextWriter();
        foreach (var run in runs.Where(r => !ReferenceEquals(r, titleRun)))
            writer.Write(run);

        var title = titleRun?.Text ?? MetadataTitle(document.Information.Title);
        var sourceCharacters = pages.Sum(p => p.Lines.Sum(l => (long)l.Text.Length + 1));
        var draft = new ArticleDraft(title, writer.Text,
            Author: document.Information.Author,
            Published: PdfDate(document.Information.CreationDate),
            Pages: writer.Text.Length == 0 ? null : writer.Pages);
        return new ExtractedDocument([draft], sourceCharacters);
    }

    private static PdfDocument Open(string path, byte[] bytes)
    {
        try
        {
            return PdfDocument.Open(bytes);
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new IngestionException(path, "the PDF is encrypted with a password; save or print it without the password and ingest that copy");
        }
        catch (Exception ex)
        {
            throw new IngestionException(path, $"not a readable PDF (damaged or truncated?): {ex.Message}");
        }
    }

    private static string PagesHold(int count) => count == 1 ? "one page holds" : $"{count} pages hold";

    /// <summary>The Title property, unless it is a placeholder a converter wrote ("Microsoft Word - notes.docx", "Untitled").</summary>
    private static string? MetadataTitle(string? title) =>
        string.IsNullOrWhiteSpace(title) || PlaceholderTitle().IsMatch(title.Trim()) ? null : title.Trim();

    /// <summary>"D:20240305101500+01'00'" → "2024-03-05".</summary>
    private static string? PdfDate(string? value) =>
        value is not null && PdfDateParts().Match(value) is { Success: true } date
            ? $"{date.Groups[1].Value}-{date.Groups[2].Value}-{date.Groups[3].Value}"
            : null;

    [GeneratedRegex(@"^(untitled|microsoft (word|powerpoint) - .*|.*\.(docx?|pptx?|pdf|odt|tex|txt))$", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceholderTitle();

    [GeneratedRegex(@"^(?:D:)?(\d{4})(\d{2})(\d{2})")]
    private static partial Regex PdfDateParts();
}
