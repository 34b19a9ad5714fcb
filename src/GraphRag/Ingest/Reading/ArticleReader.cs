namespace GraphRag.Ingest.Reading;

/// <summary>
/// Turns one file into cleaned articles: decodes it (UTF-8 with or without BOM, CRLF), rejects
/// what is not text, recognises its shape and hands it to the matching format reader.
/// </summary>
public sealed class ArticleReader
{
    /// <summary>Files larger than this are refused rather than read into memory.</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    /// <exception cref="IngestionException">The file is empty, binary, not UTF-8, too large, or holds no article.</exception>
    public ReadReport Read(string path) => Read(path, File.ReadAllBytes(path));

    public ReadReport Read(string path, byte[] bytes) => throw new NotImplementedException("reader helper: in progress");
}
