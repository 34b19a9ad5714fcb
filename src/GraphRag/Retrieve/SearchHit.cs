namespace GraphRag.Retrieve;

/// <summary>One ranked passage. <see cref="Score"/> is comparable only within one result list.</summary>
/// <param name="Rank">1-based.</param>
/// <param name="Explanation">Why it was found (matched terms, entities, fused ranks), for display.</param>
public sealed record SearchHit(
    int Rank,
    double Score,
    long ChunkId,
    long ArticleId,
    string Title,
    string HeadingPath,
    string Text,
    int StartOffset,
    int EndOffset,
    string? Explanation = null)
{
    public static SearchHit Of(int rank, RankedChunk ranked, Passage passage) =>
        new(rank, ranked.Score, passage.ChunkId, passage.ArticleId, passage.Title, passage.HeadingPath, passage.Text,
            passage.StartOffset, passage.EndOffset, ranked.Why(passage));
}
