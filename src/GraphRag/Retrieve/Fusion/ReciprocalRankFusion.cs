namespace GraphRag.Retrieve.Fusion;

/// <summary>Reciprocal rank fusion (Cormack et al., 2009): Σ 1 / (k + rank). Ignores score scales.</summary>
public sealed class ReciprocalRankFusion : IFusion
{
    /// <summary>The paper's k: damps the difference between the very top ranks.</summary>
    public const double K = 60;

    /// <summary>A chunk's weight at a 1-based rank.</summary>
    public static double Weight(int rank) => 1.0 / (K + rank);

    public Dictionary<long, double> Fuse(IReadOnlyList<IReadOnlyList<RankedChunk>> rankings)
    {
        var fused = new Dictionary<long, double>();
        foreach (var ranking in rankings)
            for (var i = 0; i < ranking.Count; i++)
                fused[ranking[i].ChunkId] = fused.GetValueOrDefault(ranking[i].ChunkId) + Weight(i + 1);
        return fused;
    }
}
