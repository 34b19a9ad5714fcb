using GraphRag.Graph.Model;
using GraphRag.Graph.Store;
using GraphRag.Graph.Tests.Support;

namespace GraphRag.Graph.Tests.Store;

/// <summary>
/// The behaviour every <see cref="IGraphStore"/> must have. Subclasses supply the store; the
/// article and chunk rows exist in a SQLite database either way (the embedded store needs them).
/// </summary>
public abstract class GraphStoreContract : IDisposable
{
    private readonly GraphDatabase _db = new();
    private readonly (long ArticleId, long[] ChunkIds) _first;
    private readonly (long ArticleId, long[] ChunkIds) _second;

    protected GraphStoreContract()
    {
        _first = _db.AddArticle("first", new string('x', 200), 0, 100);
        _second = _db.AddArticle("second", new string('y', 100));
    }

    protected GraphRag.Store.GraphRagDatabase Database => _db.Database;

    protected abstract Task<IGraphStore> StoreAsync();

    // Article 1: NDCG (two aliases) is_a ranking metric (two sentences), NDCG co-occurs with recommendation system.
    private ArticleGraph First => new(_first.ArticleId, _first.ChunkIds,
        [
            new("ndcg", "Normalized Discounted Cumulative Gain", EntityTypes.Metric, ["Normalized Discounted Cumulative Gain", "NDCG"]),
            new("ranking metric", "ranking metric", EntityTypes.Concept, ["ranking metric"]),
            new("recommendation system", "recommendation systems", EntityTypes.Concept, ["recommendation systems", "recommendation system"]),
        ],
        [
            new("ndcg", _first.ChunkIds[0], 0, 4, 0, 40),
            new("ndcg", _first.ChunkIds[0], 50, 54, 50, 90),
            new("ranking metric", _first.ChunkIds[0], 10, 24, 0, 40),
            new("ndcg", _first.ChunkIds[1], 100, 104, 100, 150),
            new("recommendation system", _first.ChunkIds[1], 110, 131, 100, 150),
        ],
        [
            new("ndcg", "ranking metric", RelationTypes.IsA,
                [new(_first.ChunkIds[0], 0, 40, "NDCG is a ranking metric."), new(_first.ChunkIds[0], 50, 90, "NDCG is a graded ranking metric.")]),
            new("ndcg", "recommendation system", RelationTypes.CoOccurs, [new(_first.ChunkIds[1], 100, 150, "Recommendation systems report NDCG.")]),
        ]);

    // Article 2: NDCG again (a third spelling of an existing alias key) co-occurs with MRR.
    private ArticleGraph Second => new(_second.ArticleId, _second.ChunkIds,
        [
            new("ndcg", "NDCG", EntityTypes.Metric, ["nDCG"]),
            new("mrr", "Mean Reciprocal Rank", EntityTypes.Metric, ["Mean Reciprocal Rank", "MRR"]),
        ],
        [
            new("ndcg", _second.ChunkIds[0], 0, 4, 0, 30),
            new("mrr", _second.ChunkIds[0], 10, 13, 0, 30),
        ],
        [new("mrr", "ndcg", RelationTypes.CoOccurs, [new(_second.ChunkIds[0], 0, 30, "NDCG and MRR are rank-aware.")])]);

    [Fact]
    public async Task Replacing_two_articles_counts_shared_entities_once()
    {
        var store = await StoreAsync();
        await store.ReplaceArticlesAsync([First, Second]);
        var stats = await store.GetStatisticsAsync();
        Assert.Equal(4, stats.Entities);
        Assert.Equal(6, stats.Aliases);
        Assert.Equal(3, stats.Relations);
        Assert.Equal(1, stats.TypedRelations);
        Assert.Equal(6, stats.EntityChunkEdges);
        Assert.Equal(new Dictionary<string, int> { ["concept"] = 2, ["metric"] = 2 }, stats.EntitiesByType);
    }

    [Fact]
    public async Task Replacing_an_article_again_changes_nothing()
    {
        var store = await StoreAsync();
        await store.ReplaceArticlesAsync([First, Second]);
        var before = await store.LoadSnapshotAsync();
        await store.ReplaceArticlesAsync([First]);
        await store.ReplaceArticlesAsync([First]);
        var after = await store.LoadSnapshotAsync();
        Assert.Equal(Canonical(before), Canonical(after));
    }

    [Fact]
    public async Task Removing_an_article_deletes_what_only_it_supported()
    {
        var store = await StoreAsync();
        await store.ReplaceArticlesAsync([First, Second]);
        await store.ReplaceArticlesAsync([ArticleGraph.Removed(_second.ArticleId)]);
        var stats = await store.GetStatisticsAsync();
        Assert.Equal(3, stats.Entities);
        Assert.Equal(2, stats.Relations);
        Assert.Equal(4, stats.EntityChunkEdges);
        Assert.Null(await store.GetEntityAsync("mrr", 10));
        Assert.Equal(2, (await store.GetEntityAsync("ndcg", 10))!.Chunks);
    }

    [Fact]
    public async Task An_entity_shows_aliases_chunks_and_neighbours_with_evidence_heaviest_first()
    {
        var store = await StoreAsync();
        await store.ReplaceArticlesAsync([First, Second]);
        var ndcg = await store.GetEntityAsync("ndcg", 10);
        Assert.NotNull(ndcg);
        Assert.Equal("Normalized Discounted Cumulative Gain", ndcg.Name);
        Assert.Equal(EntityTypes.Metric, ndcg.Type);
        Assert.Equal(["NDCG", "Normalized Discounted Cumulative Gain"], ndcg.Aliases);
        Assert.Equal(3, ndcg.Chunks);
        Assert.Equal(["ranking metric", "mrr", "recommendation system"], ndcg.Neighbours.Select(n => n.Key));
        var isA = ndcg.Neighbours[0];
        Assert.Equal((RelationTypes.IsA, true, 2), (isA.Relation, isA.Outgoing, isA.Weight));
        Assert.Equal(["NDCG is a ranking metric.", "NDCG is a graded ranking metric."], isA.Evidence);
        Assert.False(ndcg.Neighbours[1].Outgoing);
        Assert.Single((await store.GetEntityAsync("ndcg", 1))!.Neighbours);
        Assert.Null(await store.GetEntityAsync("no such entity", 10));
    }

    [Fact]
    public async Task The_neighbourhood_lists_entities_by_distance()
    {
        var store = await StoreAsync();
        await store.ReplaceArticlesAsync([First, Second]);
        var two = await store.GetNeighbourhoodAsync("ranking metric", 2, 10);
        Assert.Equal([("ndcg", 1), ("mrr", 2), ("recommendation system", 2)], two.Select(n => (n.Key, n.Distance)));
        var one = await store.GetNeighbourhoodAsync("ranking metric", 1, 10);
        Assert.Equal(["ndcg"], one.Select(n => n.Key));
        Assert.Single(await store.GetNeighbourhoodAsync("ranking metric", 2, 1));
    }

    [Fact]
    public async Task The_snapshot_has_weighted_entity_chunk_edges_and_relations()
    {
        var store = await StoreAsync();
        await store.ReplaceArticlesAsync([First, Second]);
        var snapshot = await store.LoadSnapshotAsync();
        Assert.Equal(4, snapshot.Entities.Count);
        Assert.Equal(2, snapshot.EntityChunks.Single(e => e.EntityKey == "ndcg" && e.ChunkId == _first.ChunkIds[0]).Mentions);
        Assert.Equal(2, snapshot.Relations.Single(r => r.Type == RelationTypes.IsA).Weight);
        Assert.Equal(["MRR", "Mean Reciprocal Rank"], snapshot.Entities.Single(e => e.Key == "mrr").Aliases);
    }

    /// <summary>An order-independent text form of a snapshot, to compare two.</summary>
    public static string Canonical(GraphSnapshot s) => string.Join('\n',
        s.Entities.Select(e => $"E {e.Key}|{e.Name}|{e.Type}|{string.Join(',', e.Aliases.Order(StringComparer.Ordinal))}")
            .Concat(s.EntityChunks.Select(e => $"M {e.EntityKey}|{e.ChunkId}|{e.Mentions}"))
            .Concat(s.Relations.Select(r => $"R {r.SourceKey}|{r.TargetKey}|{r.Type}|{r.Weight}"))
            .Order(StringComparer.Ordinal));

    public void Dispose() => _db.Dispose();
}

public sealed class EmbeddedGraphStoreTests : GraphStoreContract
{
    protected override Task<IGraphStore> StoreAsync() => Task.FromResult<IGraphStore>(new EmbeddedGraphStore(Database));
}

/// <summary>Needs the local server: scripts/neo4j.sh start (the README's test command runs it).</summary>
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jGraphStoreTests : GraphStoreContract
{
    protected override async Task<IGraphStore> StoreAsync() => await Neo4jServer.EmptyStoreOrSkipAsync();
}
