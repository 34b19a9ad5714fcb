using GraphRag.Graph.Model;

namespace GraphRag.Graph.Store;

/// <summary>
/// Where the knowledge graph lives and how it is queried. Two implementations pass the same
/// contract tests: <see cref="EmbeddedGraphStore"/> (tables in the SQLite database) and
/// <see cref="Neo4jGraphStore"/> (Neo4j over its HTTP Cypher endpoint).
/// </summary>
public interface IGraphStore
{
    /// <summary>"embedded" or "neo4j".</summary>
    string Name { get; }

    /// <summary>
    /// Replaces each article's contribution (mentions, relation evidence) with the given one, in one
    /// transaction; entities and relations no article supports any more are deleted.
    /// </summary>
    Task ReplaceArticlesAsync(IReadOnlyList<ArticleGraph> graphs, CancellationToken cancellationToken = default);

    Task<GraphStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default);

    /// <summary>The entity with this key, its aliases and its neighbours with supporting sentences; null when unknown.</summary>
    Task<EntityDetail?> GetEntityAsync(string key, int maxNeighbours, CancellationToken cancellationToken = default);

    /// <summary>Entities within <paramref name="hops"/> relations of the entity (either direction), nearest first.</summary>
    Task<IReadOnlyList<NeighbourhoodEntry>> GetNeighbourhoodAsync(string key, int hops, int limit, CancellationToken cancellationToken = default);

    /// <summary>The whole graph in memory form, for entity linking, PageRank and communities.</summary>
    Task<GraphSnapshot> LoadSnapshotAsync(CancellationToken cancellationToken = default);
}
