using GraphRag.Graph.Model;

namespace GraphRag.Graph.Extract;

/// <summary>
/// Whether a candidate is an entity of the notes at all, decided across the notes: it is when some
/// article names it firmly (an acronym or its expansion, a name, a title, a term the article
/// repeats or relates), or when two articles or more name it. The graph keeps tentative
/// candidates, so that a later article can confirm them; only entities are shown, linked, walked
/// and grouped into communities. Order-independent: the finalizer recomputes it after each batch.
/// </summary>
public static class EntitySalience
{
    public const int ConfirmingArticles = 2;

    /// <summary>An everyday noun is an entity when it heads this many entities ("attention": "self-attention", "multi-head attention", …).</summary>
    public const int HeadedEntities = 3;

    public static bool IsEntity(bool firmSomewhere, int articles) => firmSomewhere || articles >= ConfirmingArticles;

    /// <summary>Whether <paramref name="key"/> is the last word of <paramref name="longer"/> ("self attention" ends with "attention").</summary>
    public static bool Heads(string key, string longer) => longer.EndsWith(" " + key, StringComparison.Ordinal);

    /// <summary>The keys that are entities given every article's graph (what the finalizer computes from the tables).</summary>
    public static HashSet<string> Entities(IEnumerable<ArticleGraph> graphs)
    {
        var firm = new HashSet<string>(StringComparer.Ordinal);
        var everyday = new HashSet<string>(StringComparer.Ordinal);
        var articles = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var graph in graphs)
        {
            foreach (var entity in graph.Entities)
            {
                articles[entity.Key] = articles.GetValueOrDefault(entity.Key) + 1;
                if (entity.Everyday)
                    everyday.Add(entity.Key);
                else if (!entity.Tentative)
                    firm.Add(entity.Key);
            }
        }
        var entities = articles.Keys.Where(k => !everyday.Contains(k) && IsEntity(firm.Contains(k), articles[k])).ToHashSet(StringComparer.Ordinal);
        var headed = everyday.Where(k => entities.Count(e => Heads(k, e)) >= HeadedEntities).ToList();
        entities.UnionWith(headed);
        return entities;
    }
}
