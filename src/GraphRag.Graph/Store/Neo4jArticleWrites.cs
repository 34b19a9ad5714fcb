using GraphRag.Graph.Extract;
using GraphRag.Graph.Model;

namespace GraphRag.Graph.Store;

/// <summary>
/// The Cypher that replaces a batch of articles' contributions in one transaction: delete their
/// RELATED edges and chunk nodes, delete entities left without mentions, then MERGE the new rows.
/// </summary>
public static class Neo4jArticleWrites
{
    private const string DeleteRelations = """
        UNWIND $articles AS a
        MATCH (c:Chunk {articleId: a})<-[:MENTIONED_IN]-(:Entity)-[r:RELATED]-()
        WHERE r.article = a
        WITH DISTINCT r
        DELETE r
        """;

    private const string DeleteChunksAndOrphans = """
        UNWIND $articles AS a
        MATCH (c:Chunk {articleId: a})
        OPTIONAL MATCH (c)<-[:MENTIONED_IN]-(e:Entity)
        WITH collect(DISTINCT c) AS chunks, collect(DISTINCT e) AS entities
        FOREACH (c IN chunks | DETACH DELETE c)
        WITH entities
        UNWIND entities AS e
        WITH e WHERE NOT (e)-[:MENTIONED_IN]->()
        DETACH DELETE e
        """;

    // Aliases are a union keyed by normalised alias: the nested FOREACH is 3.1's "if".
    private const string MergeEntities = """
        UNWIND $entities AS row
        MERGE (e:Entity {key: row.key})
        ON CREATE SET e.name = row.name, e.type = row.type
        WITH e, row
        FOREACH (i IN range(0, size(row.aliasKeys) - 1) |
          FOREACH (_ IN CASE WHEN row.aliasKeys[i] IN coalesce(e.aliasKeys, []) THEN [] ELSE [1] END |
            SET e.aliasKeys = coalesce(e.aliasKeys, []) + row.aliasKeys[i],
                e.aliases = coalesce(e.aliases, []) + row.aliases[i]))
        """;

    private const string MergeChunks = """
        UNWIND $chunks AS row
        MERGE (c:Chunk {id: row.id})
        SET c.articleId = row.articleId
        """;

    private const string MergeMentions = """
        UNWIND $mentions AS row
        MATCH (e:Entity {key: row.key})
        MATCH (c:Chunk {id: row.chunk})
        MERGE (e)-[m:MENTIONED_IN]->(c)
        SET m.count = row.count
        """;

    private const string CreateRelations = """
        UNWIND $relations AS row
        MATCH (s:Entity {key: row.source})
        MATCH (t:Entity {key: row.target})
        CREATE (s)-[:RELATED {type: row.type, article: row.article, weight: row.weight, sentences: row.sentences}]->(t)
        """;

    public static IReadOnlyList<CypherStatement> Replace(IReadOnlyList<ArticleGraph> graphs)
    {
        var articles = graphs.Select(g => g.ArticleId).ToList();
        var entities = graphs.SelectMany(g => g.Entities)
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var aliases = g.SelectMany(e => e.Aliases)
                    .Select(a => (Key: EntityKeys.Normalize(a), Alias: a))
                    .Where(a => a.Key.Length > 0)
                    .DistinctBy(a => a.Key)
                    .ToList();
                var first = g.First();
                return new Dictionary<string, object?>
                {
                    ["key"] = first.Key, ["name"] = first.Name, ["type"] = first.Type,
                    ["aliasKeys"] = aliases.Select(a => a.Key).ToList(), ["aliases"] = aliases.Select(a => a.Alias).ToList(),
                };
            }).ToList();
        var chunks = graphs.SelectMany(g => g.ChunkIds.Select(id => new Dictionary<string, object?> { ["id"] = id, ["articleId"] = g.ArticleId })).ToList();
        var mentions = graphs.SelectMany(g => g.Mentions)
            .GroupBy(m => (m.EntityKey, m.ChunkId))
            .Select(g => new Dictionary<string, object?> { ["key"] = g.Key.EntityKey, ["chunk"] = g.Key.ChunkId, ["count"] = g.DistinctBy(m => m.StartOffset).Count() })
            .ToList();
        var relations = graphs.SelectMany(g => g.Relations.Select(r =>
        {
            var evidence = r.Evidence.DistinctBy(e => (e.ChunkId, e.StartOffset)).OrderBy(e => e.ChunkId).ThenBy(e => e.StartOffset).ToList();
            return new Dictionary<string, object?>
            {
                ["source"] = r.SourceKey, ["target"] = r.TargetKey, ["type"] = r.Type, ["article"] = g.ArticleId,
                ["weight"] = evidence.Count, ["sentences"] = evidence.Select(e => e.Text).ToList(),
            };
        })).ToList();
        var byArticle = new Dictionary<string, object?> { ["articles"] = articles };
        return
        [
            new(DeleteRelations, byArticle),
            new(DeleteChunksAndOrphans, byArticle),
            new(MergeEntities, new Dictionary<string, object?> { ["entities"] = entities }),
            new(MergeChunks, new Dictionary<string, object?> { ["chunks"] = chunks }),
            new(MergeMentions, new Dictionary<string, object?> { ["mentions"] = mentions }),
            new(CreateRelations, new Dictionary<string, object?> { ["relations"] = relations }),
        ];
    }
}
