namespace GraphRag.Ingest.Reading;

/// <summary>An article as a format reader found it, before tidying, de-duplication and keys.</summary>
/// <param name="Title">Null or empty when the format gives none; the file name is used then.</param>
/// <param name="Pages">Where each page starts in <paramref name="Text"/>, for paginated sources; the text must
/// then already be tidy (<see cref="TextLayout.Tidy"/>), since tidying would move the offsets.</param>
public sealed record ArticleDraft(
    string? Title,
    string Text,
    string? Source = null,
    string? Author = null,
    string? Published = null,
    PageMap? Pages = null);
