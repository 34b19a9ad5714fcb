using System.Text.Json;
using Dapper;
using GraphRag.Store;

namespace GraphRag.Retrieve;

/// <summary>Turns ranked chunk ids (from any retriever) into <see cref="SearchHit"/>s, keeping the order.</summary>
public static class ChunkHits
{
    public static IReadOnlyList<SearchHit> Load(
        GraphRagDatabase database,
        IReadOnlyList<(long ChunkId, double Score)> ranked,
        Func<long, string?>? explain = null)
    {
        if (ranked.Count == 0)
            return [];
        using var connection = database.Open();
        var rows = connection.Query<Row>("""
            SELECT c.id AS ChunkId, c.article_id AS ArticleId, a.title AS Title, c.heading_path AS HeadingPath,
                   c.text AS Text, c.start_offset AS StartOffset, c.end_offset AS EndOffset
            FROM chunks c JOIN articles a ON a.id = c.article_id
            WHERE c.id IN (SELECT value FROM json_each($ids))
            """, new { ids = JsonSerializer.Serialize(ranked.Select(r => r.ChunkId)) })
            .ToDictionary(r => r.ChunkId);
        var hits = new List<SearchHit>(ranked.Count);
        foreach (var (chunkId, score) in ranked)
        {
            // A chunk deleted since the ranking was computed simply drops out.
            if (!rows.TryGetValue(chunkId, out var r))
                continue;
            hits.Add(new SearchHit(hits.Count + 1, score, r.ChunkId, r.ArticleId, r.Title, r.HeadingPath, r.Text,
                (int)r.StartOffset, (int)r.EndOffset, explain?.Invoke(chunkId)));
        }
        return hits;
    }

    private sealed record Row(long ChunkId, long ArticleId, string Title, string HeadingPath, string Text, long StartOffset, long EndOffset);
}
