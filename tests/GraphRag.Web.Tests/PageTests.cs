using System.Net;

namespace GraphRag.Web.Tests;

public sealed class PageTests(CorpusFixture corpus)
{
    private readonly HttpClient _client = corpus.Client;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_page_is_served_at_the_root_with_a_strict_content_security_policy()
    {
        var response = await _client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<script src=\"app.js\" defer></script>", html);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("/app.js", "text/javascript")]
    [InlineData("/explorer.js", "text/javascript")]
    [InlineData("/app.css", "text/css")]
    public async Task The_page_assets_are_embedded_and_served(string path, string mediaType)
    {
        var response = await _client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsStringAsync(Ct)).Length > 1000);
    }

    [Fact]
    public async Task The_page_fetches_nothing_from_outside_the_server()
    {
        foreach (var path in new[] { "/", "/app.js", "/explorer.js", "/app.css" })
        {
            var text = await _client.GetStringAsync(path, Ct);
            // The SVG namespace is an identifier, not a fetch; anything else with a scheme would be.
            var external = System.Text.RegularExpressions.Regex.Matches(text, @"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}")
                .Select(m => m.Value).Where(v => v != "http://www.w3.org").ToList();
            Assert.True(external.Count == 0, $"{path} refers to {string.Join(", ", external)}");
        }
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var document = await Json.GetAsync(_client, "/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/search", paths);
        Assert.Contains("/api/ask", paths);
        Assert.Contains("/api/ask/stream", paths);
        Assert.Contains("/api/articles/{id}", paths);
        Assert.Contains("/api/ingest/files", paths);
        Assert.Contains("/api/ingest/jobs/{id}/events", paths);
    }
}
