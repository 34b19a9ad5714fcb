namespace GraphRag.Answer;

/// <summary>A numbered source of an answer: the exact quoted passage and where it sits in its article.</summary>
/// <param name="StartOffset">Start of <see cref="Quote"/> in the article's cleaned text.</param>
public sealed record Citation(
    int N,
    long ChunkId,
    long ArticleId,
    string Title,
    string HeadingPath,
    string Quote,
    int StartOffset,
    int EndOffset);
