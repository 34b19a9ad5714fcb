using GraphRag.Retrieve;
using GraphRag.Text;
using GraphRag.Tests.Support;

namespace GraphRag.Tests.Retrieve;

/// <summary>A search from question to passages over the ingested corpus, lexical mode (BM25 in FTS5).</summary>
public sealed class PassageSearchTests(IngestedCorpus corpus) : IClassFixture<IngestedCorpus>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IReadOnlyList<SearchHit>> Search(string query, int top) => (await corpus.Search.SearchAsync(query, top, null, Ct)).Hits;

    [Fact]
    public async Task Finds_the_article_a_query_is_about_first()
    {
        var hits = await Search("statistical significance p-value threshold", 5);
        Assert.NotEmpty(hits);
        Assert.Contains("Statistical Significance", hits[0].Title);
        Assert.Equal(Enumerable.Range(1, hits.Count), hits.Select(h => h.Rank));
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score), "scores must not increase down the list");
    }

    [Fact]
    public async Task Hits_carry_offsets_into_their_article_and_say_which_terms_matched()
    {
        var store = corpus.Store;
        var hits = await Search("transformer attention heads", 10);
        Assert.NotEmpty(hits);
        foreach (var hit in hits)
        {
            Assert.Equal(hit.Text, store.GetArticle(hit.ArticleId)!.Text[hit.StartOffset..hit.EndOffset]);
            Assert.StartsWith("matched: ", hit.Explanation);
            var named = hit.Explanation!["matched: ".Length..].Split(", ", StringSplitOptions.RemoveEmptyEntries);
            // FTS5 matches by stem ("heads" finds "head"), so the explanation names terms by stem too, and never none.
            Assert.NotEmpty(named);
            var stems = Stemmer.Stems($"{hit.Title} {hit.HeadingPath} {hit.Text}");
            Assert.All(named, term => Assert.Contains(Stemmer.Stem(term), stems));
        }
    }

    [Fact]
    public async Task A_query_that_matches_nothing_returns_an_empty_list()
    {
        Assert.Empty(await Search("zebra quokka xylophone", 5));
    }

    [Theory]
    [InlineData("NEAR(attention transformer) OR \"")]
    [InlineData("attention* AND -transformer ^title:x")]
    [InlineData("'; DROP TABLE chunks; --")]
    public async Task Query_syntax_in_user_text_is_searched_as_words_not_executed(string query)
    {
        var hits = await Search(query, 5);
        Assert.NotNull(hits);
        Assert.True(corpus.Store.Counts().Chunks > 0);
    }

    [Fact]
    public async Task The_number_of_passages_must_be_positive()
    {
        var error = await Assert.ThrowsAsync<QueryException>(() => Search("ndcg", 0));
        Assert.Contains("at least 1", error.Message);
        Assert.DoesNotContain("--", error.Message);
    }

    [Fact]
    public async Task An_unknown_mode_lists_the_modes_there_are()
    {
        var error = await Assert.ThrowsAsync<UnavailableModeException>(() => corpus.Search.SearchAsync("ndcg", 5, "semantic", Ct));
        Assert.Contains("lexical", error.Message);
        var off = await Assert.ThrowsAsync<UnavailableModeException>(() => corpus.Search.SearchAsync("ndcg", 5, "dense", Ct));
        Assert.Contains("dense", off.Message);
    }
}
