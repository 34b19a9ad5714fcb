namespace GraphRag.Evaluation.Trec;

/// <summary>
/// A ranked list seen through the judgments, as trec_eval's form_res_rels.c builds it: the grade of
/// each retrieved document in rank order (<see cref="Unjudged"/> when the query's judgments do not
/// name it), and how many judged documents the query has at each grade.
/// </summary>
public sealed class JudgedRanking
{
    public const int Unjudged = -1;

    public JudgedRanking(IReadOnlyList<string> rankedDocIds, IReadOnlyDictionary<string, int> judgments, int relevanceLevel = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(relevanceLevel, 1);
        RelevanceLevel = relevanceLevel;
        var grades = new int[rankedDocIds.Count];
        for (var i = 0; i < grades.Length; i++)
            grades[i] = judgments.TryGetValue(rankedDocIds[i], out var grade) && grade >= 0 ? grade : Unjudged;
        Grades = grades;

        var maxGrade = judgments.Count == 0 ? 0 : Math.Max(0, judgments.Values.Max());
        var counts = new int[maxGrade + 1];
        foreach (var grade in judgments.Values)
        {
            if (grade >= 0)
                counts[grade]++;
        }
        CountAtGrade = counts;
        RelevantCount = counts.Skip(relevanceLevel).Sum();
    }

    /// <summary>Grade of the document at each rank (index 0 = rank 1).</summary>
    public IReadOnlyList<int> Grades { get; }

    /// <summary>Judged documents per grade, index = grade.</summary>
    public IReadOnlyList<int> CountAtGrade { get; }

    /// <summary>Judged documents with grade ≥ <see cref="RelevanceLevel"/> (trec_eval's num_rel).</summary>
    public int RelevantCount { get; }

    /// <summary>The lowest grade that counts as relevant for binary measures (trec_eval -l, default 1).</summary>
    public int RelevanceLevel { get; }

    public bool IsRelevant(int rankIndex) => Grades[rankIndex] >= RelevanceLevel;

    /// <summary>Grades of every judged document with a positive grade, highest first: the ideal ranking.</summary>
    public IEnumerable<int> IdealGains()
    {
        for (var grade = CountAtGrade.Count - 1; grade > 0; grade--)
            for (var n = 0; n < CountAtGrade[grade]; n++)
                yield return grade;
    }
}
