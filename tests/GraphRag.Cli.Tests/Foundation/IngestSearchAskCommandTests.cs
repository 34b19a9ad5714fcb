using System.Text.Json;
using GraphRag.Tests;

namespace GraphRag.Cli.Tests.Foundation;

/// <summary>The foundation's commands as a user runs them: a real process, a real SQLite file.</summary>
public sealed class IngestSearchAskCommandTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private string Db => _dir.File("notes.db");

    public async ValueTask InitializeAsync()
    {
        // --db before the command name.
        var ingest = await CliProcess.RunAsync(_dir.Path, "--db", Db, "ingest", TestPaths.Repo("corpus"));
        Assert.True(ingest.ExitCode == 0, ingest.Output);
    }

    public ValueTask DisposeAsync()
    {
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Ingest_reports_each_file_and_a_rerun_changes_nothing()
    {
        var again = await CliProcess.RunAsync(_dir.Path, "ingest", TestPaths.Repo("corpus"), "--db", Db, "--json");
        Assert.Equal(0, again.ExitCode);
        using var json = JsonDocument.Parse(again.Stdout);
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(5, files.Count);
        Assert.All(files, f => Assert.Equal("unchanged", f.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Search_json_lists_ranked_chunks_with_their_articles()
    {
        // --db after the command name.
        var result = await CliProcess.RunAsync(_dir.Path, "search", "NDCG discounted cumulative gain", "--top", "3", "--json", "--db", Db);
        Assert.True(result.ExitCode == 0, result.Output);
        var hits = JsonDocument.Parse(result.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(3, hits.Count);
        for (var i = 0; i < hits.Count; i++)
        {
            Assert.Equal(i + 1, hits[i].GetProperty("rank").GetInt32());
            Assert.True(hits[i].GetProperty("chunkId").GetInt64() > 0);
            Assert.True(hits[i].GetProperty("articleId").GetInt64() > 0);
            Assert.False(string.IsNullOrWhiteSpace(hits[i].GetProperty("title").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(hits[i].GetProperty("text").GetString()));
            hits[i].GetProperty("score").GetDouble();
        }
    }

    [Fact]
    public async Task Ask_json_has_an_answer_and_numbered_citations_with_quotes()
    {
        var result = await CliProcess.RunAsync(_dir.Path, "ask", "Why did physicists think neutrinos travelled faster than light?", "--json", "--db", Db);
        Assert.True(result.ExitCode == 0, result.Output);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        var answer = root.GetProperty("answer").GetString()!;
        var citations = root.GetProperty("citations").EnumerateArray().ToList();
        Assert.NotEmpty(citations);
        foreach (var citation in citations)
        {
            Assert.Contains($"[{citation.GetProperty("n").GetInt32()}]", answer);
            Assert.True(citation.GetProperty("chunkId").GetInt64() > 0);
            Assert.False(string.IsNullOrWhiteSpace(citation.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(citation.GetProperty("quote").GetString()));
        }
    }

    [Fact]
    public async Task Ask_prints_the_answer_then_its_sources()
    {
        var result = await CliProcess.RunAsync(_dir.Path, "ask", "What did CERN physicists claim about neutrinos in 2011?", "--db", Db);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Matches(@"\[1\]", result.Stdout);
        Assert.Contains("“", result.Stdout);
    }

    [Theory]
    [InlineData("?!?")]
    [InlineData("\"* ( ^ - :")]
    [InlineData("")]
    public async Task A_query_without_words_gets_a_message_and_exit_code_2_not_a_stack_trace(string query)
    {
        var result = await CliProcess.RunAsync(_dir.Path, "search", query, "--db", Db);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error:", result.Stderr);
        Assert.DoesNotContain("   at ", result.Output);
    }

    [Fact]
    public async Task An_unknown_mode_lists_the_modes_there_are()
    {
        var result = await CliProcess.RunAsync(_dir.Path, "search", "ndcg", "--mode", "telepathy", "--db", Db);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("lexical", result.Stderr);
    }

    [Fact]
    public async Task Asking_an_empty_database_says_to_ingest_first()
    {
        var result = await CliProcess.RunAsync(_dir.Path, "ask", "anything at all?", "--db", _dir.File("empty.db"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ingest", result.Stderr);
        Assert.DoesNotContain("   at ", result.Output);
    }
}
