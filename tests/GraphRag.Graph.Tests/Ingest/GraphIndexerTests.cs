using GraphRag.Graph.Retrieve;
using GraphRag.Graph.Store;
using GraphRag.Graph.Tests.Support;
using GraphRag.Retrieve;

namespace GraphRag.Graph.Tests.Ingest;

/// <summary>The indexer and finalizer as the ingestion pipeline runs them, through the real DI registration.</summary>
public sealed class GraphIndexerTests
{
    [Fact]
    public async Task Ingesting_notes_builds_a_graph_that_resolves_acronyms_across_articles()
    {
        using var host = new GraphHost();
        await host.IngestAsync("ranking.md", Notes.Ranking);
        await host.IngestAsync("graphs.md", Notes.Graphs);
        var store = host.Get<IGraphStore>();
        Assert.IsType<EmbeddedGraphStore>(store);

        var ndcg = await store.GetEntityAsync("normalized discounted cumulative gain", 20);
        Assert.NotNull(ndcg);
        Assert.Contains("NDCG", ndcg.Aliases);
        Assert.Equal("metric", ndcg.Type);
        var isA = Assert.Single(ndcg.Neighbours, n => n.Relation == "is_a" && n.Key == "ranking metric");
        Assert.Contains("ranking metric", isA.Evidence[0]);

        var graphRag = await store.GetEntityAsync("graph rag", 20);
        Assert.NotNull(graphRag);
        Assert.Equal(["google", "linkedin", "microsoft"], graphRag.Neighbours.Where(n => n.Relation == "uses" && !n.Outgoing).Select(n => n.Key).Order());
    }

    [Fact]
    public async Task Changing_a_note_removes_what_only_the_old_text_supported()
    {
        using var host = new GraphHost();
        await host.IngestAsync("ranking.md", Notes.Ranking);
        var store = host.Get<IGraphStore>();
        Assert.NotNull(await store.GetEntityAsync("spotify", 5));
        await host.IngestAsync("ranking.md", Notes.Ranking.Replace("Spotify and Netflix use recommendation systems in their apps.", "Streaming services use them."));
        Assert.Null(await store.GetEntityAsync("spotify", 5));
        Assert.NotNull(await store.GetEntityAsync("normalized discounted cumulative gain", 5));
    }

    [Fact]
    public async Task Graph_search_finds_passages_through_linked_entities_and_explains_why()
    {
        using var host = new GraphHost();
        await host.IngestAsync("ranking.md", Notes.Ranking);
        await host.IngestAsync("graphs.md", Notes.Graphs);
        await host.IngestAsync("transformers.md", Notes.Transformers);
        // Entities only: what the walk finds from the question's entities alone.
        var graph = host.SearchWith(new GraphRanker(host.Get<GraphSnapshotCache>(), new GraphRetrievalOptions { PassageSeeds = "" }, passageSeeds: null));

        var hits = (await graph.SearchAsync("What does ndcg measure?", 5)).Hits;
        Assert.NotEmpty(hits);
        Assert.Equal("Ranking metrics", hits[0].Title);
        Assert.Contains("Normalized Discounted Cumulative Gain", hits[0].Explanation);

        // A typo still links (one edit), and nothing links to an unrelated question.
        var typo = (await graph.SearchAsync("self-atention in transformers", 3)).Hits;
        Assert.Equal("Transformers", typo[0].Title);
        Assert.Contains("≈", typo[0].Explanation);
        Assert.Empty((await graph.SearchAsync("what is the weather like today?", 3)).Hits);
    }

    [Fact]
    public async Task The_registered_graph_mode_also_walks_from_the_best_lexical_passages()
    {
        using var host = new GraphHost();
        await host.IngestAsync("ranking.md", Notes.Ranking);
        await host.IngestAsync("graphs.md", Notes.Graphs);
        await host.IngestAsync("transformers.md", Notes.Transformers);
        // "offline evaluation" names no entity: only the lexical seed passage starts the walk.
        var hits = (await host.Get<PassageSearch>().SearchAsync("offline evaluation", 3, RetrievalModeNames.Graph)).Hits;
        Assert.Equal("Ranking metrics", hits[0].Title);
        Assert.Contains("no entity linked", hits[0].Explanation);
    }
}
