namespace GraphRag.Retrieve;

/// <summary>
/// A ranker that stands in for another when that one cannot serve this database (a dense ranker
/// over notes ingested without embeddings): the graph's passage seeds come from the encoder when
/// there are vectors and from BM25 when there are none, instead of failing the graph mode.
/// </summary>
public sealed class FallbackRanker(IRanker preferred, IRanker fallback) : IRanker
{
    public async Task<IReadOnlyList<RankedChunk>> RankAsync(SearchQuery query, int depth, CancellationToken cancellationToken = default)
    {
        try
        {
            return await preferred.RankAsync(query, depth, cancellationToken);
        }
        catch (UnavailableModeException)
        {
            return await fallback.RankAsync(query, depth, cancellationToken);
        }
    }
}
