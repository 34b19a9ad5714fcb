using Dapper;
using GraphRag.Store;
using GraphRag.Text;

namespace GraphRag.Graph.Communities;

/// <summary>
/// Themes of the notes: the communities stored with the graph (<see cref="CommunityBuilder"/>),
/// each summarised by the sentences that name the most of its members (extractive: nothing is
/// generated), taken from the chunks where its members meet most.
/// </summary>
public sealed class CommunityFinder(CommunityBuilder builder, GraphRagDatabase database)
{
    private const int SummarySentences = 2;
    private const int SummaryChunks = 3;

    public Task<IReadOnlyList<Community>> FindAsync(int minimumSize, int maximum, CancellationToken cancellationToken = default)
    {
        var stored = builder.Load();
        using var connection = database.Open();
        var communities = new List<Community>();
        foreach (var c in stored.Where(c => c.EntityIds.Count >= minimumSize).Take(maximum))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ids = System.Text.Json.JsonSerializer.Serialize(c.EntityIds);
            var entities = connection.Query<(long Id, string Name)>(
                "SELECT id, name FROM entities WHERE id IN (SELECT value FROM json_each($ids))", new { ids }).ToDictionary(e => e.Id, e => e.Name);
            var names = c.EntityIds.Where(entities.ContainsKey).Select(id => entities[id]).ToList();
            var aliases = connection.Query<string>(
                    "SELECT alias FROM entity_aliases WHERE entity_id IN (SELECT value FROM json_each($ids))", new { ids })
                .Concat(names).Where(a => a.Length >= 2).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var chunks = connection.Query<long>("""
                SELECT chunk_id FROM mentions WHERE entity_id IN (SELECT value FROM json_each($ids))
                GROUP BY chunk_id ORDER BY count(DISTINCT entity_id) DESC, chunk_id LIMIT $limit
                """, new { ids, limit = SummaryChunks }).ToList();
            communities.Add(new Community(c.Id, c.Label, names, names.Count, Summarise(connection, chunks, aliases), chunks, c.Articles));
        }
        return Task.FromResult<IReadOnlyList<Community>>(communities);
    }

    private static List<string> Summarise(Microsoft.Data.Sqlite.SqliteConnection connection, IReadOnlyList<long> chunkIds, IReadOnlyList<string> aliases)
    {
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
