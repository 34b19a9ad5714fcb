namespace GraphRag.Retrieve.Fusion;

/// <summary>
/// Score mixing: each ranking's scores min-max normalised to [0, 1], then summed with the
/// ranking's weight (1 unless given); a chunk missing from a ranking gets 0 there.
/// </summary>
public sealed class ScoreMixing(IReadOnlyList<double>? weights = null) : IFusion
{
    public Dictionary<long, double> Fuse(IReadOnlyList<IReadOnlyList<RankedChunk>> rankings)
    {
        var fused = new Dictionary<long, double>();
        for (var r = 0; r < rankings.Count; r++)
        {
            var ranking = rankings[r];
            if (ranking.Count == 0)
                continue;
            var weight = weights?[r] ?? 1.0;
            var min = ranking.Min(c => c.Score);
            var range = ranking.Max(c => c.Score) - min;
            foreach (var chunk in ranking)
                fused[chunk.ChunkId] = fused.GetValueOrDefault(chunk.ChunkId) + weight * (range > 0 ? (chunk.Score - min) / range : 1.0);
        }
        return fused;
    }
}
