using System.Net;
using GraphRag.Store;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Web.Tests;

public sealed class ArticleApiTests(CorpusFixture corpus)
{
    private readonly HttpClient _client = corpus.Client;
    private ArticleStore Store => corpus.Host.Services.GetRequiredService<ArticleStore>();
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Articles_list_every_stored_article_without_its_text()
    {
        var list = (await Json.GetAsync(_client, "/api/articles")).EnumerateArray().ToList();
        var stored = Store.ListArticles();
        Assert.Equal(stored.Select(a => a.Id), list.Select(a => a.GetProperty("id").GetInt64()));
        Assert.Equal(stored.Select(a => a.Title), list.Select(a => a.GetProperty("title").GetString()));
        Assert.Equal(stored.Select(a => a.Text.Length), list.Select(a => a.GetProperty("characters").GetInt32()));
        Assert.All(list, a => Assert.False(a.TryGetProperty("text", out _)));
    }

    [Fact]
    public async Task An_article_comes_with_chunk_spans_that_cut_its_text_into_the_stored_chunks()
    {
        var id = Store.ListArticles().First(a => Store.ChunksOf(a.Id).Count > 2).Id;
        var article = await Json.GetAsync(_client, $"/api/articles/{id}");
        var text = article.GetProperty("text").GetString()!;
        Assert.Equal(Store.GetArticle(id)!.Text, text);
        foreach (var span in article.GetProperty("chunks").EnumerateArray())
        {
            var chunk = await Json.GetAsync(_client, $"/api/chunks/{span.GetProperty("id").GetInt64()}");
            Assert.Equal(id, chunk.GetProperty("articleId").GetInt64());
            Assert.Equal(text[span.GetProperty("startOffset").GetInt32()..span.GetProperty("endOffset").GetInt32()], chunk.GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task An_unknown_article_or_chunk_is_a_404_naming_the_id()
    {
        Assert.Equal("No article has id 987654.", await Json.ProblemAsync(await _client.GetAsync("/api/articles/987654", Ct), HttpStatusCode.NotFound));
        Assert.Equal("No chunk has id 987654.", await Json.ProblemAsync(await _client.GetAsync("/api/chunks/987654", Ct), HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_json_404_not_the_page()
    {
        var detail = await Json.ProblemAsync(await _client.GetAsync("/api/no/such/thing", Ct), HttpStatusCode.NotFound);
        Assert.Contains("/api/no/such/thing", detail);
    }
}
