using System.Net;
using System.Text;
using System.Text.Json;
using GraphRag.Agents;
using GraphRag.Agents.Mcp;
using GraphRag.Ingest;
using GraphRag.Store;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;

namespace GraphRag.Web.Tests;

/// <summary>
/// The MCP endpoint of `serve` (/api/mcp, Streamable HTTP) on a real Kestrel loopback port, used through
/// the MCP SDK's own client, over corpus/ ingested by the real pipeline. Expected values are the stored
/// articles themselves, read back from the same database.
/// </summary>
public sealed class McpEndpointTests
{
    private const string NdcgTitle = "Normalized Discounted Cumulative Gain (NDCG)";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Endpoint(WebAppHost host) => new(host.Client.BaseAddress!, "/api/mcp");

    private static Task<McpClient> ConnectAsync(WebAppHost host, string? apiKey = null) =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = Endpoint(host),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = apiKey is null ? null : new Dictionary<string, string> { ["X-Api-Key"] = apiKey },
        }), cancellationToken: Ct);

    [Fact]
    public async Task Over_http_the_notes_answer_with_exact_quotes_and_serve_their_articles_as_resources()
    {
        await using var host = await WebAppHost.StartAsync(inMemory: false);
        await host.Services.GetRequiredService<IngestionPipeline>().IngestAsync([TestPaths.Repo("corpus")], cancellationToken: Ct);
        var store = host.Services.GetRequiredService<ArticleStore>();
        await using var client = await ConnectAsync(host);

        Assert.Equal(NotesMcpServer.Name, client.ServerInfo?.Name);
        var tools = await client.ListToolsAsync(cancellationToken: Ct);
        Assert.Equal([NotesTools.Ask, NotesTools.CheckClaims, NotesTools.EntityNeighbourhood, NotesTools.ReadArticle, NotesTools.Search],
            tools.Select(t => t.Name).Order(StringComparer.Ordinal));

        var asked = await client.CallToolAsync(NotesTools.Ask,
            new Dictionary<string, object?> { ["question"] = "What does NDCG measure in ranking?" }, cancellationToken: Ct);
        Assert.NotEqual(true, asked.IsError);
        var answer = asked.StructuredContent!.Value;
        Assert.True(answer.GetProperty("found").GetBoolean());
        var citations = answer.GetProperty("citations").EnumerateArray().ToList();
        Assert.StartsWith(NdcgTitle, citations[0].GetProperty("title").GetString());
        foreach (var citation in citations)
        {
            var text = store.GetArticle(citation.GetProperty("articleId").GetInt64())!.Text;
            Assert.Equal(text[citation.GetProperty("startOffset").GetInt32()..citation.GetProperty("endOffset").GetInt32()],
                citation.GetProperty("quote").GetString());
        }

        var resources = await client.ListResourcesAsync(cancellationToken: Ct);
        Assert.Equal(store.Counts().Articles, resources.Count);
        var ndcg = Assert.Single(resources, r => r.Name.StartsWith(NdcgTitle, StringComparison.Ordinal));
        var read = await client.ReadResourceAsync(ndcg.Uri, cancellationToken: Ct);
        var contents = Assert.IsType<ModelContextProtocol.Protocol.TextResourceContents>(Assert.Single(read.Contents));
        Assert.Equal(store.ListArticles().Single(a => a.Title == ndcg.Name).Text, contents.Text);
    }

    [Fact]
    public async Task With_a_key_the_endpoint_refuses_requests_without_it_and_serves_a_client_that_sends_it()
    {
        await using var host = await WebAppHost.StartAsync(o => o.ApiKey = "correct horse", inMemory: false);

        var refused = await host.Client.SendAsync(Initialize(Endpoint(host)), Ct);
        Assert.Contains("X-Api-Key", await Json.ProblemAsync(refused, HttpStatusCode.Unauthorized));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => ConnectAsync(host));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => ConnectAsync(host, "wrong horse"));

        await using var client = await ConnectAsync(host, "correct horse");
        Assert.Equal(5, (await client.ListToolsAsync(cancellationToken: Ct)).Count);
    }

    [Fact]
    public async Task A_post_from_a_page_of_another_site_or_for_another_host_name_is_refused()
    {
        await using var host = await WebAppHost.StartAsync(inMemory: false);

        using var crossSite = Initialize(Endpoint(host));
        crossSite.Headers.Add("Origin", "http://evil.example");
        Assert.Contains("http://evil.example", await Json.ProblemAsync(await host.Client.SendAsync(crossSite, Ct), HttpStatusCode.Forbidden));

        // A name rebound to 127.0.0.1 by another site is not a loopback host name: host filtering answers 400.
        using var rebound = Initialize(Endpoint(host));
        rebound.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Client.SendAsync(rebound, Ct)).StatusCode);

        using var own = Initialize(Endpoint(host));
        own.Headers.Add("Origin", host.Client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        var accepted = await host.Client.SendAsync(own, Ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("\"graphrag\"", await accepted.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Get_and_delete_are_refused_with_405_as_a_stateless_server_should_and_stay_out_of_the_api_description()
    {
        await using var host = await WebAppHost.StartAsync(inMemory: false);
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Delete })
        {
            using var request = new HttpRequestMessage(method, Endpoint(host));
            var response = await host.Client.SendAsync(request, Ct);
            Assert.Contains("by POST", await Json.ProblemAsync(response, HttpStatusCode.MethodNotAllowed));
            Assert.Equal(["POST"], response.Content.Headers.Allow);
        }
        var paths = (await Json.GetAsync(host.Client, "/openapi/v1.json")).GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/ask", paths);
        Assert.DoesNotContain(paths, p => p.Contains("mcp", StringComparison.Ordinal));
    }

    /// <summary>An MCP initialize request as any Streamable HTTP client sends it.</summary>
    private static HttpRequestMessage Initialize(Uri endpoint) => new(HttpMethod.Post, endpoint)
    {
        Content = new StringContent(JsonSerializer.Serialize(new
        {
            jsonrpc = "2.0",
            id = 1,
            method = "initialize",
            @params = new { protocolVersion = "2025-06-18", capabilities = new { }, clientInfo = new { name = "test", version = "1" } },
        }), Encoding.UTF8, "application/json"),
        Headers = { { "Accept", "application/json, text/event-stream" } },
    };
}
