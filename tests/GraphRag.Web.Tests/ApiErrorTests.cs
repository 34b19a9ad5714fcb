using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace GraphRag.Web.Tests;

/// <summary>The smaller failures of issue 17: every bad request gets the right status and a reason a web client can act on.</summary>
public sealed class ApiErrorTests(CorpusFixture corpus)
{
    private readonly HttpClient _client = corpus.Client;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Graph_mode_refuses_an_empty_query_like_every_mode(string q)
    {
        var detail = await Json.ProblemAsync(await _client.GetAsync($"/api/search?mode=graph&q={Uri.EscapeDataString(q)}", Ct), HttpStatusCode.BadRequest);
        Assert.Equal("The query is empty.", detail);
    }

    [Theory]
    [InlineData("graph")]
    [InlineData("lexical")]
    [InlineData("hybrid")]
    public async Task Every_mode_refuses_an_overlong_question(string mode)
    {
        var question = string.Join(' ', Enumerable.Repeat("ranking", 2_000));
        var detail = await Json.ProblemAsync(await _client.PostAsJsonAsync("/api/ask", new { question, mode }, Ct), HttpStatusCode.BadRequest);
        Assert.Equal($"The query is {question.Length} characters long; the limit is 2000.", detail);
    }

    [Fact]
    public async Task A_post_without_a_json_content_type_is_a_415_that_names_the_one_to_send()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"question":"what is NDCG?"}"""));
        var detail = await Json.ProblemAsync(await _client.PostAsync("/api/ask", content, Ct), HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("POST /api/ask takes a JSON body: send it with Content-Type: application/json.", detail);
        // An unknown path is still a 404.
        await Json.ProblemAsync(await _client.PostAsync("/api/nothing-here", new ByteArrayContent([]), Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_that_says_where_it_broke()
    {
        using var content = new StringContent("""{"question": "NDCG""", Encoding.UTF8, "application/json");
        var detail = await Json.ProblemAsync(await _client.PostAsync("/api/ask", content, Ct), HttpStatusCode.BadRequest);
        Assert.StartsWith("The request body is not valid JSON: ", detail);
        Assert.Contains("LineNumber: 0", detail);
    }

    [Theory]
    [InlineData("/api/search?q=ndcg&top=500", "top must be at most 100 (got 500).")]
    [InlineData("/api/search?q=ndcg&top=0", "The number of passages must be at least 1 (got 0).")]
    public async Task Errors_speak_of_the_api_not_of_command_line_flags(string url, string expected)
    {
        var detail = await Json.ProblemAsync(await _client.GetAsync(url, Ct), HttpStatusCode.BadRequest);
        Assert.Equal(expected, detail);
        Assert.DoesNotContain("--", detail);
    }
}
