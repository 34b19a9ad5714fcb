using GraphRag.Evaluation.Notes;
using GraphRag.Evaluation.Trec;
using GraphRag.Retrieve;

namespace GraphRag.Evaluation.Runs;

/// <summary>
/// Maps retrieved chunks onto judged spans by offsets: a chunk delivers a span of the query's
/// judgments when it covers at least half of the span. Each chunk stands for one document in the
/// ranking: the highest-graded span it delivers that no earlier chunk delivered, or else itself
/// (unjudged, hence non-relevant). A span counts once however many chunks repeat it.
/// </summary>
public sealed class SpanRunMapper : IRunMapper
{
    public const double MinimumCoverage = 0.5;

    private readonly Dictionary<string, List<(JudgedSpan Span, int Grade)>> _byQuery;

    public SpanRunMapper(IReadOnlyList<PassageJudgment> judgments, IReadOnlyDictionary<PassageJudgment, JudgedSpan> spans)
    {
        _byQuery = new Dictionary<string, List<(JudgedSpan, int)>>(StringComparer.Ordinal);
        var qrels = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var judgment in judgments)
        {
            if (!spans.TryGetValue(judgment, out var span))
                throw new ArgumentException($"Judgment of {judgment.Query} on \"{judgment.Article}\" has no resolved span.");
            if (!_byQuery.TryGetValue(judgment.Query, out var list))
                _byQuery[judgment.Query] = list = [];
            list.Add((span, judgment.Grade));
            if (!qrels.TryGetValue(judgment.Query, out var docs))
                qrels[judgment.Query] = docs = new Dictionary<string, int>(StringComparer.Ordinal);
            var grades = (Dictionary<string, int>)docs;
            // The same passage judged twice for one query keeps its higher grade.
            grades[span.DocId] = Math.Max(grades.GetValueOrDefault(span.DocId), judgment.Grade);
        }
        Qrels = new Qrels(qrels);
    }

    public Qrels Qrels { get; }

    public IReadOnlyList<string> DocIds(string queryId, IReadOnlyList<SearchHit> hits)
    {
        var judged = _byQuery.GetValueOrDefault(queryId) ?? [];
        var delivered = new HashSet<string>(StringComparer.Ordinal);
        var ids = new List<string>(hits.Count);
        foreach (var hit in hits)
        {
            var best = judged
                .Where(j => j.Span.ArticleId == hit.ArticleId
                            && !delivered.Contains(j.Span.DocId)
                            && j.Span.Overlap(hit.StartOffset, hit.EndOffset) >= MinimumCoverage * j.Span.Length)
                .OrderByDescending(j => j.Grade)
                .ThenBy(j => j.Span.Start)
                .Select(j => j.Span.DocId)
                .FirstOrDefault();
            var id = best ?? $"chunk:{hit.ChunkId}";
            if (delivered.Add(id))
                ids.Add(id);
        }
        return ids;
    }
}
