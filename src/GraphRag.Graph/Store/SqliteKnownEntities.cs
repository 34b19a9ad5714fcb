using Dapper;
using GraphRag.Graph.Extract;
using Microsoft.Data.Sqlite;

namespace GraphRag.Graph.Store;

/// <summary>Resolves aliases against the entity_aliases table (entities only, not tentative candidates), caching answers for one article's extraction.</summary>
public sealed class SqliteKnownEntities(SqliteConnection connection) : IKnownEntities
{
    private readonly Dictionary<string, KnownEntity?> _cache = new(StringComparer.Ordinal);

    public KnownEntity? Find(string aliasKey)
    {
        if (_cache.TryGetValue(aliasKey, out var known))
            return known;
        known = connection.QuerySingleOrDefault<KnownEntity>("""
            SELECT e.key AS Key, e.name AS Name, e.type AS Type
            FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
            WHERE a.alias_key = $aliasKey AND e.salient = 1
            """, new { aliasKey });
        _cache[aliasKey] = known;
        return known;
    }

    public IEnumerable<KnownEntity> Similar(string head, string initials) =>
        connection.Query<KnownEntity>("""
            SELECT key AS Key, name AS Name, type AS Type FROM entities
            WHERE salient = 1 AND (key = $head OR key LIKE '% ' || $head OR key = $initials)
            """, new { head, initials });
}
