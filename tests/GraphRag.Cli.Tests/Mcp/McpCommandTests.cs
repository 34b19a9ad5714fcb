using System.Diagnostics;
using System.Text.Json;
using GraphRag.Agents;
using GraphRag.Store;
using GraphRag.Tests;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace GraphRag.Cli.Tests.Mcp;

/// <summary>
/// `graphrag mcp` as an AI assistant runs it: the built command line started as a child process over a
/// database that `graphrag ingest corpus/` filled, spoken to over stdin/stdout by the MCP SDK's own client.
/// Expected values are the stored articles, read back from the same database.
/// </summary>
public sealed class McpCommandTests : IAsyncLifetime
{
    private const string NdcgTitle = "Normalized Discounted Cumulative Gain (NDCG)";

    private readonly TempDirectory _dir = new();

    private string Db => _dir.File("notes.db");

    private ArticleStore Store => new(new GraphRagDatabase(Db));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var ingest = await CliProcess.RunAsync(_dir.Path, "ingest", TestPaths.Repo("corpus"), "--db", Db);
        Assert.True(ingest.ExitCode == 0, ingest.Output);
    }

    public ValueTask DisposeAsync()
    {
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The client an assistant configures: the command, its arguments and the environment the other CLI tests use.</summary>
    private Task<McpClient> StartAsync()
    {
        var start = CliProcess.StartInfo(_dir.Path, null, "mcp", "--db", Db);
        return McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = start.FileName,
            Arguments = start.ArgumentList.ToList(),
            WorkingDirectory = _dir.Path,
            EnvironmentVariables = start.Environment,
        }), cancellationToken: Ct);
    }

    [Fact]
    public async Task Over_stdio_the_tools_search_and_answer_from_the_notes_and_the_articles_read_as_resources()
    {
        await using var client = await StartAsync();

        var tools = await client.ListToolsAsync(cancellationToken: Ct);
        Assert.Equal([NotesTools.Ask, NotesTools.CheckClaims, NotesTools.EntityNeighbourhood, NotesTools.ReadArticle, NotesTools.Search],
            tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        var search = tools.Single(t => t.Name == NotesTools.Search).JsonSchema;
        Assert.Equal(["query", "top", "mode"], search.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal("integer", search.GetProperty("properties").GetProperty("top").GetProperty("type").GetString());
        Assert.Equal(["query"], search.GetProperty("required").EnumerateArray().Select(r => r.GetString()));

        var found = await client.CallToolAsync(NotesTools.Search,
            new Dictionary<string, object?> { ["query"] = "NDCG discounted cumulative gain", ["top"] = 3 }, cancellationToken: Ct);
        var hits = found.StructuredContent!.Value.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal(3, hits.Count);
        Assert.StartsWith(NdcgTitle, hits[0].GetProperty("title").GetString());

        var asked = await client.CallToolAsync(NotesTools.Ask,
            new Dictionary<string, object?> { ["question"] = "What does NDCG measure in ranking?" }, cancellationToken: Ct);
        var answer = asked.StructuredContent!.Value;
        Assert.True(answer.GetProperty("found").GetBoolean());
        Assert.Contains("[1]", answer.GetProperty("text").GetString());
        // The text a model reads holds the notes' own characters, not \u escapes.
        Assert.Contains("NDCG — Normalized Discounted Cumulative Gain", Assert.IsType<TextContentBlock>(Assert.Single(asked.Content)).Text);
        var first = answer.GetProperty("citations")[0];
        Assert.StartsWith(NdcgTitle, first.GetProperty("title").GetString());
        var article = Store.GetArticle(first.GetProperty("articleId").GetInt64())!;
        Assert.Equal(article.Text[first.GetProperty("startOffset").GetInt32()..first.GetProperty("endOffset").GetInt32()],
            first.GetProperty("quote").GetString());

        var resources = await client.ListResourcesAsync(cancellationToken: Ct);
        Assert.Equal(Store.ListArticles().Select(a => a.Title), resources.Select(r => r.Name));
        var read = await client.ReadResourceAsync(resources.Single(r => r.Name == article.Title).Uri, cancellationToken: Ct);
        Assert.Equal(article.Text, Assert.IsType<TextResourceContents>(Assert.Single(read.Contents)).Text);
    }

    [Fact]
    public async Task Bad_requests_come_back_as_mcp_errors_that_say_what_is_wrong()
    {
        await using var client = await StartAsync();

        async Task<string> ToolError(string tool, Dictionary<string, object?> arguments)
        {
            var result = await client.CallToolAsync(tool, arguments, cancellationToken: Ct);
            Assert.True(result.IsError);
            return Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        }

        Assert.Contains("has no words to search for", await ToolError(NotesTools.Search, new() { ["query"] = "?! --" }));
        Assert.Contains("Unknown search mode 'psychic'", await ToolError(NotesTools.Search, new() { ["query"] = "ranking", ["mode"] = "psychic" }));
        Assert.Contains("top must be between 1 and 50", await ToolError(NotesTools.Search, new() { ["query"] = "ranking", ["top"] = 500 }));
        Assert.Contains("No entity named \"Quarkonium spectroscopy\"",
            await ToolError(NotesTools.EntityNeighbourhood, new() { ["entity"] = "Quarkonium spectroscopy" }));
        Assert.Contains("No article has id 987654.", await ToolError(NotesTools.CheckClaims, new() { ["articleId"] = 987654 }));

        var unknown = await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync("graphrag://articles/987654", cancellationToken: Ct).AsTask());
        Assert.Contains("No article has id '987654'", unknown.Message);
        // Still serving after every refusal.
        Assert.Equal(5, (await client.ListToolsAsync(cancellationToken: Ct)).Count);
    }

    [Fact]
    public async Task Stdout_carries_only_protocol_messages_and_the_server_exits_when_stdin_closes()
    {
        var start = CliProcess.StartInfo(_dir.Path, null, "mcp", "--db", Db);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(Ct);

        await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""");
        await process.StandardInput.FlushAsync(Ct);
        var initialized = await ReadMessageAsync(process);
        Assert.Equal("graphrag", initialized.GetProperty("result").GetProperty("serverInfo").GetProperty("name").GetString());

        await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","id":2,"method":"tools/list"}""");
        await process.StandardInput.FlushAsync(Ct);
        var listed = await ReadMessageAsync(process);
        Assert.Equal(2, listed.GetProperty("id").GetInt32());
        Assert.Equal(5, listed.GetProperty("result").GetProperty("tools").GetArrayLength());

        process.StandardInput.Close();
        var rest = await process.StandardOutput.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal("", rest.Trim());
        Assert.True(process.ExitCode == 0, await stderr);
    }

    [Fact]
    public async Task Over_a_database_with_no_notes_it_stops_at_once_saying_what_to_do()
    {
        var result = await CliProcess.RunAsync(_dir.Path, "mcp", "--db", _dir.File("empty.db"));
        Assert.Equal(CommandActions.UserError, result.ExitCode);
        Assert.Contains("graphrag ingest", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    /// <summary>The next line of stdout, which must be one JSON-RPC message.</summary>
    private static async Task<JsonElement> ReadMessageAsync(Process process)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        Assert.NotNull(line);
        var message = JsonDocument.Parse(line).RootElement.Clone();
        Assert.Equal("2.0", message.GetProperty("jsonrpc").GetString());
        return message;
    }
}
