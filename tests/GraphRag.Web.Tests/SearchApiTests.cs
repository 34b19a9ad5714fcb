using System.Net;
using System.Net.Http.Json;
using GraphRag.Store;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Web.Tests;

public sealed class SearchApiTests(CorpusFixture corpus)
{
    private readonly HttpClient _client = corpus.Client;
    private ArticleStore Store => corpus.Host.Services.GetRequiredService<ArticleStore>();
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Status_counts_what_the_store_holds()
    {
        var status = await Json.GetAsync(_client, "/api/status");
        var counts = Store.Counts();
        Assert.Equal(counts.Articles, status.GetProperty("articles").GetInt64());
        Assert.Equal(counts.Chunks, status.GetProperty("chunks").GetInt64());
        Assert.Contains("lexical", status.GetProperty("modes").EnumerateArray().Select(m => m.GetString()));
        Assert.False(status.GetProperty("generator").GetBoolean());
    }

    [Fact]
    public async Task Search_hits_carry_offsets_that_slice_their_article_to_the_passage()
    {
        var result = await Json.GetAsync(_client, "/api/search?q=statistical+significance+p-value&top=5");
        Assert.Equal("hybrid", result.GetProperty("mode").GetString());
        var hits = result.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal(5, hits.Count);
        Assert.Equal([1, 2, 3, 4, 5], hits.Select(h => h.GetProperty("rank").GetInt32()));
        foreach (var hit in hits)
        {
            var article = Store.GetArticle(hit.GetProperty("articleId").GetInt64())!;
            var start = hit.GetProperty("startOffset").GetInt32();
            var end = hit.GetProperty("endOffset").GetInt32();
            Assert.Equal(article.Text[start..end], hit.GetProperty("text").GetString());
            // Hybrid's reason names where each component ranked the passage.
            Assert.Matches(@"^(lexical|dense) #\d+ \(", hit.GetProperty("explanation").GetString());
        }
    }

    [Fact]
    public async Task An_empty_query_is_a_400_with_the_reason()
    {
        var detail = await Json.ProblemAsync(await _client.GetAsync("/api/search?q=%20", Ct), HttpStatusCode.BadRequest);
        Assert.Equal("The query is empty.", detail);
    }

    [Fact]
    public async Task A_query_of_only_punctuation_is_a_400_that_says_so()
    {
        var detail = await Json.ProblemAsync(await _client.GetAsync("/api/search?q=%22*%22%20()%20--%20%2B", Ct), HttpStatusCode.BadRequest);
        Assert.Contains("has no words to search for", detail);
    }

    [Fact]
    public async Task An_unknown_mode_is_a_400_that_lists_the_modes_there_are()
    {
        var detail = await Json.ProblemAsync(await _client.GetAsync("/api/search?q=ranking&mode=psychic", Ct), HttpStatusCode.BadRequest);
        Assert.Contains("Unknown search mode 'psychic'", detail);
        Assert.Contains("lexical", detail);
    }

    [Fact]
    public async Task Top_above_the_limit_is_refused()
    {
        var detail = await Json.ProblemAsync(await _client.GetAsync("/api/search?q=ranking&top=5000", Ct), HttpStatusCode.BadRequest);
        Assert.Contains("at most 100", detail);
    }

    [Fact]
    public async Task Ask_answers_with_citations_quoting_the_article_exactly()
    {
        var result = await Json.PostAsync(_client, "/api/ask", new { question = "What does NDCG measure in ranking?" });
        var answer = result.GetProperty("answer");
        Assert.True(answer.GetProperty("found").GetBoolean());
        Assert.Equal("extractive", answer.GetProperty("method").GetString());
        var citations = answer.GetProperty("citations").EnumerateArray().ToList();
        Assert.NotEmpty(citations);
        foreach (var citation in citations)
        {
            var n = citation.GetProperty("n").GetInt32();
            Assert.Contains($"[{n}]", answer.GetProperty("text").GetString());
            var article = Store.GetArticle(citation.GetProperty("articleId").GetInt64())!;
            Assert.Equal(article.Text[citation.GetProperty("startOffset").GetInt32()..citation.GetProperty("endOffset").GetInt32()],
                citation.GetProperty("quote").GetString());
        }
        // The passages the answer drew from, each saying why it was found.
        var passages = result.GetProperty("passages").EnumerateArray().ToList();
        Assert.NotEmpty(passages);
        Assert.All(passages, p => Assert.False(string.IsNullOrEmpty(p.GetProperty("explanation").GetString())));
        Assert.All(citations, c => Assert.Contains(passages, p => p.GetProperty("chunkId").GetInt64() == c.GetProperty("chunkId").GetInt64()));
    }

    [Fact]
    public async Task Ask_says_so_when_the_notes_do_not_answer()
    {
        var result = await Json.PostAsync(_client, "/api/ask", new { question = "zebra quokka xylophone" });
        Assert.False(result.GetProperty("answer").GetProperty("found").GetBoolean());
        Assert.Empty(result.GetProperty("answer").GetProperty("citations").EnumerateArray());
    }

    [Fact]
    public async Task Ask_stream_sends_passages_then_the_same_answer_as_ask()
    {
        const string question = "What does NDCG measure in ranking?";
        var plain = await Json.PostAsync(_client, "/api/ask", new { question });
        var response = await _client.PostAsJsonAsync("/api/ask/stream", new { question }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = ServerSentEvents.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(["passages", "done"], events.Select(e => e.Type));
        Assert.Equal(plain.GetProperty("answer").GetProperty("text").GetString(),
            events[1].Data.GetProperty("answer").GetProperty("text").GetString());
        Assert.Equal(plain.GetProperty("passages").GetArrayLength(), events[0].Data.GetArrayLength());
    }

    [Fact]
    public async Task Ask_stream_with_a_bad_question_is_a_plain_400_not_a_broken_stream()
    {
        var response = await _client.PostAsJsonAsync("/api/ask/stream", new { question = "" }, Ct);
        Assert.Equal("The query is empty.", await Json.ProblemAsync(response, HttpStatusCode.BadRequest));
    }
}
