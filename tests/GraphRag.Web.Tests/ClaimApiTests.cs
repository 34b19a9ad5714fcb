using System.Net;
using GraphRag.Store;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Web.Tests;

public sealed class ClaimApiTests(CorpusFixture corpus)
{
    private readonly HttpClient _client = corpus.Client;
    private ArticleStore Store => corpus.Host.Services.GetRequiredService<ArticleStore>();

    [Fact]
    public async Task An_articles_claims_point_at_their_text_and_flag_the_relative_only_ones()
    {
        // corpus/000: "the death rate of cancer caused by tobacco is 11%/0.07% = 157 times greater than processed meat"
        var article = Store.ListArticles().First(a => a.Text.Contains("157 times greater"));
        var claims = (await Json.GetAsync(_client, $"/api/articles/{article.Id}/claims")).EnumerateArray().ToList();

        Assert.NotEmpty(claims);
        foreach (var claim in claims)
            Assert.Equal(article.Text[claim.GetProperty("startOffset").GetInt32()..claim.GetProperty("endOffset").GetInt32()],
                claim.GetProperty("text").GetString());
        var times = Assert.Single(claims, c => c.GetProperty("text").GetString()!.Contains("157 times"));
        Assert.Equal("TimesMore", times.GetProperty("kind").GetString());
        Assert.Contains("RelativeOnly", times.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));

        var flagged = (await Json.GetAsync(_client, $"/api/articles/{article.Id}/claims?flagged=true")).EnumerateArray().ToList();
        Assert.Equal(claims.Count(c => c.GetProperty("flags").GetArrayLength() > 0), flagged.Count);
        Assert.True(flagged.Count < claims.Count);
    }

    [Fact]
    public async Task Claims_of_an_unknown_article_are_a_404()
    {
        var response = await _client.GetAsync("/api/articles/987654/claims", TestContext.Current.CancellationToken);
        Assert.Equal("No article has id 987654.", await Json.ProblemAsync(response, HttpStatusCode.NotFound));
    }
}
