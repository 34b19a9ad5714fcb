namespace GraphRag.Ingest.Reading;

/// <summary>One shape of file (a web-article bundle, a slide deck, Markdown, …) and how to cut it into articles.</summary>
public interface IFormatReader
{
    /// <summary>Short name reported in <see cref="ReadReport.Format"/>.</summary>
    string Format { get; }

    /// <summary>True when the file has this reader's signature (its content, or its extension for the generic formats).</summary>
    bool Recognizes(DecodedFile file);

    IEnumerable<ArticleDraft> Read(DecodedFile file);
}
