using GraphRag.Graph.Retrieve;
using GraphRag.Graph.Tests.Support;
using GraphRag.Retrieve;
using GraphRag.Retrieve.Lexical;

namespace GraphRag.Graph.Tests.Retrieve;

/// <summary>
/// The graph as hybrid's expansion, on notes shaped like a two-hop HotpotQA question (its
/// "Kiss and Tell" example): the question names the film, the film's note names the actress, and
/// only the actress's own note (its title qualified, as Wikipedia's are) says what post she held.
/// </summary>
public sealed class GraphExpansionTests
{
    internal const string Question = "Which post did the actress who played Corliss Archer in Kiss and Tell hold?";

    internal static async Task<GraphHost> IngestAsync(GraphHost? into = null)
    {
        var host = into ?? new GraphHost();
        await host.IngestAsync("film.md", """
            # Kiss and Tell (1945 film)

            Kiss and Tell is a 1945 American comedy film starring Shirley Temple as Corliss Archer. The film was directed by Richard Wallace.
            """);
        await host.IngestAsync("actress.md", """
            # Shirley Temple (diplomat)

            Shirley Temple Black was an American actress, singer and dancer. As an adult she served as United States Ambassador to Ghana and to Czechoslovakia.
            """);
        await host.IngestAsync("radio.md", """
            # Meet Corliss Archer

            Meet Corliss Archer is an American radio sitcom about a teenage girl. Corliss Archer was played on radio by Janet Waldo, and on television by Ann Baker.
            """);
        await host.IngestAsync("sitcom.md", """
            # Corliss Archer in print

            The stories of Corliss Archer first appeared in magazines; the character kept her post as the best-known teenager of American fiction.
            """);
        return host;
    }

    [Fact]
    public async Task The_passage_about_an_entity_that_the_best_passage_names_is_lifted_and_says_why()
    {
        using var host = await IngestAsync();
        var lexical = new Bm25Ranker(host.Database);
        var before = (await host.SearchWith(lexical).SearchAsync(Question, 4, cancellationToken: TestContext.Current.CancellationToken)).Hits.Select(h => h.Title).ToList();
        // The premise: on words alone a note that does not answer outranks the actress's (it shares only "actress" with the question).
        Assert.True(before.IndexOf("Shirley Temple (diplomat)") >= 2, string.Join(" | ", before));

        var expanded = new GraphExpansion(host.Get<GraphSnapshotCache>(), lexical, weight: 0.5, seeds: 1, candidates: 50);
        var hits = (await host.SearchWith(expanded).SearchAsync(Question, 4, cancellationToken: TestContext.Current.CancellationToken)).Hits;

        Assert.Equal("Kiss and Tell (1945 film)", hits[0].Title);
        Assert.Equal("Shirley Temple (diplomat)", hits[1].Title);
        Assert.Contains("graph: about Shirley Temple, named by passage #1", hits[1].Explanation);
        // Passages it did not lift keep the ranking's own reason, and only that.
        Assert.DoesNotContain(hits.Skip(2), h => h.Explanation!.Contains("graph:"));
    }

    [Fact]
    public async Task Without_a_passage_naming_an_article_s_subject_the_ranking_is_unchanged()
    {
        using var host = await IngestAsync();
        var lexical = new Bm25Ranker(host.Database);
        const string question = "Which radio sitcom was about a teenage girl?";
        var before = (await host.SearchWith(lexical).SearchAsync(question, 4, cancellationToken: TestContext.Current.CancellationToken)).Hits;
        var expanded = new GraphExpansion(host.Get<GraphSnapshotCache>(), lexical, weight: 0.5, seeds: 1, candidates: 50);
        var after = (await host.SearchWith(expanded).SearchAsync(question, 4, cancellationToken: TestContext.Current.CancellationToken)).Hits;

        Assert.Equal(before.Select(h => h.ChunkId), after.Select(h => h.ChunkId));
    }

    [Fact]
    public async Task Hybrid_with_the_graph_as_a_component_is_the_expansion_of_the_other_components()
    {
        using var host = await IngestAsync();
        var modes = RetrievalComposition.Compose(
            new RetrievalOptions { Hybrid = { Components = "lexical,graph", Weights = "1,0.5" } },
            host.Database, dense: null, host.Get<IGraphRankerFactory>(), []);
        var hits = (await new PassageSearch(modes, host.Get<GraphRag.Store.ArticleStore>()).SearchAsync(Question, 4, RetrievalModeNames.Hybrid, TestContext.Current.CancellationToken)).Hits;

        Assert.Equal("Shirley Temple (diplomat)", hits[1].Title);
        Assert.Contains("lexical #", hits[1].Explanation);
        Assert.Contains("graph: about Shirley Temple", hits[1].Explanation);
    }
}

/// <summary>The same lift with the graph in Neo4j: the expansion reads the snapshot either store gives.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class GraphExpansionNeo4jTests
{
    [Fact]
    public async Task The_expansion_lifts_the_same_passage_over_the_neo4j_store()
    {
        await Neo4jServer.EmptyStoreOrSkipAsync();
        using var host = await GraphExpansionTests.IngestAsync(new GraphHost(new GraphHost.Neo4j(Neo4jServer.Options()!)));
        Assert.IsType<GraphRag.Graph.Store.Neo4jGraphStore>(host.Get<GraphRag.Graph.Store.IGraphStore>());
        var expanded = new GraphExpansion(host.Get<GraphSnapshotCache>(), new Bm25Ranker(host.Database), weight: 0.5, seeds: 1, candidates: 50);
        var hits = (await host.SearchWith(expanded).SearchAsync(GraphExpansionTests.Question, 4, cancellationToken: TestContext.Current.CancellationToken)).Hits;

        Assert.Equal("Shirley Temple (diplomat)", hits[1].Title);
        Assert.Contains("graph: about Shirley Temple, named by passage #1", hits[1].Explanation);
    }
}
