namespace GraphRag.Ingest.Reading;

/// <summary>
/// A document format that is read from its bytes rather than from decoded text (PDF, Word).
/// These are tried before text decoding, by signature, so a PDF is never refused as "binary".
/// </summary>
public interface IBinaryFormatReader
{
    /// <summary>Short name reported in <see cref="ReadReport.Format"/>.</summary>
    string Format { get; }

    /// <summary>True when the bytes carry this format's signature (and, for container formats, its extension).</summary>
    bool Recognizes(string path, ReadOnlySpan<byte> bytes);

    /// <exception cref="IngestionException">The document is encrypted, damaged, or holds no text.</exception>
    ExtractedDocument Read(string path, byte[] bytes);
}

/// <summary>The articles found in a binary document.</summary>
/// <param name="SourceCharacters">Characters of text the document holds before cleaning (its words with one
/// space or line break between them): the base for <see cref="ReadReport.CharactersRemoved"/>.</param>
public sealed record ExtractedDocument(IReadOnlyList<ArticleDraft> Articles, long SourceCharacters);
