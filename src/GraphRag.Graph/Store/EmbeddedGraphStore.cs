using Dapper;
using GraphRag.Graph.Model;
using GraphRag.Store;

namespace GraphRag.Graph.Store;

/// <summary>The zero-setup graph store: tables in the GraphRag SQLite database (Store/Migrations/0003).</summary>
public sealed class EmbeddedGraphStore(GraphRagDatabase database) : IGraphStore
{
    /// <summary>The graph's tables (Store/Migrations), applied with the core's when a database opens.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } = Migrator.In(typeof(EmbeddedGraphStore).Assembly);

    public string Name => GraphOptions.EmbeddedStore;

    public Task ReplaceArticlesAsync(IReadOnlyList<ArticleGraph> graphs, CancellationToken cancellationToken = default)
    {
        using var write = database.BeginWrite();
        foreach (var graph in graphs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SqliteGraphWriter.Replace(graph, write);
        }
        SqliteGraphWriter.UpdateSalience(write);
        write.Commit();
        return Task.CompletedTask;
    }

    public async Task<GraphStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = database.Open();
        var counts = await connection.QuerySingleAsync<(long Entities, long Aliases, long Relations, long Typed, long Edges, long Candidates)>(new CommandDefinition("""
            SELECT (SELECT count(*) FROM entities WHERE salient = 1),
                   (SELECT count(*) FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE e.salient = 1),
                   (SELECT count(*) FROM relations r JOIN entities s ON s.id = r.source_id JOIN entities t ON t.id = r.target_id
                    WHERE s.salient = 1 AND t.salient = 1),
                   (SELECT count(*) FROM relations r JOIN entities s ON s.id = r.source_id JOIN entities t ON t.id = r.target_id
                    WHERE s.salient = 1 AND t.salient = 1 AND r.type <> $coOccurs),
                   (SELECT count(*) FROM (SELECT DISTINCT m.entity_id, m.chunk_id FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE e.salient = 1)),
                   (SELECT count(*) FROM entities WHERE salient = 0)
            """, new { coOccurs = RelationTypes.CoOccurs }, cancellationToken: cancellationToken));
        var byType = await connection.QueryAsync<(string Type, long Count)>(new CommandDefinition(
            "SELECT type, count(*) FROM entities WHERE salient = 1 GROUP BY type ORDER BY type", cancellationToken: cancellationToken));
        return new GraphStatistics((int)counts.Entities, (int)counts.Aliases, (int)counts.Relations, (int)counts.Typed, (int)counts.Edges,
            byType.ToDictionary(t => t.Type, t => (int)t.Count), (int)counts.Candidates);
    }

    public async Task<EntityDetail?> GetEntityAsync(string key, int maxNeighbours, CancellationToken cancellationToken = default)
    {
        await using var connection = database.Open();
        var e = await connection.QuerySingleOrDefaultAsync<EntityRow>(new CommandDefinition(
            "SELECT id, key, name, type FROM entities WHERE key = $key AND salient = 1", new { key }, cancellationToken: cancellationToken));
        if (e is null)
            return null;
        var aliases = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT alias FROM entity_aliases WHERE entity_id = $id ORDER BY alias", new { id = e.Id }, cancellationToken: cancellationToken))).ToList();
        var chunks = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(DISTINCT chunk_id) FROM mentions WHERE entity_id = $id", new { id = e.Id }, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<(long RelationId, string Key, string Name, string Type, string Relation, long Outgoing, long Weight)>(new CommandDefinition("""
            SELECT * FROM (
            SELECT r.id, o.key AS key, o.name, o.type, r.type AS relation, 1,
                   (SELECT count(*) FROM relation_evidence WHERE relation_id = r.id) AS weight
            FROM relations r JOIN entities o ON o.id = r.target_id WHERE r.source_id = $id AND o.salient = 1
            UNION ALL
            SELECT r.id, o.key, o.name, o.type, r.type, 0,
                   (SELECT count(*) FROM relation_evidence WHERE relation_id = r.id) AS weight
            FROM relations r JOIN entities o ON o.id = r.source_id WHERE r.target_id = $id AND o.salient = 1
            )
            -- Stated relations first, then co-occurrence; heaviest first within each.
            ORDER BY relation = $coOccurs, weight DESC, key, relation
            LIMIT $limit
            """, new { id = e.Id, limit = maxNeighbours, coOccurs = RelationTypes.CoOccurs }, cancellationToken: cancellationToken));
        var neighbours = new List<EntityNeighbour>();
        foreach (var row in rows)
        {
            var evidence = await connection.QueryAsync<string>(new CommandDefinition("""
                SELECT sentence FROM relation_evidence WHERE relation_id = $id ORDER BY chunk_id, sentence_start LIMIT 3
                """, new { id = row.RelationId }, cancellationToken: cancellationToken));
            neighbours.Add(new EntityNeighbour(row.Key, row.Name, row.Type, row.Relation, row.Outgoing == 1, (int)row.Weight, evidence.ToList()));
        }
        return new EntityDetail(e.Key, e.Name, e.Type, aliases, (int)chunks, neighbours);
    }

    public async Task<IReadOnlyList<NeighbourhoodEntry>> GetNeighbourhoodAsync(string key, int hops, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hops, 1);
        await using var connection = database.Open();
        // UNION (not UNION ALL) keeps each (entity, distance) once, which bounds the walk.
        var rows = await connection.QueryAsync<(string Key, string Name, long Distance)>(new CommandDefinition("""
            WITH RECURSIVE walk(id, distance) AS (
                SELECT id, 0 FROM entities WHERE key = $key AND salient = 1
                UNION
                SELECT r.target_id, w.distance + 1 FROM walk w JOIN relations r ON r.source_id = w.id
                JOIN entities n ON n.id = r.target_id WHERE w.distance < $hops AND n.salient = 1
                UNION
                SELECT r.source_id, w.distance + 1 FROM walk w JOIN relations r ON r.target_id = w.id
                JOIN entities n ON n.id = r.source_id WHERE w.distance < $hops AND n.salient = 1
            )
            SELECT e.key, e.name, min(w.distance) AS distance
            FROM walk w JOIN entities e ON e.id = w.id
            GROUP BY e.id
            HAVING min(w.distance) > 0
            ORDER BY distance, e.key
            LIMIT $limit
            """, new { key, hops, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => new NeighbourhoodEntry(r.Key, r.Name, (int)r.Distance)).ToList();
    }

    public async Task<GraphSnapshot> LoadSnapshotAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = database.Open();
        var entityRows = await connection.QueryAsync<(string Key, string Name, string Type, string? Alias)>(new CommandDefinition("""
            SELECT e.key, e.name, e.type, a.alias
            FROM entities e LEFT JOIN entity_aliases a ON a.entity_id = e.id
            WHERE e.salient = 1
            ORDER BY e.key, a.alias
            """, cancellationToken: cancellationToken));
        var entities = entityRows
            .GroupBy(r => (r.Key, r.Name, r.Type))
            .Select(g => new GraphEntity(g.Key.Key, g.Key.Name, g.Key.Type, g.Where(r => r.Alias is not null).Select(r => r.Alias!).ToList()))
            .ToList();
        var edges = await connection.QueryAsync<(string Key, long ChunkId, long Mentions)>(new CommandDefinition("""
            SELECT e.key, m.chunk_id, count(*)
            FROM mentions m JOIN entities e ON e.id = m.entity_id
            WHERE e.salient = 1
            GROUP BY m.entity_id, m.chunk_id
            """, cancellationToken: cancellationToken));
        var relations = await connection.QueryAsync<(string Source, string Target, string Type, long Weight)>(new CommandDefinition("""
            SELECT s.key, t.key, r.type, count(*)
            FROM relations r
            JOIN relation_evidence ev ON ev.relation_id = r.id
            JOIN entities s ON s.id = r.source_id
            JOIN entities t ON t.id = r.target_id
            WHERE s.salient = 1 AND t.salient = 1
            GROUP BY r.id
            """, cancellationToken: cancellationToken));
        return new GraphSnapshot(
            entities,
            edges.Select(e => new EntityChunkEdge(e.Key, e.ChunkId, (int)e.Mentions)).ToList(),
            relations.Select(r => new WeightedRelation(r.Source, r.Target, r.Type, (int)r.Weight)).ToList());
    }

    private sealed record EntityRow(long Id, string Key, string Name, string Type);
}
