namespace GraphRag.Evaluation.Trec;

/// <summary>Scores of a run: each measure per query, and their mean over the evaluated queries ("all").</summary>
public sealed record TrecEvaluation(
    IReadOnlyDictionary<string, double> All,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> PerQuery)
{
    /// <summary>
    /// Evaluates like trec_eval: queries in the run but not in the qrels are ignored, and so are
    /// queries in the qrels that the run lacks unless <paramref name="completeQrels"/> (trec_eval -c)
    /// counts them with zero. A query whose judgments hold no relevant document scores 0 on every measure
    /// and still counts in the mean.
    /// </summary>
    public static TrecEvaluation Evaluate(Qrels qrels, TrecRun run, TrecMeasureSet? measures = null, bool completeQrels = false)
    {
        measures ??= TrecMeasureSet.Default;
        var perQuery = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var queryId in qrels.QueryIds)
        {
            if (!run.Contains(queryId) && !completeQrels)
                continue;
            perQuery[queryId] = measures.Compute(run.Ranked(queryId), qrels.For(queryId));
        }
        if (perQuery.Count == 0)
            throw new InvalidDataException("No query has both results in the run and judgments in the qrels.");
        return new TrecEvaluation(Mean(measures.Names, perQuery.Values), perQuery);
    }

    private static Dictionary<string, double> Mean(IReadOnlyList<string> names, IEnumerable<IReadOnlyDictionary<string, double>> rows)
    {
        var list = rows.ToList();
        return names.ToDictionary(name => name, name => list.Sum(r => r[name]) / list.Count, StringComparer.Ordinal);
    }
}
