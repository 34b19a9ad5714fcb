using GraphRag.Ingest.Reading;

namespace GraphRag.Ingest;

/// <summary>
/// One article read from a file, cleaned. <see cref="Text"/> is what chunk offsets index into;
/// headings stay in it as Markdown lines ("## Heading") so that chunking can follow the structure.
/// </summary>
/// <param name="Key">Identity inside its file, stable across re-reads: the title, plus " #2" etc. for repeats.</param>
/// <param name="Pages">For paginated sources (PDF): where each page starts in <see cref="Text"/>.</param>
public sealed record Article(
    string Key,
    string Title,
    string Text,
    string? Source = null,
    string? Author = null,
    string? Published = null,
    PageMap? Pages = null);
