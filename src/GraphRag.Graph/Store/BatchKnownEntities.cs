using GraphRag.Graph.Extract;
using GraphRag.Graph.Model;

namespace GraphRag.Graph.Store;

/// <summary>
/// What the graph knows plus what the earlier articles of the same batch named, for extraction
/// that runs before those articles are written. Resolves as the tables would once they were:
/// an alias or entity key already stored keeps its entity; otherwise the first article to name it wins.
/// </summary>
public sealed class BatchKnownEntities(IKnownEntities stored) : IKnownEntities
{
    private readonly Dictionary<string, KnownEntity> _batch = new(StringComparer.Ordinal);

    public KnownEntity? Find(string aliasKey) => stored.Find(aliasKey) ?? _batch.GetValueOrDefault(aliasKey);

    public IEnumerable<KnownEntity> Similar(string head, string initials) =>
        stored.Similar(head, initials).Concat(_batch.Values.Where(k => k.Key == head || k.Key.EndsWith(" " + head, StringComparison.Ordinal) || k.Key == initials))
            .DistinctBy(k => k.Key);

    public void Add(ArticleGraph graph)
    {
        // A tentative candidate is not known: a later article must name it on its own to confirm it.
        foreach (var entity in graph.Entities.Where(e => !e.Tentative && !e.Everyday))
        {
            var known = stored.Find(entity.Key) is { } existing && existing.Key == entity.Key
                ? existing
                : _batch.GetValueOrDefault(entity.Key) is { } first && first.Key == entity.Key ? first : new KnownEntity(entity.Key, entity.Name, entity.Type);
            foreach (var alias in entity.Aliases)
            {
                var key = EntityKeys.Normalize(alias);
                if (key.Length > 0)
                    _batch.TryAdd(key, known);
            }
        }
    }
}
