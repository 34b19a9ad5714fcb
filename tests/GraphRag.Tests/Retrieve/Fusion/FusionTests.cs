using GraphRag.Retrieve;
using GraphRag.Retrieve.Fusion;

namespace GraphRag.Tests.Retrieve.Fusion;

public class FusionTests
{
    private static IReadOnlyList<RankedChunk> Ranking(params (long Id, double Score)[] chunks) =>
        chunks.Select(c => new RankedChunk(c.Id, c.Score, _ => "")).ToList();

    [Fact]
    public void Reciprocal_rank_fusion_sums_one_over_k_plus_rank()
    {
        var fused = new ReciprocalRankFusion().Fuse([Ranking((1, 9), (2, 8)), Ranking((2, 0.9), (3, 0.1))]);
        // Cormack et al. (2009) with their k = 60, worked by hand.
        Assert.Equal(1.0 / 61, fused[1], 12);
        Assert.Equal(1.0 / 62 + 1.0 / 61, fused[2], 12);
        Assert.Equal(1.0 / 62, fused[3], 12);
    }

    [Fact]
    public void Score_mixing_normalises_each_ranking_to_unit_range_before_weighting()
    {
        var fused = new ScoreMixing([1.0, 0.5]).Fuse([Ranking((1, 30), (2, 20), (3, 10)), Ranking((3, 0.9), (1, 0.5))]);
        Assert.Equal(1.0 + 0.5 * 0.0, fused[1], 12);
        Assert.Equal(0.5, fused[2], 12);
        Assert.Equal(0.0 + 0.5 * 1.0, fused[3], 12);
    }

    [Fact]
    public async Task A_fusion_ranker_orders_by_fused_score_then_chunk_id_and_explains_each_component_rank()
    {
        var lexical = new FixedRanker(Ranking((7, 3.0), (5, 2.0)), "matched: x");
        var dense = new FixedRanker(Ranking((5, 0.9), (7, 0.8), (9, 0.1)), "cosine");
        var fusion = new FusionRanker([("lexical", lexical), ("dense", dense)], new ReciprocalRankFusion(), candidates: 50);

        var ranked = await fusion.RankAsync(SearchQuery.Parse("anything"), 2, TestContext.Current.CancellationToken);

        // 5 and 7 tie on 1/61 + 1/62: the lower id wins; 9 (1/63) is cut by the depth.
        Assert.Equal([5L, 7L], ranked.Select(r => r.ChunkId));
        Assert.Equal(50, lexical.LastDepth);
        var passage = new Passage(5, 1, "t", "", "text", 0, 4);
        Assert.Equal("lexical #2 (matched: x); dense #1 (cosine)", ranked[0].Why(passage));
    }

    private sealed class FixedRanker(IReadOnlyList<RankedChunk> ranking, string why) : IRanker
    {
        public int LastDepth { get; private set; }

        public Task<IReadOnlyList<RankedChunk>> RankAsync(SearchQuery query, int depth, CancellationToken cancellationToken = default)
        {
            LastDepth = depth;
            return Task.FromResult<IReadOnlyList<RankedChunk>>(ranking.Take(depth).Select(r => r with { Why = _ => why }).ToList());
        }
    }
}
