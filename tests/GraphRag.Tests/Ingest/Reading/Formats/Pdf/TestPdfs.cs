using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace GraphRag.Tests.Ingest.Reading.Formats.Pdf;

/// <summary>
/// PDFs built in the tests with PdfPig's writer (nothing committed, nothing to install): a three-page
/// report with a running header, page-number footers, a title and headings set larger than the 11 pt
/// body, a word hyphenated across a line break, a bulleted list, a two-column page and a paragraph
/// that runs on from one page to the next; plus an image-only page (a scan) and an encrypted file.
/// </summary>
public static class TestPdfs
{
    public const string RunningHeader = "Field Notes on Graphs — internal draft";

    private const double Body = 11, Leading = 14, Left = 72, Top = 760;

    public static byte[] Report()
    {
        var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);

        var page1 = Page(builder, regular, 1);
        page1.AddText("Knowledge Graphs in Practice", 22, new PdfPoint(Left, Top - 10), bold);
        page1.AddText("Why graphs", 15, new PdfPoint(Left, Top - 60), bold);
        var y = Lines(page1, regular, Left, Top - 85,
            "Graphs store entities and the relations between them. A triple names a",
            "subject, a predicate and an object. Most teams keep inter-",
            "national identifiers for entities, so that two sources agree on who",
            "is who.");
        y = Lines(page1, regular, Left, y - 10,
            "Three habits keep a graph useful:");
        y = Lines(page1, regular, Left + 10, y,
            "• name every relation with a verb",
            "• record where each fact came from",
            "• merge duplicates early");
        page1.AddText("Storing triples", 13, new PdfPoint(Left, y - 20), bold);
        Lines(page1, regular, Left, y - 45,
            "A property graph keeps attributes on nodes and edges, while an RDF",
            "store keeps everything as triples. Either way the questions we ask",
            "decide the schema, and the schema should stay small enough to draw on");

        var page2 = Page(builder, regular, 2);
        y = Lines(page2, regular, Left, Top,
            "one page. Drawing it is the cheapest review there is.");
        page2.AddText("Two columns", 15, new PdfPoint(Left, y - 20), bold);
        var columnTop = y - 50;
        Lines(page2, regular, Left, columnTop,
            "The left column is read first. It",
            "explains that nodes carry labels",
            "and properties, and that a label",
            "groups nodes of one kind, such as",
            "Person or Paper, so that queries",
            "can start from all nodes of that");
        Lines(page2, regular, 320, columnTop,
            "kind at once. The right column is",
            "read second. It explains that an",
            "edge has a type and a direction,",
            "and that a traversal follows the",
            "edges from one node to the next",
            "until it reaches the answer.");

        var page3 = Page(builder, regular, 3);
        Lines(page3, regular, Left, Top,
            "Queries come last. A question becomes a pattern of nodes and edges,",
            "and the store returns every place where the pattern matches.");

        builder.DocumentInformation.Title = "Microsoft Word - graphs-draft.docx";
        builder.DocumentInformation.Author = "Ada Lovelace";
        builder.DocumentInformation.CreationDate = "D:20240305101500+01'00'";
        return builder.Build();
    }

    /// <summary>One page with no text layer, only a picture: what a scanner produces.</summary>
    public static byte[] Scan()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.AddPng(OnePixelPng, new PdfRectangle(0, 0, 595, 842));
        return builder.Build();
    }

    /// <summary>
    /// A one-page PDF whose trailer names a Standard security handler (RC4, revision 2) with owner and
    /// user keys that no password reproduces, so it cannot be opened without the (unknown) password.
    /// Written by hand because PdfPig's writer does not encrypt.
    /// </summary>
    public static byte[] Encrypted()
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length 42 >>\nstream\nBT /F1 12 Tf 20 100 Td (Secret notes) Tj ET\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Filter /Standard /V 1 /R 2 /O <{new string('A', 64)}> /U <{new string('B', 64)}> /P -44 >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 6 0 R /ID [<{new string('C', 32)}> <{new string('C', 32)}>] >>\n");
        pdf.Append($"startxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>A valid 1×1 grey PNG (signature, IHDR, IDAT, IEND).</summary>
    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==");

    /// <summary>A page with the running header at the top and its number at the foot.</summary>
    private static PdfPageBuilder Page(PdfDocumentBuilder builder, PdfDocumentBuilder.AddedFont font, int number)
    {
        var page = builder.AddPage(PageSize.A4);
        page.AddText(RunningHeader, 9, new PdfPoint(Left, 805), font);
        page.AddText(number.ToString(System.Globalization.CultureInfo.InvariantCulture), 9, new PdfPoint(292, 40), font);
        return page;
    }

    /// <returns>The baseline below the last line.</returns>
    private static double Lines(PdfPageBuilder page, PdfDocumentBuilder.AddedFont font, double x, double y, params string[] lines)
    {
        foreach (var line in lines)
        {
            page.AddText(line, Body, new PdfPoint(x, y), font);
            y -= Leading;
        }
        return y;
    }
}
