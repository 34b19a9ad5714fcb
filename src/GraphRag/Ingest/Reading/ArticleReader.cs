using GraphRag.Ingest.Reading.Formats;

namespace GraphRag.Ingest.Reading;

/// <summary>
/// Turns one file into cleaned articles: decodes it (UTF-8 with or without BOM, CRLF), rejects
/// what is not text, repairs mojibake, recognises its shape and hands it to the matching format reader.
/// </summary>
public sealed class ArticleReader
{
    /// <summary>Files larger than this are refused rather than read into memory.</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

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

    /// <exception cref="IngestionException">The bytes are empty, binary, not UTF-8, too large, or hold no article.</exception>
    public ReadReport Read(string path, byte[] bytes)
    {
        var decoded = TextDecoder.Decode(path, bytes);
        var file = new DecodedFile(path, MojibakeRepair.Repair(decoded, out _));
        var format = Formats.First(f => f.Recognizes(file));

        var collector = new ArticleCollector(file.Name);
        try
        {
            foreach (var draft in format.Read(file))
                collector.Add(draft);
        }
        catch (Exception ex) when (ex is not IngestionException)
        {
            // A file that trips a format reader is one bad file: report it by name, keep the batch going.
            throw new IngestionException(path, $"could not be read as {format.Format}: {ex.Message}");
        }
        if (collector.Articles.Count == 0)
            throw new IngestionException(path, $"no article found (read as {format.Format}; nothing was left after cleaning)");

        var kept = collector.CharactersKept;
        return new ReadReport(path, format.Format, collector.Articles, collector.DuplicatesDropped,
            kept, Math.Max(0, decoded.Length - kept));
    }
}
