using Dapper;
using GraphRag.Graph.Model;
using Microsoft.Data.Sqlite;

namespace GraphRag.Graph.Store;

/// <summary>
/// Reads one article's graph back from the SQLite tables: what `graph sync` sends to Neo4j. An
/// article that no longer exists reads as <see cref="ArticleGraph.Removed"/>. Only entities (salient
/// candidates) and the relations between them are read: the mirror holds what the graph shows.
/// </summary>
public static class SqliteArticleGraphReader
{
    public static ArticleGraph Read(long articleId, SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        var args = new { articleId };
        var chunkIds = connection.Query<long>("SELECT id FROM chunks WHERE article_id = $articleId ORDER BY ordinal", args, transaction).ToList();
        if (chunkIds.Count == 0)
            return ArticleGraph.Removed(articleId);
        var mentionRows = connection.Query<(string Key, long ChunkId, long Start, long End, long SentenceStart, long SentenceEnd)>("""
            SELECT e.key, m.chunk_id, m.start_offset, m.end_offset, m.sentence_start, m.sentence_end
            FROM mentions m JOIN entities e ON e.id = m.entity_id
            WHERE m.chunk_id IN (SELECT id FROM chunks WHERE article_id = $articleId) AND e.salient = 1
            ORDER BY m.chunk_id, m.start_offset, e.key
            """, args, transaction).ToList();
        var entityRows = connection.Query<(string Key, string Name, string Type, string Alias)>("""
            SELECT e.key, e.name, e.type, a.alias
            FROM entities e JOIN entity_aliases a ON a.entity_id = e.id
            WHERE e.id IN (SELECT entity_id FROM mentions WHERE chunk_id IN (SELECT id FROM chunks WHERE article_id = $articleId)) AND e.salient = 1
            ORDER BY e.key, a.alias
            """, args, transaction);
        var evidenceRows = connection.Query<(string Source, string Target, string Type, long ChunkId, long Start, long End, string Sentence)>("""
            SELECT s.key, t.key, r.type, ev.chunk_id, ev.sentence_start, ev.sentence_end, ev.sentence
            FROM relation_evidence ev
            JOIN relations r ON r.id = ev.relation_id
            JOIN entities s ON s.id = r.source_id
            JOIN entities t ON t.id = r.target_id
            WHERE ev.chunk_id IN (SELECT id FROM chunks WHERE article_id = $articleId) AND s.salient = 1 AND t.salient = 1
            ORDER BY s.key, t.key, r.type, ev.chunk_id, ev.sentence_start
            """, args, transaction);
        return new ArticleGraph(
            articleId,
            chunkIds,
            entityRows.GroupBy(r => (r.Key, r.Name, r.Type))
                .Select(g => new GraphEntity(g.Key.Key, g.Key.Name, g.Key.Type, g.Select(r => r.Alias).ToList())).ToList(),
            mentionRows.Select(m => new EntityMention(m.Key, m.ChunkId, (int)m.Start, (int)m.End, (int)m.SentenceStart, (int)m.SentenceEnd)).ToList(),
            evidenceRows.GroupBy(r => (r.Source, r.Target, r.Type))
                .Select(g => new GraphRelation(g.Key.Source, g.Key.Target, g.Key.Type,
                    g.Select(r => new EvidenceSentence(r.ChunkId, (int)r.Start, (int)r.End, r.Sentence)).ToList())).ToList());
    }
}
