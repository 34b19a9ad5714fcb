using Dapper;
using GraphRag.Graph.Model;
using GraphRag.Store;

namespace GraphRag.Graph.Communities;

/// <summary>A community as stored: its label, the articles it draws on most, and its members, most salient first.</summary>
public sealed record StoredCommunity(int Id, string Label, IReadOnlyList<string> Articles, double Weight, IReadOnlyList<long> EntityIds);

/// <summary>
/// Builds the communities of the notes after each batch and stores them with the graph. Louvain
/// (<see cref="Louvain"/>) runs on entities and articles together: an entity is tied to each article
/// that names it (weight: its mentions there, times its specificity log(N / articles naming it), so
/// that words every article uses tie nothing together), and to other entities by typed relations
/// (twice their evidence: the text states them) and co-occurrence (their evidence). Articles that
/// share specific entities fall together, so a community is a topic of the notes. A community is
/// labelled by its most salient members (weighted degree × specificity) and its main articles.
/// </summary>
public sealed class CommunityBuilder(GraphRagDatabase database)
{
    private const int LabelEntities = 3;
    private const int LabelArticles = 3;

    public IReadOnlyList<StoredCommunity> Build(WriteTransaction write)
    {
        var entityRows = write.Query<(long Id, string Name, long ArticleId, long Mentions)>("""
            SELECT e.id, e.name, c.article_id, count(*)
            FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN chunks c ON c.id = m.chunk_id
            WHERE e.salient = 1
            GROUP BY e.id, c.article_id
            """).ToList();
        var relations = write.Query<(long Source, long Target, string Type, long Weight)>("""
            SELECT r.source_id, r.target_id, r.type, count(*)
            FROM relations r JOIN relation_evidence ev ON ev.relation_id = r.id
            JOIN entities s ON s.id = r.source_id JOIN entities t ON t.id = r.target_id
            WHERE s.salient = 1 AND t.salient = 1 AND r.source_id <> r.target_id
            GROUP BY r.id
            """).ToList();
        var titles = write.Query<(long Id, string Title)>("SELECT id, title FROM articles").ToDictionary(a => a.Id, a => a.Title);
        if (entityRows.Count == 0)
            return [];

        var entityIds = entityRows.Select(r => r.Id).Distinct().Order().ToList();
        var articleIds = entityRows.Select(r => r.ArticleId).Distinct().Order().ToList();
        var entityIndex = entityIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var articleIndex = articleIds.Select((id, i) => (id, i: entityIds.Count + i)).ToDictionary(x => x.id, x => x.i);
        var articlesNaming = entityRows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Count());
        var specificity = entityIds.ToDictionary(id => id, id => Math.Log((double)(articleIds.Count + 1) / articlesNaming[id]));

        var edges = new List<(int A, int B, double Weight)>();
        foreach (var row in entityRows)
            edges.Add((entityIndex[row.Id], articleIndex[row.ArticleId], row.Mentions * specificity[row.Id]));
        foreach (var r in relations)
            edges.Add((entityIndex[r.Source], entityIndex[r.Target], r.Weight * (r.Type == RelationTypes.CoOccurs ? 1.0 : 2.0)));
        var nodeCount = entityIds.Count + articleIds.Count;
        var labels = Louvain.Detect(nodeCount, edges);

        var degree = new double[nodeCount];
        foreach (var (a, b, w) in edges)
        {
            degree[a] += w;
            degree[b] += w;
        }
        var names = entityRows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First().Name);
        var communities = new List<StoredCommunity>();
        foreach (var group in Enumerable.Range(0, nodeCount).GroupBy(i => labels[i])
                     .Select(g => (Entities: g.Where(i => i < entityIds.Count).ToList(), Articles: g.Where(i => i >= entityIds.Count).ToList(), Weight: g.Sum(i => degree[i])))
                     .Where(g => g.Entities.Count > 0)
                     .OrderByDescending(g => g.Weight).ThenBy(g => g.Entities[0]))
        {
            var members = group.Entities
                .OrderByDescending(i => degree[i] * specificity[entityIds[i]]).ThenBy(i => names[entityIds[i]], StringComparer.Ordinal)
                .Select(i => entityIds[i]).ToList();
            var articles = group.Articles.OrderByDescending(i => degree[i]).ThenBy(i => i).Take(LabelArticles)
                .Select(i => titles.GetValueOrDefault(articleIds[i - entityIds.Count], "")).ToList();
            communities.Add(new StoredCommunity(communities.Count + 1, string.Join(", ", members.Take(LabelEntities).Select(id => names[id])),
                articles, group.Weight, members));
        }
        return communities;
    }

    /// <summary>Replaces the stored communities with freshly built ones, inside the caller's transaction.</summary>
    public void Rebuild(WriteTransaction write)
    {
        var communities = Build(write);
        write.Execute("DELETE FROM communities");
        foreach (var c in communities)
        {
            write.Execute("INSERT INTO communities (id, label, articles, weight) VALUES ($id, $label, $articles, $weight)",
                new { id = c.Id, label = c.Label, articles = System.Text.Json.JsonSerializer.Serialize(c.Articles), weight = c.Weight });
            write.Execute("INSERT INTO community_members (community_id, entity_id, rank) VALUES ($community, $entity, $rank)",
                c.EntityIds.Select((id, rank) => new { community = c.Id, entity = id, rank }));
        }
    }

    /// <summary>The stored community of each entity, by entity key (entities in none are absent).</summary>
    public IReadOnlyDictionary<string, int> CommunityOfEntities()
    {
        using var connection = database.Open();
        return connection.Query<(string Key, long Community)>(
                "SELECT e.key, m.community_id FROM community_members m JOIN entities e ON e.id = m.entity_id")
            .ToDictionary(m => m.Key, m => (int)m.Community);
    }

    /// <summary>The stored communities, heaviest first, each with its members in order.</summary>
    public IReadOnlyList<StoredCommunity> Load()
    {
        using var connection = database.Open();
        var members = connection.Query<(long Community, long Entity)>(
            "SELECT community_id, entity_id FROM community_members ORDER BY community_id, rank").ToLookup(m => m.Community, m => m.Entity);
        return connection.Query<(long Id, string Label, string Articles, double Weight)>("SELECT id, label, articles, weight FROM communities ORDER BY id")
            .Select(c => new StoredCommunity((int)c.Id, c.Label, System.Text.Json.JsonSerializer.Deserialize<List<string>>(c.Articles) ?? [], c.Weight, members[c.Id].ToList()))
            .ToList();
    }
}
