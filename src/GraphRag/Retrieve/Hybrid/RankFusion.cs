namespace GraphRag.Retrieve.Hybrid;

/// <summary>How ranked lists from several retrievers become one.</summary>
public static class RankFusion
{
    /// <summary>Reciprocal rank fusion (Cormack et al., 2009): Σ 1 / (k + rank). Ignores score scales.</summary>
    public static Dictionary<long, double> Reciprocal(IEnumerable<IReadOnlyList<SearchHit>> lists, double k = 60)
    {
        var fused = new Dictionary<long, double>();
        foreach (var list in lists)
            foreach (var hit in list)
                fused[hit.ChunkId] = fused.GetValueOrDefault(hit.ChunkId) + 1.0 / (k + hit.Rank);
        return fused;
    }

    /// <summary>
    /// Score mixing: each list's scores min-max normalised to [0, 1], then summed with the list's
    /// weight; a chunk missing from a list gets 0 there.
    /// </summary>
    public static Dictionary<long, double> Normalized(IEnumerable<(IReadOnlyList<SearchHit> Hits, double Weight)> lists)
    {
        var fused = new Dictionary<long, double>();
        foreach (var (hits, weight) in lists)
        {
            if (hits.Count == 0)
                continue;
            var min = hits.Min(h => h.Score);
            var range = hits.Max(h => h.Score) - min;
            foreach (var hit in hits)
                fused[hit.ChunkId] = fused.GetValueOrDefault(hit.ChunkId) + weight * (range > 0 ? (hit.Score - min) / range : 1.0);
        }
        return fused;
    }
}
