using System.Net;
using System.Text.Json;
using GraphRag.Store;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Web.Tests;

/// <summary>The document list against corpus/ (checked against the per-article endpoints), and delete, re-ingest and download on a database of their own.</summary>
public sealed class DocumentApiTests(CorpusFixture corpus)
{
    private const string Note = """
        # Platypus survey

        The platypus survey on the Derwent River uses environmental DNA sampled from the water.
        Environmental DNA finds platypuses that nobody sees at dusk.
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_article_is_listed_with_its_chunks_entities_and_claims_as_the_article_endpoints_count_them()
    {
        var documents = (await Json.GetAsync(corpus.Client, "/api/documents")).EnumerateArray().ToList();
        var store = corpus.Host.Services.GetRequiredService<ArticleStore>();
        Assert.Equal(store.ListArticles().Select(a => a.Id), documents.Select(d => d.GetProperty("id").GetInt64()));
        Assert.Equal(store.Counts().Chunks, documents.Sum(d => d.GetProperty("chunks").GetInt64()));
        Assert.All(documents, d => Assert.Equal("ingested", d.GetProperty("status").GetString()));
        foreach (var d in documents.Take(5))
        {
            var id = d.GetProperty("id").GetInt64();
            var article = store.GetArticle(id)!;
            Assert.Equal(new FileInfo(article.SourcePath).Length, d.GetProperty("fileBytes").GetInt64());
            Assert.Equal((await Json.GetAsync(corpus.Client, $"/api/articles/{id}/entities")).GetArrayLength(), d.GetProperty("entities").GetInt32());
            var claims = (await Json.GetAsync(corpus.Client, $"/api/articles/{id}/claims")).EnumerateArray().ToList();
            Assert.Equal(claims.Count, d.GetProperty("claims").GetInt32());
            Assert.Equal(claims.Count(c => c.GetProperty("verdict").GetString() == "flag"), d.GetProperty("flaggedClaims").GetInt32());
        }
        Assert.Contains(documents, d => d.GetProperty("flaggedClaims").GetInt32() > 0);
    }

    [Fact]
    public async Task The_cleaned_text_downloads_as_a_named_plain_text_file()
    {
        var article = corpus.Host.Services.GetRequiredService<ArticleStore>().ListArticles()[0];
        var response = await corpus.Client.GetAsync($"/api/articles/{article.Id}/text", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.EndsWith(".txt", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(article.Text, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Deleting_an_article_forgets_its_file_and_everything_derived_but_leaves_the_file()
    {
        await using var host = await WebAppHost.StartAsync();
        var id = await IngestNoteAsync(host);
        var file = host.Services.GetRequiredService<ArticleStore>().GetArticle(id)!.SourcePath;

        var removed = await Json.ReadAsync(await host.Client.DeleteAsync($"/api/articles/{id}", Ct));
        Assert.Equal(file, removed.GetProperty("source").GetString());
        Assert.Equal(1, removed.GetProperty("articles").GetInt32());
        var store = host.Services.GetRequiredService<ArticleStore>();
        Assert.Null(store.GetArticle(id));
        Assert.Equal(new ArticleStore.StoreCounts(0, 0, 0), store.Counts());
        Assert.Equal(0, (await Json.GetAsync(host.Client, "/api/search?q=platypus+survey")).GetProperty("hits").GetArrayLength());
        Assert.Equal(0, (await Json.GetAsync(host.Client, "/api/graph/stats")).GetProperty("entities").GetInt32());
        Assert.True(File.Exists(file));
        await Json.ProblemAsync(await host.Client.DeleteAsync($"/api/articles/{id}", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Re_ingesting_reads_an_unchanged_file_again_instead_of_skipping_it()
    {
        await using var host = await WebAppHost.StartAsync();
        var id = await IngestNoteAsync(host);

        var file = host.Services.GetRequiredService<ArticleStore>().GetArticle(id)!.SourcePath;
        // An ordinary ingest of the same file skips it: nothing changed.
        var plain = await Json.PostAsync(host.Client, "/api/ingest/folder", new { path = file }, HttpStatusCode.Accepted);
        Assert.Equal("Unchanged", (await JobClient.WaitAsync(host.Client, plain.GetProperty("id").GetString()!)).GetProperty("files")[0]
            .GetProperty("status").GetString());

        var accepted = await Json.ReadAsync(await host.Client.PostAsync($"/api/articles/{id}/reingest", null, Ct), HttpStatusCode.Accepted);
        var job = await JobClient.WaitAsync(host.Client, accepted.GetProperty("id").GetString()!);
        Assert.Equal("Completed", job.GetProperty("state").GetString());
        Assert.Equal("Ingested", job.GetProperty("files")[0].GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("articlesAdded").GetInt32());
        var article = Assert.Single(host.Services.GetRequiredService<ArticleStore>().ListArticles());
        Assert.Equal("Platypus survey", article.Title);
    }

    [Fact]
    public async Task Re_ingesting_an_article_whose_file_has_gone_is_a_conflict_naming_the_file()
    {
        await using var host = await WebAppHost.StartAsync();
        var id = await IngestNoteAsync(host);
        var file = host.Services.GetRequiredService<ArticleStore>().GetArticle(id)!.SourcePath;
        File.Delete(file);

        var detail = await Json.ProblemAsync(await host.Client.PostAsync($"/api/articles/{id}/reingest", null, Ct), HttpStatusCode.Conflict);
        Assert.StartsWith($"{file}: the file is no longer there", detail);
        Assert.Equal("file missing", (await Json.GetAsync(host.Client, "/api/documents"))[0].GetProperty("status").GetString());
    }

    private static async Task<long> IngestNoteAsync(WebAppHost host)
    {
        var accepted = await Json.ReadAsync(await JobClient.Upload(host.Client, ("platypus.md", Note)), HttpStatusCode.Accepted);
        var job = await JobClient.WaitAsync(host.Client, accepted.GetProperty("id").GetString()!);
        Assert.Equal("Completed", job.GetProperty("state").GetString());
        return Assert.Single(host.Services.GetRequiredService<ArticleStore>().ListArticles()).Id;
    }
}
