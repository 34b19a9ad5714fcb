using GraphRag.Retrieve;
using GraphRag.Retrieve.Hybrid;

namespace GraphRag.Tests.Retrieve.Hybrid;

public class RankFusionTests
{
    private static IReadOnlyList<SearchHit> List(params (long Id, double Score)[] hits) =>
        hits.Select((h, i) => new SearchHit(i + 1, h.Score, h.Id, 0, "", "", "", 0, 0)).ToList();

    [Fact]
    public void Reciprocal_rank_fusion_sums_one_over_k_plus_rank()
    {
        var fused = RankFusion.Reciprocal([List((1, 9), (2, 8)), List((2, 0.9), (3, 0.1))], k: 60);
        Assert.Equal(1.0 / 61, fused[1], 12);
        Assert.Equal(1.0 / 62 + 1.0 / 61, fused[2], 12);
        Assert.Equal(1.0 / 62, fused[3], 12);
    }

    [Fact]
    public void Score_mixing_normalises_each_list_to_unit_range_before_weighting()
    {
        var fused = RankFusion.Normalized([(List((1, 30), (2, 20), (3, 10)), 1.0), (List((3, 0.9), (1, 0.5)), 0.5)]);
        Assert.Equal(1.0 + 0.5 * 0.0, fused[1], 12);
        Assert.Equal(0.5, fused[2], 12);
        Assert.Equal(0.0 + 0.5 * 1.0, fused[3], 12);
    }
}
