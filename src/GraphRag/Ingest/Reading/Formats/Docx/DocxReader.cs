using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GraphRag.Ingest.Reading.Formats.Docx;

/// <summary>
/// Word documents (.docx), with the Open XML SDK: one article per file. Headings come from styles
/// ("## " for Heading 1, "### " for Heading 2, …), list paragraphs keep a line each with their bullet
/// ("- ") or number ("1.", "a)", "1.2."), tables become one line per row with " | " between cells,
/// and footnotes and endnotes are numbered "[1]" where they are cited and listed under "## Notes" at
/// the end. The title is the paragraph in the Title style, else an opening heading, else the document's
/// Title property, else the file name. Deleted revisions, field codes and drawings are left out.
/// </summary>
public sealed class DocxReader : IBinaryFormatReader
{
    private static readonly HashSet<string> WordExtensions = new(StringComparer.OrdinalIgnoreCase) { ".docx", ".docm", ".dotx", ".dotm" };

    /// <summary>The signature of a ZIP package (what a .docx is) and of an OLE compound file (what Word
    /// makes of a .docx when it encrypts it, and what an old .doc is).</summary>
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public string Format => "docx";

    public bool Recognizes(string path, ReadOnlySpan<byte> bytes) =>
        WordExtensions.Contains(Path.GetExtension(path)) && (bytes.StartsWith(ZipSignature) || bytes.StartsWith(OleSignature));

    public ExtractedDocument Read(string path, byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(OleSignature))
            throw new IngestionException(path, IsEncrypted(bytes)
                ? "the Word document is encrypted with a password; save it without the password and ingest that copy"
                : "an OLE compound file, not a .docx package (a Word 97–2003 .doc renamed?); save it as .docx");
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false);
            return Extract(path, document);
        }
        catch (Exception ex) when (ex is not IngestionException)
        {
            // Parts load lazily, so a damaged package can fail at open or at any part: one message for all.
            throw new IngestionException(path, $"not a readable Word document (damaged or truncated?): {ex.Message}");
        }
    }

    private static ExtractedDocument Extract(string path, WordprocessingDocument document)
    {
        var main = document.MainDocumentPart
            ?? throw new IngestionException(path, "the package holds no Word document (no word/document.xml); is it a .docx?");
        var body = main.Document?.Body
            ?? throw new IngestionException(path, "the Word document has no body");

        var text = new DocxText(new DocxStyles(main), new DocxNumbering(main), Notes(main));
        text.WriteBlocks(body);
        text.WriteNotes();

        var properties = document.PackageProperties;
        var title = text.Title ?? (string.IsNullOrWhiteSpace(properties.Title) ? null : properties.Title);
        var draft = new ArticleDraft(title, text.Text,
            Author: properties.Creator,
            Published: properties.Created?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return new ExtractedDocument([draft], text.SourceCharacters);
    }

    /// <summary>An encrypted Office file is an OLE compound file holding an "EncryptedPackage" stream
    /// (MS-OFFCRYPTO); directory entry names are UTF-16.</summary>
    private static bool IsEncrypted(byte[] bytes) => bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes("EncryptedPackage")) >= 0;

    /// <summary>Footnote and endnote bodies by (kind, id); the separators Word keeps among them are left out.</summary>
    private static Dictionary<(string Kind, long Id), OpenXmlElement> Notes(MainDocumentPart main)
    {
        var notes = new Dictionary<(string, long), OpenXmlElement>();
        foreach (var note in main.FootnotesPart?.Footnotes?.Elements<Footnote>() ?? [])
            if (note.Id?.Value is { } id && note.Type is null)
                notes[("footnote", id)] = note;
        foreach (var note in main.EndnotesPart?.Endnotes?.Elements<Endnote>() ?? [])
            if (note.Id?.Value is { } id && note.Type is null)
                notes[("endnote", id)] = note;
        return notes;
    }
}
