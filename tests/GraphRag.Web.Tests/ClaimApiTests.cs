using System.Text.Json;
using System.Net;
using GraphRag.Store;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Web.Tests;

public sealed class ClaimApiTests(CorpusFixture corpus)
{
    private readonly HttpClient _client = corpus.Client;
    private ArticleStore Store => corpus.Host.Services.GetRequiredService<ArticleStore>();

    [Fact]
    public async Task An_articles_claims_point_at_their_text_and_carry_verdict_recomputation_and_correction()
    {
        // corpus/000: "the death rate of cancer caused by tobacco is 11%/0.07% = 157 times greater than processed meat"
        var article = Store.ListArticles().First(a => a.Text.Contains("157 times greater"));
        var claims = (await Json.GetAsync(_client, $"/api/articles/{article.Id}/claims")).EnumerateArray().ToList();

        Assert.NotEmpty(claims);
        foreach (var claim in claims)
            Assert.Equal(article.Text[claim.GetProperty("startOffset").GetInt32()..claim.GetProperty("endOffset").GetInt32()],
                claim.GetProperty("text").GetString());
        // 11% is a share of all deaths, 0.07% a person's risk: the ratio is flagged, with what would be correct.
        var times = Assert.Single(claims, c => c.GetProperty("text").GetString()!.Contains("157 times"));
        Assert.Equal("TimesMore", times.GetProperty("kind").GetString());
        Assert.Equal("flag", times.GetProperty("verdict").GetString());
        Assert.Equal(["IncommensurableRatio"], times.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.StartsWith("Compare like with like", times.GetProperty("correction").GetString());

        // "4 dice: ≈ 14.4%" against the article's own formula: 13.19% (R: 1 - pbinom(1, 4, 1/6) = 0.13194444444444442).
        var dice = Assert.Single(claims, c => c.GetProperty("text").GetString() == "4 dice: ≈ 14.4%");
        Assert.Equal("flag", dice.GetProperty("verdict").GetString());
        var recomputation = dice.GetProperty("recomputation");
        Assert.Equal(0.13194444444444442, recomputation.GetProperty("recomputed").GetDouble(), 12);
        Assert.Equal(0.144 - 0.13194444444444442, recomputation.GetProperty("difference").GetDouble(), 12);
        Assert.False(recomputation.GetProperty("agrees").GetBoolean());

        var flagged = (await Json.GetAsync(_client, $"/api/articles/{article.Id}/claims?flagged=true")).EnumerateArray().ToList();
        Assert.Equal(claims.Count(c => c.GetProperty("verdict").GetString() == "flag"), flagged.Count);
        Assert.All(flagged, c => Assert.NotEqual(JsonValueKind.Null, c.GetProperty("correction").ValueKind));
        Assert.True(flagged.Count < claims.Count);
    }

    [Fact]
    public async Task Claims_of_an_unknown_article_are_a_404()
    {
        var response = await _client.GetAsync("/api/articles/987654/claims", TestContext.Current.CancellationToken);
        Assert.Equal("No article has id 987654.", await Json.ProblemAsync(response, HttpStatusCode.NotFound));
    }
}
