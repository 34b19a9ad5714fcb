namespace GraphRag.Ingest.Chunking;

/// <summary>Chunk size and overlap, in tokens (see <see cref="TokenCounter"/>). Bound from GraphRag:Chunking.</summary>
public sealed class ChunkingOptions
{
    public int MaxTokens { get; set; } = 200;

    public int OverlapTokens { get; set; } = 40;

    public void Validate()
    {
        if (MaxTokens < 16)
            throw new ArgumentException($"GraphRag:Chunking:MaxTokens is {MaxTokens}; use at least 16 so a chunk holds a sentence.");
        if (OverlapTokens < 0 || OverlapTokens >= MaxTokens / 2)
            throw new ArgumentException(
                $"GraphRag:Chunking:OverlapTokens is {OverlapTokens}; it must be between 0 and half of MaxTokens ({MaxTokens / 2}), or chunks would mostly repeat each other.");
    }
}
