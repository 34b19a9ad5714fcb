using GraphRag.Store;
using GraphRag.Graph.Extract;
using GraphRag.Graph.Model;

namespace GraphRag.Graph.Store;

/// <summary>
/// Writes one article's graph into the SQLite tables inside a caller's transaction (the article's,
/// during ingestion), replacing what the article contributed before and deleting the entities and
/// relations that nothing supports any more.
/// </summary>
public static class SqliteGraphWriter
{
    public static void Replace(ArticleGraph graph, WriteTransaction write)
    {
        var previous = RemoveContribution(graph.ArticleId, write);
        // mentions.tentative: 0 firm, 1 tentative, 2 an everyday noun (EntitySalience decides both across the notes).
        var standing = graph.Entities.ToDictionary(e => e.Key, e => e.Everyday ? 2 : e.Tentative ? 1 : 0, StringComparer.Ordinal);
        var entityIds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var entity in graph.Entities)
        {
            var id = write.ExecuteScalar<long>("""
                INSERT INTO entities (key, name, type, salient) VALUES ($key, $name, $type, $salient)
                ON CONFLICT (key) DO UPDATE SET key = excluded.key
                RETURNING id
                """, new { key = entity.Key, name = entity.Name, type = entity.Type, salient = entity.Tentative || entity.Everyday ? 0 : 1 });
            entityIds[entity.Key] = id;
            write.Execute("""
                INSERT INTO entity_aliases (alias_key, entity_id, alias) VALUES ($aliasKey, $id, $alias)
                ON CONFLICT (alias_key) DO NOTHING
                """,
                entity.Aliases.Select(a => new { aliasKey = EntityKeys.Normalize(a), id, alias = a }).Where(a => a.aliasKey.Length > 0));
        }
        write.Execute("""
            INSERT INTO mentions (entity_id, chunk_id, start_offset, end_offset, sentence_start, sentence_end, tentative, source)
            VALUES ($entityId, $chunkId, $start, $end, $sentenceStart, $sentenceEnd, $tentative, $source)
            ON CONFLICT DO NOTHING
            """,
            graph.Mentions.Select(m => new
            {
                entityId = IdOf(entityIds, m.EntityKey), chunkId = m.ChunkId, start = m.StartOffset, end = m.EndOffset,
                sentenceStart = m.SentenceStart, sentenceEnd = m.SentenceEnd, tentative = standing.GetValueOrDefault(m.EntityKey), source = m.Source,
            }));
        foreach (var relation in graph.Relations)
        {
            var relationId = write.ExecuteScalar<long>("""
                INSERT INTO relations (source_id, target_id, type) VALUES ($source, $target, $type)
                ON CONFLICT (source_id, target_id, type) DO UPDATE SET type = excluded.type
                RETURNING id
                """, new { source = IdOf(entityIds, relation.SourceKey), target = IdOf(entityIds, relation.TargetKey), type = relation.Type });
            write.Execute("""
                INSERT INTO relation_evidence (relation_id, chunk_id, sentence_start, sentence_end, sentence, source)
                VALUES ($relationId, $chunkId, $start, $end, $text, $source)
                ON CONFLICT DO NOTHING
                """,
                relation.Evidence.Select(e => new { relationId, chunkId = e.ChunkId, start = e.StartOffset, end = e.EndOffset, text = e.Text, source = e.Source }));
        }
        PruneUnsupported(previous, write);
    }

    private static long IdOf(Dictionary<string, long> ids, string key) =>
        ids.TryGetValue(key, out var id) ? id
            : throw new InvalidDataException($"The article graph refers to entity \"{key}\" but does not list it among its entities.");

    private sealed record Contribution(long[] EntityIds, long[] RelationIds);

    /// <summary>Deletes the article's mentions and evidence; returns which entities and relations they supported.</summary>
    private static Contribution RemoveContribution(long articleId, WriteTransaction write)
    {
        var args = new { articleId };
        var entities = write.Query<long>("""
            SELECT DISTINCT entity_id FROM mentions
            WHERE chunk_id IN (SELECT id FROM chunks WHERE article_id = $articleId)
            """, args).ToArray();
        var relations = write.Query<long>("""
            SELECT DISTINCT relation_id FROM relation_evidence
            WHERE chunk_id IN (SELECT id FROM chunks WHERE article_id = $articleId)
            """, args).ToArray();
        write.Execute("""
            DELETE FROM mentions WHERE chunk_id IN (SELECT id FROM chunks WHERE article_id = $articleId);
            DELETE FROM relation_evidence WHERE chunk_id IN (SELECT id FROM chunks WHERE article_id = $articleId);
            """, args);
        return new Contribution(entities, relations);
    }

    private static void PruneUnsupported(Contribution previous, WriteTransaction write)
    {
        write.Execute("""
            DELETE FROM relations WHERE id = $id
              AND NOT EXISTS (SELECT 1 FROM relation_evidence WHERE relation_id = $id)
            """, previous.RelationIds.Select(id => new { id }));
        write.Execute("""
            DELETE FROM entities WHERE id = $id
              AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = $id)
            """, previous.EntityIds.Select(id => new { id }));
    }

    /// <summary>
    /// Deletes entities without mentions and relations without evidence anywhere: what remains when
    /// articles were deleted by cascade without <see cref="Replace"/> being called for them.
    /// </summary>
    /// <summary>
    /// Recomputes which candidates are entities (<see cref="Extract.EntitySalience"/>) from every
    /// article's mentions; returns the ids whose verdict changed.
    /// </summary>
    public static IReadOnlyList<long> UpdateSalience(WriteTransaction write)
    {
        var changed = write.Query<long>("""
            WITH standing AS (
                SELECT m.entity_id AS id, min(m.tentative) AS weakest, count(DISTINCT c.article_id) AS articles
                FROM mentions m JOIN chunks c ON c.id = m.chunk_id
                GROUP BY m.entity_id),
            named AS (
                SELECT e.id, e.key, s.weakest,
                       (s.weakest = 0 OR (s.weakest = 1 AND s.articles >= $confirming)) AS salient
                FROM entities e JOIN standing s ON s.id = e.id),
            verdict AS (
                SELECT n.id, CASE WHEN n.weakest = 2
                    THEN (SELECT count(*) FROM named o WHERE o.salient AND o.key LIKE '% ' || n.key) >= $headed
                    ELSE n.salient END AS salient
                FROM named n)
            SELECT e.id FROM entities e JOIN verdict v ON v.id = e.id WHERE e.salient <> v.salient
            """, new { confirming = Extract.EntitySalience.ConfirmingArticles, headed = Extract.EntitySalience.HeadedEntities }).ToList();
        write.Execute("UPDATE entities SET salient = 1 - salient WHERE id = $id", changed.Select(id => new { id }));
        return changed;
    }

    public static int PruneAll(WriteTransaction write) =>
        write.Execute("""
            DELETE FROM relations WHERE NOT EXISTS (SELECT 1 FROM relation_evidence WHERE relation_id = relations.id);
            DELETE FROM entities WHERE NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = entities.id);
            """);
}
