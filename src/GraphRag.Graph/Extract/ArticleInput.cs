namespace GraphRag.Graph.Extract;

/// <summary>What extraction reads from an article: its cleaned text, author and chunk spans (in text order, as the chunker makes them).</summary>
public sealed record ArticleInput(long ArticleId, string Text, string? Author, IReadOnlyList<ChunkSpan> Chunks);

/// <summary>A chunk's id and its [Start, End) in the article's text.</summary>
public sealed record ChunkSpan(long Id, int Start, int End);
