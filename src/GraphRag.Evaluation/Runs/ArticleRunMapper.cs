using GraphRag.Evaluation.Trec;
using GraphRag.Retrieve;

namespace GraphRag.Evaluation.Runs;

/// <summary>
/// For data sets judged per passage (BEIR): each passage is one article, so a chunk stands for its
/// article's passage id; later chunks of an already-ranked passage are dropped, as BEIR keeps one
/// score per document.
/// </summary>
public sealed class ArticleRunMapper(Qrels qrels, IReadOnlyDictionary<long, string> passageIdByArticle) : IRunMapper
{
    public Qrels Qrels { get; } = qrels;

    public IReadOnlyList<string> DocIds(string queryId, IReadOnlyList<SearchHit> hits)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ids = new List<string>(hits.Count);
        foreach (var hit in hits)
        {
            var id = passageIdByArticle.TryGetValue(hit.ArticleId, out var passage) ? passage : $"article:{hit.ArticleId}";
            if (seen.Add(id))
                ids.Add(id);
        }
        return ids;
    }
}
