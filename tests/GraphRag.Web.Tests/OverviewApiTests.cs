using GraphRag.Graph.Communities;
using GraphRag.Graph.Store;
using GraphRag.Store;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Web.Tests;

/// <summary>The landing page's overview against corpus/ as ingested, checked against the stores it summarises.</summary>
public sealed class OverviewApiTests(CorpusFixture corpus)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_overview_counts_what_the_stores_hold()
    {
        var overview = await Json.GetAsync(corpus.Client, "/api/overview");
        var counts = corpus.Host.Services.GetRequiredService<ArticleStore>().Counts();
        var graph = await corpus.Host.Services.GetRequiredService<IGraphStore>().GetStatisticsAsync(Ct);
        var c = overview.GetProperty("counts");
        Assert.Equal(counts.Articles, c.GetProperty("articles").GetInt64());
        Assert.Equal(counts.Chunks, c.GetProperty("chunks").GetInt64());
        Assert.Equal(graph.Entities, c.GetProperty("entities").GetInt32());
        Assert.Equal(graph.Relations, c.GetProperty("relations").GetInt32());
    }

    [Fact]
    public async Task Topics_are_the_stored_communities_heaviest_first_with_their_articles_by_id()
    {
        var overview = await Json.GetAsync(corpus.Client, "/api/overview");
        var stored = corpus.Host.Services.GetRequiredService<CommunityBuilder>().Load();
        var topics = overview.GetProperty("topics").EnumerateArray().ToList();
        Assert.NotEmpty(topics);
        Assert.Equal(stored.Where(c => c.EntityIds.Count >= 2).Take(topics.Count).Select(c => c.Label), topics.Select(t => t.GetProperty("title").GetString()));
        var store = corpus.Host.Services.GetRequiredService<ArticleStore>();
        var linked = topics.SelectMany(t => t.GetProperty("articles").EnumerateArray()).ToList();
        Assert.NotEmpty(linked);
        Assert.All(linked, a => Assert.Equal(store.GetArticle(a.GetProperty("id").GetInt64())?.Title, a.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Suggested_questions_name_entities_the_graph_relates()
    {
        var overview = await Json.GetAsync(corpus.Client, "/api/overview");
        var snapshot = await corpus.Host.Services.GetRequiredService<IGraphStore>().LoadSnapshotAsync(Ct);
        var names = snapshot.Entities.Select(e => e.Name).ToHashSet();
        var suggestions = overview.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.InRange(suggestions.Count, 3, 6);
        Assert.Equal(suggestions.Distinct().Count(), suggestions.Count);
        var related = suggestions.First();
        Assert.StartsWith("How is ", related);
        var pair = related["How is ".Length..^1].Split(" related to ");
        Assert.Contains(pair[0], names);
        Assert.Contains(pair[1], names);
    }

    [Fact]
    public async Task The_latest_evaluation_is_summarised_from_its_results_file()
    {
        await using var host = await WebAppHost.StartAsync();
        var folder = Directory.CreateDirectory(host.Folder.File(Path.Combine("eval-reports", "notes"))).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "report.html"), "<!doctype html><title>r</title>", Ct);
        // The shape `graphrag eval` writes (src/GraphRag.Evaluation), cut to the fields the overview reads.
        await File.WriteAllTextAsync(Path.Combine(folder, "results.json"), """
            {"dataset": "notes", "k": 10, "queries": 63, "createdUtc": "2026-12-03T12:26:23+00:00",
             "modes": [{"mode": "graph", "ndcg@10": 0.6535264807, "recall@10": 0.7989417989, "mrr": 0.6416000493},
                       {"mode": "lexical", "ndcg@10": 0.61, "recall@10": 0.75, "mrr": 0.6}]}
            """, Ct);

        var evaluation = (await Json.GetAsync(host.Client, "/api/overview")).GetProperty("evaluation");
        Assert.Equal("notes", evaluation.GetProperty("name").GetString());
        Assert.Equal(63, evaluation.GetProperty("queries").GetInt32());
        var graph = evaluation.GetProperty("modes")[0];
        Assert.Equal("graph", graph.GetProperty("mode").GetString());
        Assert.Equal(0.6535264807, graph.GetProperty("ndcg10").GetDouble());
        Assert.Equal(0.7989417989, graph.GetProperty("recall10").GetDouble());
        Assert.Equal(2, evaluation.GetProperty("modes").GetArrayLength());
    }
}
