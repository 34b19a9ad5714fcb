using System.Net;
using GraphRag.Graph.Communities;
using GraphRag.Graph.Model;
using GraphRag.Graph.Store;
using GraphRag.Store;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Web.Tests;

/// <summary>The graph endpoints against the graph built from corpus/ at ingestion, checked against the graph store itself.</summary>
public sealed class GraphApiTests(CorpusFixture corpus)
{
    private readonly HttpClient _client = corpus.Client;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private IGraphStore Store
    {
        get
        {
            var store = corpus.Host.Services.GetService<IGraphStore>();
            Assert.SkipWhen(store is null, "SKIPPED: AddGraphRagServices registers no knowledge graph (GraphRag.Graph) yet");
            return store!;
        }
    }

    private async Task<GraphEntity> BusiestEntityAsync()
    {
        var snapshot = await Store.LoadSnapshotAsync(Ct);
        var busiest = snapshot.Relations.SelectMany(r => new[] { r.SourceKey, r.TargetKey })
            .GroupBy(k => k).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        return snapshot.Entities.Single(e => e.Key == busiest);
    }

    [Fact]
    public async Task Finding_an_entity_by_its_name_puts_it_first()
    {
        var entity = await BusiestEntityAsync();
        var found = await Json.GetAsync(_client, $"/api/entities?q={Uri.EscapeDataString(entity.Name)}");
        Assert.Contains(found.EnumerateArray(), e => e.GetProperty("key").GetString() == entity.Key);
        Assert.True(found[0].GetProperty("name").GetString()!.Equals(entity.Name, StringComparison.OrdinalIgnoreCase)
                    || entity.Aliases.Any(a => a.Equals(found[0].GetProperty("name").GetString(), StringComparison.OrdinalIgnoreCase))
                    || found[0].GetProperty("key").GetString() == entity.Key);
    }

    [Fact]
    public async Task An_entity_comes_with_its_neighbours_as_the_store_has_them()
    {
        var entity = await BusiestEntityAsync();
        var detail = await Json.GetAsync(_client, $"/api/entity?key={Uri.EscapeDataString(entity.Key)}");
        var expected = await Store.GetEntityAsync(entity.Key, 30, Ct);
        Assert.Equal(expected!.Name, detail.GetProperty("name").GetString());
        Assert.Equal(expected.Neighbours.Select(n => n.Key), detail.GetProperty("neighbours").EnumerateArray().Select(n => n.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task A_neighbourhood_has_the_entity_at_its_centre_and_only_edges_between_its_nodes()
    {
        var entity = await BusiestEntityAsync();
        var graph = await Json.GetAsync(_client, $"/api/entity/neighbourhood?key={Uri.EscapeDataString(entity.Key)}&hops=2&limit=30");
        var nodes = graph.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(entity.Key, graph.GetProperty("center").GetString());
        Assert.Equal((entity.Key, 0), (nodes[0].GetProperty("key").GetString(), nodes[0].GetProperty("distance").GetInt32()));
        Assert.True(nodes.Count > 1);
        var keys = nodes.Select(n => n.GetProperty("key").GetString()).ToHashSet();
        Assert.Equal(nodes.Count, keys.Count);
        var edges = graph.GetProperty("edges").EnumerateArray().ToList();
        Assert.NotEmpty(edges);
        Assert.All(edges, e => Assert.True(keys.Contains(e.GetProperty("source").GetString()) && keys.Contains(e.GetProperty("target").GetString())));
        var expected = await Store.GetNeighbourhoodAsync(entity.Key, 2, 30, Ct);
        Assert.Equal(expected.Where(e => e.Key != entity.Key).Select(e => e.Key).ToHashSet(), keys.Where(k => k != entity.Key).ToHashSet());
    }

    [Fact]
    public async Task An_unknown_entity_is_a_404_and_a_missing_key_a_400()
    {
        Assert.Contains("no-such-entity-xyz", await Json.ProblemAsync(await _client.GetAsync("/api/entity?key=no-such-entity-xyz", Ct), HttpStatusCode.NotFound));
        _ = Store;
        Assert.Contains("?key=", await Json.ProblemAsync(await _client.GetAsync("/api/entity", Ct), HttpStatusCode.BadRequest));
        Assert.Contains("hops", await Json.ProblemAsync(await _client.GetAsync("/api/entity/neighbourhood?key=x&hops=9", Ct), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task An_articles_entities_are_those_mentioned_in_its_chunks()
    {
        var snapshot = await Store.LoadSnapshotAsync(Ct);
        var articles = corpus.Host.Services.GetRequiredService<ArticleStore>();
        var article = articles.ListArticles().First(a => articles.ChunksOf(a.Id).Any(c => snapshot.EntityChunks.Any(e => e.ChunkId == c.Id)));
        var chunkIds = articles.ChunksOf(article.Id).Select(c => c.Id).ToHashSet();
        var expected = snapshot.EntityChunks.Where(e => chunkIds.Contains(e.ChunkId)).Select(e => e.EntityKey).ToHashSet();

        var entities = await Json.GetAsync(_client, $"/api/articles/{article.Id}/entities");
        Assert.Equal(expected, entities.EnumerateArray().Select(e => e.GetProperty("key").GetString()!).ToHashSet());
        var mentions = entities.EnumerateArray().Select(e => e.GetProperty("mentions").GetInt32()).ToList();
        Assert.Equal(mentions.OrderDescending(), mentions);
    }

    [Fact]
    public async Task Graph_mode_search_says_which_entities_led_to_each_passage()
    {
        _ = Store;
        var result = await Json.GetAsync(_client, "/api/search?q=NDCG+ranking+metric&mode=graph&top=5");
        Assert.Equal("graph", result.GetProperty("mode").GetString());
        var hits = result.GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.StartsWith("linked: ", h.GetProperty("explanation").GetString()));
    }

    [Fact]
    public async Task Graph_statistics_are_the_stores()
    {
        var expected = await Store.GetStatisticsAsync(Ct);
        var stats = await Json.GetAsync(_client, "/api/graph/stats");
        Assert.Equal(expected.Entities, stats.GetProperty("entities").GetInt32());
        Assert.Equal(expected.Relations, stats.GetProperty("relations").GetInt32());
        Assert.Equal(expected.EntityChunkEdges, stats.GetProperty("entityChunkEdges").GetInt32());
    }

    [Fact]
    public async Task Communities_are_those_the_finder_finds()
    {
        _ = Store;
        var expected = await corpus.Host.Services.GetRequiredService<CommunityFinder>().FindAsync(3, 20, Ct);
        var communities = (await Json.GetAsync(_client, "/api/communities?minSize=3&max=20")).EnumerateArray().ToList();
        Assert.Equal(expected.Select(c => c.Title), communities.Select(c => c.GetProperty("title").GetString()));
        Assert.All(communities, c => Assert.True(c.GetProperty("size").GetInt32() >= 3));
    }

    [Fact]
    public async Task Status_says_a_graph_is_configured()
    {
        _ = Store;
        Assert.True((await Json.GetAsync(_client, "/api/status")).GetProperty("graph").GetBoolean());
    }

    [Fact]
    public async Task The_export_has_every_entity_and_relation_of_the_store_with_valid_indexes()
    {
        var snapshot = await Store.LoadSnapshotAsync(Ct);
        var export = await Json.GetAsync(_client, "/api/graph/export");
        var nodes = export.GetProperty("nodes");
        var keys = nodes.GetProperty("key").EnumerateArray().Select(k => k.GetString()!).ToList();
        Assert.Equal(snapshot.Entities.Select(e => e.Key), keys);
        var types = export.GetProperty("types").EnumerateArray().Select(t => t.GetString()!).ToList();
        Assert.Equal(snapshot.Entities.Select(e => e.Type), nodes.GetProperty("type").EnumerateArray().Select(t => types[t.GetInt32()]));

        var edges = export.GetProperty("edges");
        var relationTypes = export.GetProperty("relationTypes").EnumerateArray().Select(t => t.GetString()!).ToList();
        var exported = edges.GetProperty("source").EnumerateArray().Select((s, i) => (
                Source: keys[s.GetInt32()], Target: keys[edges.GetProperty("target")[i].GetInt32()],
                Type: relationTypes[edges.GetProperty("type")[i].GetInt32()], Weight: edges.GetProperty("weight")[i].GetInt32()))
            .ToHashSet();
        var expected = snapshot.Relations.Where(r => r.SourceKey != r.TargetKey).Select(r => (r.SourceKey, r.TargetKey, r.Type, r.Weight)).ToHashSet();
        Assert.Equal(expected.Count, exported.Count);
        Assert.Subset(expected, exported);
    }

    [Fact]
    public async Task Exported_communities_are_the_stored_ones_and_each_member_carries_its_community()
    {
        _ = Store;
        var stored = corpus.Host.Services.GetRequiredService<CommunityBuilder>().Load();
        var export = await Json.GetAsync(_client, "/api/graph/export");
        Assert.Equal(stored.Select(c => c.Label), export.GetProperty("communities").EnumerateArray().Select(c => c.GetProperty("label").GetString()));
        var nodes = export.GetProperty("nodes");
        var names = nodes.GetProperty("name").EnumerateArray().Select(k => k.GetString()!).ToList();
        var community = nodes.GetProperty("community").EnumerateArray().Select(c => c.GetInt32()).ToList();
        // The finder reads each community's members by entity id: the same membership, reached another way.
        var found = await corpus.Host.Services.GetRequiredService<CommunityFinder>().FindAsync(1, int.MaxValue, Ct);
        Assert.NotEmpty(found);
        foreach (var c in found)
            Assert.Equal(c.Entities.Order(StringComparer.Ordinal), names.Where((_, i) => community[i] == c.Id).Order(StringComparer.Ordinal));
        Assert.Equal(found.Sum(c => c.Size), community.Count(c => c != 0));
    }

    [Fact]
    public async Task An_entitys_mentions_are_the_passages_that_name_it_most_first()
    {
        var entity = await BusiestEntityAsync();
        var snapshot = await Store.LoadSnapshotAsync(Ct);
        var expected = snapshot.EntityChunks.Where(e => e.EntityKey == entity.Key).ToList();
        var mentions = (await Json.GetAsync(_client, $"/api/entity/mentions?key={Uri.EscapeDataString(entity.Key)}")).EnumerateArray().ToList();
        Assert.Equal(expected.Select(e => e.ChunkId).Order(), mentions.Select(m => m.GetProperty("chunkId").GetInt64()).Order());
        var counts = mentions.Select(m => m.GetProperty("mentions").GetInt32()).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
        var store = corpus.Host.Services.GetRequiredService<ArticleStore>();
        var first = mentions[0];
        Assert.Equal(store.GetChunk(first.GetProperty("chunkId").GetInt64())!.ArticleId, first.GetProperty("articleId").GetInt64());
    }
}
