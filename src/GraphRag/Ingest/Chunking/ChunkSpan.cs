namespace GraphRag.Ingest.Chunking;

/// <summary>A chunk as a span of its article's text: text[Start..End) is the chunk, exactly.</summary>
public readonly record struct ChunkSpan(int Ordinal, string HeadingPath, int Start, int End, int TokenCount);
