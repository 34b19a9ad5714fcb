using GraphRag.Ingest.Reading.Formats;
using GraphRag.Ingest.Reading.Formats.Docx;
using GraphRag.Ingest.Reading.Formats.Html;
using GraphRag.Ingest.Reading.Formats.Pdf;

namespace GraphRag.Ingest.Reading;

/// <summary>
/// Turns one file into cleaned articles. Documents with a binary format of their own (PDF, Word) are
/// recognised by signature and read from their bytes; anything else is decoded (UTF-8 with or without
/// BOM, CRLF), refused when it is not text, repaired for mojibake, recognised by shape and handed to
/// the matching text format reader.
/// </summary>
public sealed class ArticleReader
{
    /// <summary>Files larger than this are refused rather than read into memory.</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    private static readonly IBinaryFormatReader[] BinaryFormats = [new PdfReader(), new DocxReader()];

    /// <summary>Content signatures first (they name one known shape each), then the generic formats
    /// chosen by extension, then plain text, which takes anything.</summary>
    private static readonly IFormatReader[] Formats =
    [
        new BundleReader(),
        new SlideDeckReader(),
        new FeedReader(),
        new NewsletterReader(),
        new AnchoredMarkdownReader(),
        new HtmlReader(),
        new MarkdownReader(),
        new PlainTextReader(),
    ];

    /// <exception cref="IngestionException">The file is missing, empty, binary, not UTF-8, too large, or holds no article.</exception>
    public ReadReport Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new IngestionException(path, "the file does not exist");
        // Check the length before reading so that a huge file is refused without loading it.
        if (info.Length > MaxFileBytes)
            throw TextDecoder.TooLarge(path, info.Length);
        return Read(path, File.ReadAllBytes(path));
    }

    /// <exception cref="IngestionException">The bytes are empty, binary, not UTF-8, too large, encrypted, damaged, or hold no article.</exception>
    public ReadReport Read(string path, byte[] bytes)
    {
        if (bytes.Length > MaxFileBytes)
            throw TextDecoder.TooLarge(path, bytes.Length);
        var binary = BinaryFormats.FirstOrDefault(f => f.Recognizes(path, bytes));
        if (binary is not null)
            return Collect(path, binary.Format, () => binary.Read(path, bytes));

        var decoded = TextDecoder.Decode(path, bytes);
        var file = new DecodedFile(path, MojibakeRepair.Repair(decoded, out _));
        var format = Formats.First(f => f.Recognizes(file));
        return Collect(path, format.Format, () => new ExtractedDocument(format.Read(file).ToList(), decoded.Length));
    }

    private static ReadReport Collect(string path, string format, Func<ExtractedDocument> read)
    {
        var collector = new ArticleCollector(Path.GetFileNameWithoutExtension(path));
        long sourceCharacters;
        try
        {
            var document = read();
            sourceCharacters = document.SourceCharacters;
            foreach (var draft in document.Articles)
                collector.Add(draft);
        }
        catch (Exception ex) when (ex is not IngestionException)
        {
            // A file that trips a format reader is one bad file: report it by name, keep the batch going.
            throw new IngestionException(path, $"could not be read as {format}: {ex.Message}");
        }
        if (collector.Articles.Count == 0)
            throw new IngestionException(path, $"no article found (read as {format}; nothing was left after cleaning)");

        var kept = collector.CharactersKept;
        return new ReadReport(path, format, collector.Articles, collector.DuplicatesDropped,
            kept, Math.Max(0, sourceCharacters - kept));
    }
}
