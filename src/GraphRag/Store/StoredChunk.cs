namespace GraphRag.Store;

/// <summary>A chunk row: a passage of its article's cleaned text, [StartOffset, EndOffset).</summary>
public sealed record StoredChunk(
    long Id,
    long ArticleId,
    int Ordinal,
    string HeadingPath,
    int StartOffset,
    int EndOffset,
    int TokenCount,
    string Text);
