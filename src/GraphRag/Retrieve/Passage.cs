namespace GraphRag.Retrieve;

/// <summary>A chunk as a citable passage: its text and where it sits in its article.</summary>
/// <param name="StartOffset">Start of <see cref="Text"/> in the article's cleaned text.</param>
public sealed record Passage(
    long ChunkId,
    long ArticleId,
    string Title,
    string HeadingPath,
    string Text,
    int StartOffset,
    int EndOffset);
