using GraphRag.Evaluation.Trec;

namespace GraphRag.Evaluation.Tests.Trec;

/// <summary>Small hand-made cases; every expected value is worked out in the comment above it.</summary>
public sealed class RankingMeasuresTests
{
    // Judgments: a=2, b=0, c=1, d=2 (d never retrieved). Ranking: a, b, c, x (x unjudged).
    private static readonly Dictionary<string, int> Graded = new() { ["a"] = 2, ["b"] = 0, ["c"] = 1, ["d"] = 2 };
    private static readonly JudgedRanking GradedRanking = new(["a", "b", "c", "x"], Graded);

    [Fact]
    public void Ndcg_uses_grades_as_gains_and_log2_rank_plus_one_discounts_over_all_relevant()
    {
        // DCG = 2/log2(2) + 1/log2(4) = 2.5; ideal over (2, 2, 1) = 2 + 2/log2(3) + 1/log2(4) = 3.761859507...
        Assert.Equal(2.5 / (2.5 + 2 / Math.Log2(3)), RankingMeasures.Ndcg(GradedRanking), 1e-12);
        Assert.Equal(0.664564, RankingMeasures.Ndcg(GradedRanking), 1e-6);
    }

    [Fact]
    public void Ndcg_cut_truncates_both_the_ranking_and_the_ideal()
    {
        // @2: DCG = 2; ideal (2, 2) = 2 + 2/log2(3) = 3.261859507 → 0.613147
        Assert.Equal(0.613147, RankingMeasures.NdcgAt(GradedRanking, 2), 1e-6);
        // @1: DCG 2, ideal 2 → 1
        Assert.Equal(1.0, RankingMeasures.NdcgAt(GradedRanking, 1), 1e-12);
        // @10 beyond the list equals the full ndcg here (all relevant fit in 10)
        Assert.Equal(RankingMeasures.Ndcg(GradedRanking), RankingMeasures.NdcgAt(GradedRanking, 10), 1e-12);
    }

    [Fact]
    public void Binary_measures_count_every_positive_grade_as_relevant()
    {
        // relevant: a, c, d (3). Retrieved relevant at ranks 1 and 3.
        // AP = (1/1 + 2/3) / 3 = 0.555556
        Assert.Equal(5.0 / 9.0, RankingMeasures.AveragePrecision(GradedRanking), 1e-12);
        Assert.Equal(1.0, RankingMeasures.ReciprocalRank(GradedRanking));
        // P@2 = 1/2; P@10 = 2/10 (the denominator stays 10 when fewer are retrieved)
        Assert.Equal(0.5, RankingMeasures.PrecisionAt(GradedRanking, 2));
        Assert.Equal(0.2, RankingMeasures.PrecisionAt(GradedRanking, 10));
        // recall@2 = 1/3, recall@10 = 2/3
        Assert.Equal(1.0 / 3, RankingMeasures.RecallAt(GradedRanking, 2), 1e-12);
        Assert.Equal(2.0 / 3, RankingMeasures.RecallAt(GradedRanking, 10), 1e-12);
        Assert.Equal(1.0, RankingMeasures.SuccessAt(GradedRanking, 1));
    }

    [Fact]
    public void Relevance_level_two_counts_only_grade_two_for_binary_measures_but_not_for_ndcg()
    {
        var strict = new JudgedRanking(["a", "b", "c", "x"], Graded, relevanceLevel: 2);
        // relevant: a, d. AP = (1/1) / 2 = 0.5; recall@10 = 1/2
        Assert.Equal(0.5, RankingMeasures.AveragePrecision(strict), 1e-12);
        Assert.Equal(0.5, RankingMeasures.RecallAt(strict, 10), 1e-12);
        Assert.Equal(RankingMeasures.Ndcg(GradedRanking), RankingMeasures.Ndcg(strict), 1e-12);
    }

    [Fact]
    public void First_relevant_at_rank_three_gives_reciprocal_rank_one_third_and_no_success_at_one()
    {
        var ranking = new JudgedRanking(["x", "b", "c"], Graded);
        Assert.Equal(1.0 / 3, RankingMeasures.ReciprocalRank(ranking), 1e-12);
        Assert.Equal(0.0, RankingMeasures.SuccessAt(ranking, 1));
        Assert.Equal(1.0, RankingMeasures.SuccessAt(ranking, 5));
        // ndcg: DCG = 1/log2(4) = 0.5; ideal 3.761859507 → 0.132913
        Assert.Equal(0.132913, RankingMeasures.Ndcg(ranking), 1e-6);
    }

    [Fact]
    public void A_query_without_relevant_documents_scores_zero_everywhere()
    {
        var ranking = new JudgedRanking(["b", "x"], new Dictionary<string, int> { ["b"] = 0, ["y"] = 0 });
        Assert.Equal(0, ranking.RelevantCount);
        Assert.Equal(0.0, RankingMeasures.Ndcg(ranking));
        Assert.Equal(0.0, RankingMeasures.NdcgAt(ranking, 10));
        Assert.Equal(0.0, RankingMeasures.AveragePrecision(ranking));
        Assert.Equal(0.0, RankingMeasures.ReciprocalRank(ranking));
        Assert.Equal(0.0, RankingMeasures.RecallAt(ranking, 10));
        Assert.Equal(0.0, RankingMeasures.PrecisionAt(ranking, 10));
    }

    [Fact]
    public void An_empty_ranking_scores_zero_but_is_valid()
    {
        var ranking = new JudgedRanking([], Graded);
        Assert.Equal(0.0, RankingMeasures.Ndcg(ranking));
        Assert.Equal(0.0, RankingMeasures.RecallAt(ranking, 5));
    }
}
