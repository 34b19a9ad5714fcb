namespace GraphRag.Evaluation.Trec;

/// <summary>
/// The per-query measures of trec_eval 9/10, computed the way its m_*.c files compute them.
/// Gains are the grades; the discount of rank r is log2(r + 1); cut-offs beyond the end of the list
/// count the missing ranks as non-relevant.
/// </summary>
public static class RankingMeasures
{
    /// <summary>m_ndcg.c: DCG over the whole list, ideal DCG over every judged document with a positive grade.</summary>
    public static double Ndcg(JudgedRanking ranking) => NdcgAt(ranking, int.MaxValue);

    /// <summary>m_ndcg_cut.c: DCG and ideal DCG both truncated at <paramref name="cutoff"/>; 0 when nothing is relevant.</summary>
    public static double NdcgAt(JudgedRanking ranking, int cutoff)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cutoff, 1);
        var dcg = 0.0;
        var grades = ranking.Grades;
        for (var i = 0; i < grades.Count && i < cutoff; i++)
        {
            if (grades[i] > 0)
                dcg += grades[i] / Math.Log2(i + 2);
        }
        var ideal = 0.0;
        var rank = 0;
        foreach (var gain in ranking.IdealGains())
        {
            if (rank >= cutoff)
                break;
            ideal += gain / Math.Log2(rank + 2);
            rank++;
        }
        return ideal > 0 ? dcg / ideal : 0.0;
    }

    /// <summary>m_map.c: the mean, over all relevant documents, of precision at each relevant retrieved one.</summary>
    public static double AveragePrecision(JudgedRanking ranking)
    {
        var found = 0;
        var sum = 0.0;
        for (var i = 0; i < ranking.Grades.Count; i++)
        {
            if (ranking.IsRelevant(i))
            {
                found++;
                sum += (double)found / (i + 1);
            }
        }
        return found > 0 ? sum / ranking.RelevantCount : 0.0;
    }

    /// <summary>m_recip_rank.c: 1 / rank of the first relevant document, 0 when none is retrieved.</summary>
    public static double ReciprocalRank(JudgedRanking ranking)
    {
        for (var i = 0; i < ranking.Grades.Count; i++)
        {
            if (ranking.IsRelevant(i))
                return 1.0 / (i + 1);
        }
        return 0.0;
    }

    /// <summary>m_P.c: relevant documents in the top <paramref name="cutoff"/>, divided by the cut-off itself.</summary>
    public static double PrecisionAt(JudgedRanking ranking, int cutoff) =>
        (double)RelevantInTop(ranking, cutoff) / cutoff;

    /// <summary>m_recall.c: relevant documents in the top <paramref name="cutoff"/> over all relevant; 0 when none exist.</summary>
    public static double RecallAt(JudgedRanking ranking, int cutoff) =>
        ranking.RelevantCount == 0 ? 0.0 : (double)RelevantInTop(ranking, cutoff) / ranking.RelevantCount;

    /// <summary>m_success.c: 1 when a relevant document is in the top <paramref name="cutoff"/>.</summary>
    public static double SuccessAt(JudgedRanking ranking, int cutoff) =>
        RelevantInTop(ranking, cutoff) > 0 ? 1.0 : 0.0;

    private static int RelevantInTop(JudgedRanking ranking, int cutoff)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cutoff, 1);
        var count = 0;
        for (var i = 0; i < ranking.Grades.Count && i < cutoff; i++)
        {
            if (ranking.IsRelevant(i))
                count++;
        }
        return count;
    }
}
