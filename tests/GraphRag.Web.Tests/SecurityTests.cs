using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace GraphRag.Web.Tests;

public sealed class SecurityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_a_key_the_api_answers_only_requests_that_carry_it()
    {
        await using var host = await WebAppHost.StartAsync(o => o.ApiKey = "correct horse");

        var none = await Json.ProblemAsync(await host.Client.GetAsync("/api/status", Ct), HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", none);

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/status") { Headers = { { "X-Api-Key", "correct horsf" } } };
        Assert.Contains("does not match", await Json.ProblemAsync(await host.Client.SendAsync(wrong, Ct), HttpStatusCode.Unauthorized));

        using var right = new HttpRequestMessage(HttpMethod.Get, "/api/status") { Headers = { { "X-Api-Key", "correct horse" } } };
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(right, Ct)).StatusCode);

        // The page holds no data; it asks for the key when the API says 401.
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync("/openapi/v1.json", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://127.0.0.1:5080;http://192.168.1.20:5080")]
    public void Binding_beyond_loopback_without_a_key_is_refused_before_starting(string urls)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            GraphRagWebApp.Build(new WebAppOptions { Urls = urls }, new ConfigurationBuilder().Build(), _ => { }));
        Assert.StartsWith("Refusing to listen on", error.Message);
        Assert.Contains("--api-key", error.Message);
    }

    [Fact]
    public async Task Binding_beyond_loopback_with_a_key_builds()
    {
        await using var app = GraphRagWebApp.Build(new WebAppOptions { Urls = "http://0.0.0.0:5080", ApiKey = "k" },
            new ConfigurationBuilder().Build(), _ => { });
        Assert.NotNull(app);
    }

    [Theory]
    [InlineData("127.0.0.1:5080")]
    [InlineData("ftp://127.0.0.1")]
    public void Urls_that_are_not_http_addresses_are_refused_with_an_example(string urls)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            GraphRagWebApp.Build(new WebAppOptions { Urls = urls }, new ConfigurationBuilder().Build(), _ => { }));
        Assert.Contains(WebAppOptions.DefaultUrls, error.Message);
    }

    [Fact]
    public async Task A_post_from_another_site_is_refused()
    {
        await using var host = await WebAppHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest/folder")
        {
            Content = JsonContent.Create(new { path = host.Folder.Path }),
            Headers = { { "Origin", "http://evil.example" } },
        };
        var detail = await Json.ProblemAsync(await host.Client.SendAsync(request, Ct), HttpStatusCode.Forbidden);
        Assert.Contains("http://evil.example", detail);
    }

    [Fact]
    public async Task A_post_from_the_page_itself_passes_the_origin_check()
    {
        await using var host = await WebAppHost.StartAsync(notesRoot: true);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest/folder")
        {
            Content = JsonContent.Create(new { path = host.Notes }),
            Headers = { { "Origin", "http://localhost" } },
        };
        await Json.ReadAsync(await host.Client.SendAsync(request, Ct), HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task On_loopback_a_foreign_host_name_is_refused_against_dns_rebinding()
    {
        await using var host = await WebAppHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status") { Headers = { Host = "evil.example" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Client.SendAsync(request, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_json_body_over_the_limit_is_a_413_from_the_real_server()
    {
        await using var host = await WebAppHost.StartAsync(o => o.MaxJsonBytes = 4096, inMemory: false);
        var question = new string('a', 10_000);
        using var content = new StringContent($"{{\"question\":\"{question}\"}}", Encoding.UTF8, "application/json");
        var response = await host.Client.PostAsync("/api/ask", content, Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_upload_over_its_limit_is_a_413_from_the_real_server()
    {
        await using var host = await WebAppHost.StartAsync(o => o.MaxUploadBytes = 10_000, inMemory: false);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[50_000]), "files", "big.txt" } };
        var response = await host.Client.PostAsync("/api/ingest/files", form, Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
