namespace GraphRag.Evaluation.Trec;

/// <summary>
/// Which measures to compute, named as trec_eval prints them (ndcg, ndcg_cut_10, map, recip_rank,
/// P_10, recall_10, success_1).
/// </summary>
public sealed record TrecMeasureSet(
    IReadOnlyList<int> NdcgCutoffs,
    IReadOnlyList<int> PrecisionCutoffs,
    IReadOnlyList<int> RecallCutoffs,
    IReadOnlyList<int> SuccessCutoffs,
    int RelevanceLevel = 1)
{
    public static TrecMeasureSet Default { get; } = new([5, 10, 20, 100], [5, 10, 20, 100], [5, 10, 20, 100], [1, 5, 10]);

    /// <summary>The default set plus <paramref name="k"/> in every cut-off list, so "@k" figures always exist.</summary>
    public TrecMeasureSet WithCutoff(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return this with
        {
            NdcgCutoffs = Add(NdcgCutoffs, k),
            PrecisionCutoffs = Add(PrecisionCutoffs, k),
            RecallCutoffs = Add(RecallCutoffs, k),
            SuccessCutoffs = Add(SuccessCutoffs, k),
        };
    }

    /// <summary>Adds recall at every cut-off 1..k, for recall@k curves.</summary>
    public TrecMeasureSet WithRecallCurve(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return this with { RecallCutoffs = [.. RecallCutoffs.Union(Enumerable.Range(1, k)).Order()] };
    }

    public IReadOnlyList<string> Names =>
    [
        "ndcg",
        .. NdcgCutoffs.Select(k => $"ndcg_cut_{k}"),
        "map",
        "recip_rank",
        .. PrecisionCutoffs.Select(k => $"P_{k}"),
        .. RecallCutoffs.Select(k => $"recall_{k}"),
        .. SuccessCutoffs.Select(k => $"success_{k}"),
    ];

    /// <summary>Every measure of the set for one query, in <see cref="Names"/> order.</summary>
    public IReadOnlyDictionary<string, double> Compute(IReadOnlyList<string> rankedDocIds, IReadOnlyDictionary<string, int> judgments)
    {
        var ranking = new JudgedRanking(rankedDocIds, judgments, RelevanceLevel);
        var values = new Dictionary<string, double>(StringComparer.Ordinal) { ["ndcg"] = RankingMeasures.Ndcg(ranking) };
        foreach (var k in NdcgCutoffs)
            values[$"ndcg_cut_{k}"] = RankingMeasures.NdcgAt(ranking, k);
        values["map"] = RankingMeasures.AveragePrecision(ranking);
        values["recip_rank"] = RankingMeasures.ReciprocalRank(ranking);
        foreach (var k in PrecisionCutoffs)
            values[$"P_{k}"] = RankingMeasures.PrecisionAt(ranking, k);
        foreach (var k in RecallCutoffs)
            values[$"recall_{k}"] = RankingMeasures.RecallAt(ranking, k);
        foreach (var k in SuccessCutoffs)
            values[$"success_{k}"] = RankingMeasures.SuccessAt(ranking, k);
        return values;
    }

    private static IReadOnlyList<int> Add(IReadOnlyList<int> cutoffs, int k) =>
        cutoffs.Contains(k) ? cutoffs : [.. cutoffs.Append(k).Order()];
}
