using System.Text.Json;
using GraphRag.Graph.Model;

namespace GraphRag.Graph.Store;

/// <summary>
/// The graph in Neo4j: (:Entity {key, name, type, aliases, aliasKeys}) -[:MENTIONED_IN {count}]->
/// (:Chunk {id, articleId}), and (:Entity)-[:RELATED {type, article, weight, sentences}]->(:Entity)
/// with one RELATED edge per relation and article, so that an article's contribution can be
/// replaced on its own. Writes are batched <c>UNWIND $rows AS row MERGE …</c>; every value travels
/// as a parameter.
/// </summary>
public sealed class Neo4jGraphStore(Neo4jHttpClient client, Neo4jOptions options) : IGraphStore
{
    private bool _schemaApplied;

    public string Name => GraphOptions.Neo4jStore;

    /// <summary>Applies schema/neo4j/*.cypher (idempotent on 3.1). Schema and data cannot share a transaction.</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaApplied)
            return;
        foreach (var statement in Neo4jSchema.Statements)
            await client.RunAsync(new CypherStatement(statement), cancellationToken);
        _schemaApplied = true;
    }

    public async Task ReplaceArticlesAsync(IReadOnlyList<ArticleGraph> graphs, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        foreach (var batch in graphs.Chunk(options.BatchArticles))
            await client.RunAsync(Neo4jArticleWrites.Replace(batch), cancellationToken);
    }

    /// <summary>
    /// Deletes every entity and chunk node (tests, benchmarks), 5,000 nodes per transaction: one
    /// transaction over a large graph exhausts a small heap and stalls the server.
    /// </summary>
    public async Task DeleteAllAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var deleted = await client.RunAsync(new CypherStatement("""
                MATCH (n) WHERE n:Entity OR n:Chunk
                WITH n LIMIT 5000
                DETACH DELETE n
                RETURN count(*)
                """), cancellationToken);
            if (deleted.Rows[0][0].GetInt32() == 0)
                return;
        }
    }

    public async Task<GraphStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        var results = await client.RunAsync(
        [
            new("MATCH (e:Entity) RETURN count(e), coalesce(sum(size(e.aliasKeys)), 0)"),
            new("""
                MATCH (s:Entity)-[r:RELATED]->(t:Entity)
                WITH DISTINCT s, t, r.type AS type
                RETURN count(*), sum(CASE WHEN type <> $coOccurs THEN 1 ELSE 0 END)
                """, new Dictionary<string, object?> { ["coOccurs"] = RelationTypes.CoOccurs }),
            new("MATCH (:Entity)-[m:MENTIONED_IN]->(:Chunk) RETURN count(m)"),
            new("MATCH (e:Entity) RETURN e.type, count(*) ORDER BY e.type"),
        ], cancellationToken);
        var entities = results[0].Rows[0];
        var relations = results[1].Rows[0];
        return new GraphStatistics(
            entities[0].GetInt32(), entities[1].GetInt32(),
            relations[0].GetInt32(), relations[1].ValueKind == JsonValueKind.Null ? 0 : relations[1].GetInt32(),
            results[2].Rows[0][0].GetInt32(),
            results[3].Rows.ToDictionary(r => r[0].GetString()!, r => r[1].GetInt32()));
    }

    public async Task<EntityDetail?> GetEntityAsync(string key, int maxNeighbours, CancellationToken cancellationToken = default)
    {
        var parameters = new Dictionary<string, object?> { ["key"] = key, ["limit"] = maxNeighbours };
        var results = await client.RunAsync(
        [
            new("""
                MATCH (e:Entity {key: $key})
                OPTIONAL MATCH (e)-[:MENTIONED_IN]->(c:Chunk)
                RETURN e.key, e.name, e.type, e.aliases, count(DISTINCT c)
                """, parameters),
            new("""
                MATCH (e:Entity {key: $key})-[r:RELATED]-(o:Entity)
                WITH e, o, r ORDER BY r.article
                WITH o, r.type AS type, startNode(r) = e AS outgoing, sum(r.weight) AS weight, collect(r.sentences) AS lists
                RETURN o.key, o.name, o.type, type, outgoing, weight, reduce(acc = [], l IN lists | acc + l)[0..3]
                ORDER BY weight DESC, o.key, type
                LIMIT $limit
                """, parameters),
        ], cancellationToken);
        if (results[0].Rows.Count == 0)
            return null;
        var e = results[0].Rows[0];
        var neighbours = results[1].Rows.Select(r => new EntityNeighbour(
            r[0].GetString()!, r[1].GetString()!, r[2].GetString()!, r[3].GetString()!, r[4].GetBoolean(), r[5].GetInt32(),
            r[6].EnumerateArray().Select(s => s.GetString()!).ToList())).ToList();
        return new EntityDetail(e[0].GetString()!, e[1].GetString()!, e[2].GetString()!, Strings(e[3]).Order(StringComparer.Ordinal).ToList(),
            e[4].GetInt32(), neighbours);
    }

    public async Task<IReadOnlyList<NeighbourhoodEntry>> GetNeighbourhoodAsync(string key, int hops, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hops, 1);
        // Breadth-first, one request per hop: a variable-length pattern would enumerate every path
        // through the parallel per-article RELATED edges.
        var visited = new HashSet<string>(StringComparer.Ordinal) { key };
        var found = new List<NeighbourhoodEntry>();
        IReadOnlyList<string> frontier = [key];
        for (var distance = 1; distance <= hops && frontier.Count > 0; distance++)
        {
            var result = await client.RunAsync(new CypherStatement("""
                MATCH (a:Entity)-[:RELATED]-(b:Entity) WHERE a.key IN $frontier
                RETURN DISTINCT b.key, b.name
                """, new Dictionary<string, object?> { ["frontier"] = frontier }), cancellationToken);
            var next = result.Rows.Select(r => (Key: r[0].GetString()!, Name: r[1].GetString()!))
                .Where(r => visited.Add(r.Key)).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
            found.AddRange(next.Select(r => new NeighbourhoodEntry(r.Key, r.Name, distance)));
            frontier = next.Select(r => r.Key).ToList();
        }
        return found.Take(limit).ToList();
    }

    public async Task<GraphSnapshot> LoadSnapshotAsync(CancellationToken cancellationToken = default)
    {
        var results = await client.RunAsync(
        [
            new("MATCH (e:Entity) RETURN e.key, e.name, e.type, e.aliases ORDER BY e.key"),
            new("MATCH (e:Entity)-[m:MENTIONED_IN]->(c:Chunk) RETURN e.key, c.id, m.count"),
            new("MATCH (s:Entity)-[r:RELATED]->(t:Entity) RETURN s.key, t.key, r.type, sum(r.weight)"),
        ], cancellationToken);
        return new GraphSnapshot(
            results[0].Rows.Select(r => new GraphEntity(r[0].GetString()!, r[1].GetString()!, r[2].GetString()!,
                Strings(r[3]).Order(StringComparer.Ordinal).ToList())).ToList(),
            results[1].Rows.Select(r => new EntityChunkEdge(r[0].GetString()!, r[1].GetInt64(), r[2].GetInt32())).ToList(),
            results[2].Rows.Select(r => new WeightedRelation(r[0].GetString()!, r[1].GetString()!, r[2].GetString()!, r[3].GetInt32())).ToList());
    }

    private static IEnumerable<string> Strings(JsonElement array) =>
        array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().Select(a => a.GetString()!) : [];
}
