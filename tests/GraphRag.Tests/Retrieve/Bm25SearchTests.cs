using GraphRag.Retrieve;
using GraphRag.Tests.Support;

namespace GraphRag.Tests.Retrieve;

public sealed class Bm25SearchTests(IngestedCorpus corpus) : IClassFixture<IngestedCorpus>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Finds_the_article_a_query_is_about_first()
    {
        var hits = await new Bm25Search(corpus.Database).SearchAsync("statistical significance p-value threshold", 5, Ct);
        Assert.NotEmpty(hits);
        Assert.Contains("Statistical Significance", hits[0].Title);
        Assert.Equal(Enumerable.Range(1, hits.Count), hits.Select(h => h.Rank));
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score), "scores must not increase down the list");
    }

    [Fact]
    public async Task Hits_carry_offsets_into_their_article()
    {
        var store = new GraphRag.Store.ArticleStore(corpus.Database);
        foreach (var hit in await new Bm25Search(corpus.Database).SearchAsync("transformer attention heads", 10, Ct))
            Assert.Equal(hit.Text, store.GetArticle(hit.ArticleId)!.Text[hit.StartOffset..hit.EndOffset]);
    }

    [Fact]
    public async Task A_query_that_matches_nothing_returns_an_empty_list()
    {
        Assert.Empty(await new Bm25Search(corpus.Database).SearchAsync("zebra quokka xylophone", 5, Ct));
    }

    [Theory]
    [InlineData("NEAR(attention transformer) OR \"")]
    [InlineData("attention* AND -transformer ^title:x")]
    [InlineData("'; DROP TABLE chunks; --")]
    public async Task Query_syntax_in_user_text_is_searched_as_words_not_executed(string query)
    {
        var hits = await new Bm25Search(corpus.Database).SearchAsync(query, 5, Ct);
        Assert.NotNull(hits);
        Assert.True(new GraphRag.Store.ArticleStore(corpus.Database).Counts().Chunks > 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!.,;:()")]
    [InlineData("* \" ^ - +")]
    public async Task A_query_without_words_gets_a_clear_message(string query)
    {
        var error = await Assert.ThrowsAsync<QueryException>(() => new Bm25Search(corpus.Database).SearchAsync(query, 5, Ct));
        Assert.Matches("empty|no words", error.Message);
    }

    [Fact]
    public async Task Top_must_be_positive()
    {
        var error = await Assert.ThrowsAsync<QueryException>(() => new Bm25Search(corpus.Database).SearchAsync("ndcg", 0, Ct));
        Assert.Contains("--top", error.Message);
    }
}
