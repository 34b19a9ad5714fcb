namespace GraphRag.Ingest.Chunking;

/// <summary>GraphRag:Chunking: chunk size and overlap, in tokens (see <see cref="GraphRag.Text.Tokens"/>).</summary>
public sealed class ChunkingOptions
{
    public int MaxTokens { get; set; } = 200;

    public int OverlapTokens { get; set; } = 40;

    /// <summary>What is wrong with the values, each naming the key and what to change; empty when they are fine.</summary>
    public IEnumerable<string> Problems()
    {
        if (MaxTokens < 16)
            yield return $"GraphRag:Chunking:MaxTokens is {MaxTokens}; use at least 16 so a chunk holds a sentence.";
        if (OverlapTokens < 0 || OverlapTokens >= MaxTokens / 2)
            yield return $"GraphRag:Chunking:OverlapTokens is {OverlapTokens}; it must be between 0 and half of MaxTokens ({MaxTokens / 2}), or chunks would mostly repeat each other.";
    }
}
