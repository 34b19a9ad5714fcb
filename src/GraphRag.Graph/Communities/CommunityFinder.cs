using Dapper;
using GraphRag.Graph.Extract;
using GraphRag.Graph.Store;
using GraphRag.Store;
using GraphRag.Text;

namespace GraphRag.Graph.Communities;

/// <summary>
/// Themes of the notes: Louvain communities of the entity–relation graph, each summarised by the
/// sentences that mention the most of its members (extractive: nothing is generated), taken from the
/// chunks where its members meet most.
/// </summary>
public sealed class CommunityFinder(IGraphStore store, GraphRagDatabase database)
{
    private const int SummarySentences = 2;

    public async Task<IReadOnlyList<Community>> FindAsync(int minimumSize, int maximum, CancellationToken cancellationToken = default)
    {
        var snapshot = await store.LoadSnapshotAsync(cancellationToken);
        return Find(snapshot, minimumSize, maximum);
    }

    public IReadOnlyList<Community> Find(GraphSnapshot snapshot, int minimumSize, int maximum)
    {
        var index = snapshot.Entities.Select((e, i) => (e.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var edges = snapshot.Relations
            .Where(r => index.ContainsKey(r.SourceKey) && index.ContainsKey(r.TargetKey))
            .Select(r => (index[r.SourceKey], index[r.TargetKey], (double)r.Weight)).ToList();
        var labels = Louvain.Detect(snapshot.Entities.Count, edges);
        var degree = new double[snapshot.Entities.Count];
        foreach (var (a, b, w) in edges)
        {
            degree[a] += w;
            degree[b] += w;
        }
        var chunksByEntity = snapshot.EntityChunks.ToLookup(e => e.EntityKey, e => e.ChunkId);
        var communities = new List<Community>();
        foreach (var group in Enumerable.Range(0, labels.Length).GroupBy(i => labels[i])
                     .Where(g => g.Count() >= minimumSize)
                     .OrderByDescending(g => g.Sum(i => degree[i])).ThenBy(g => g.Key)
                     .Take(maximum))
        {
            var members = group.OrderByDescending(i => degree[i]).ThenBy(i => snapshot.Entities[i].Key, StringComparer.Ordinal).ToList();
            var chunks = members.SelectMany(i => chunksByEntity[snapshot.Entities[i].Key])
                .GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(3).Select(g => g.Key).ToList();
            var names = members.Select(i => snapshot.Entities[i].Name).ToList();
            var aliases = members.SelectMany(i => snapshot.Entities[i].Aliases.Append(snapshot.Entities[i].Name)).Where(a => a.Length >= 2)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            communities.Add(new Community(communities.Count + 1, string.Join(", ", names.Take(3)), names, members.Count,
                Summarise(chunks, aliases), chunks));
        }
        return communities;
    }

    private List<string> Summarise(IReadOnlyList<long> chunkIds, IReadOnlyList<string> aliases)
    {
        using var connection = database.Open();
        var texts = connection.Query<string>("SELECT text FROM chunks WHERE id IN (SELECT value FROM json_each($ids))",
            new { ids = System.Text.Json.JsonSerializer.Serialize(chunkIds) });
        return texts
            .SelectMany(t => Sentences.Split(t).Select(s => t.Substring(s.Start, s.Length)))
            .Where(s => s.Length is >= 30 and <= 400 && !s.StartsWith('#'))
            .Select(s => (Sentence: s, Hits: aliases.Count(a => s.Contains(a, StringComparison.OrdinalIgnoreCase))))
            .Where(s => s.Hits > 0)
            .OrderByDescending(s => s.Hits).ThenBy(s => s.Sentence.Length)
            .Take(SummarySentences)
            .Select(s => s.Sentence)
            .Distinct()
            .ToList();
    }
}
