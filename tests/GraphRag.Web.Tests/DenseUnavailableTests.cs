using System.Net;

namespace GraphRag.Web.Tests;

/// <summary>Dense search is a mode the server knows; on a database without vectors it cannot answer yet: a 503 that says why, not a 500.</summary>
public sealed class DenseUnavailableTests
{
    [Fact]
    public async Task Dense_search_on_a_database_without_vectors_is_a_503_that_says_how_to_get_them()
    {
        var encoder = Path.Combine(TestPaths.AssetsRoot, "use-lite", "model.json");
        Assert.SkipUnless(File.Exists(encoder), $"SKIPPED: the sentence encoder is not at {encoder}; run scripts/fetch-assets.sh");
        await using var host = await WebAppHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["GraphRag:Embeddings:Enabled"] = "true",
            ["GraphRag:Embeddings:ModelDirectory"] = Path.GetDirectoryName(encoder),
        });

        var response = await host.Client.GetAsync("/api/search?q=ranking+metrics&mode=dense", TestContext.Current.CancellationToken);

        var detail = await Json.ProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Search mode 'dense' is unavailable: the database holds no embeddings: enable GraphRag:Embeddings and re-run `graphrag ingest`.", detail);
    }
}
