using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using GraphRag.Tests;

namespace GraphRag.Cli.Tests.Graph;

/// <summary>
/// Neo4j down during ingest (a real outage: nothing listens on its port): the run says so on stderr
/// even when nobody watches a terminal, and `graph stats` counts what waits, whichever store is configured.
/// </summary>
public sealed class GraphOutageCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Ingest_with_neo4j_down_warns_on_stderr_and_graph_stats_counts_the_queue()
    {
        var neo4jDown = new Dictionary<string, string>
        {
            ["GRAPHRAG_GraphRag__Graph__Store"] = "neo4j",
            ["GRAPHRAG_GraphRag__Graph__Neo4j__Url"] = $"http://127.0.0.1:{ClosedPort()}",
            ["GRAPHRAG_GraphRag__Graph__Neo4j__Password"] = "unused",
            ["GRAPHRAG_GraphRag__Graph__Neo4j__MaxRetries"] = "1",
            ["GRAPHRAG_GraphRag__Graph__Neo4j__RetryDelay"] = "00:00:00.050",
        };
        var db = _dir.File("g.db");

        var ingest = await CliProcess.RunAsync(_dir.Path, neo4jDown, "ingest", TestPaths.Repo("corpus"), "--db", db, "--json");

        Assert.True(ingest.ExitCode == 0, ingest.Output);
        var articles = JsonDocument.Parse(ingest.Stdout).RootElement.GetProperty("articlesAdded").GetInt32();
        var warning = Assert.Single(ingest.Stderr.Split('\n'), l => l.StartsWith("warning:"));
        Assert.StartsWith($"warning: {articles} article graphs wait for Neo4j (", warning);
        Assert.Contains("run `graphrag graph sync` once Neo4j is reachable", Flat(ingest.Stderr));

        var embeddedStats = await CliProcess.RunAsync(_dir.Path, "graph", "stats", "--db", db, "--json");
        Assert.True(embeddedStats.ExitCode == 0, embeddedStats.Output);
        Assert.Equal(articles, JsonDocument.Parse(embeddedStats.Stdout).RootElement.GetProperty("pendingSync").GetInt32());

        var neo4jStats = await CliProcess.RunAsync(_dir.Path, neo4jDown, "graph", "stats", "--db", db);
        Assert.Equal(2, neo4jStats.ExitCode);
        Assert.StartsWith($"error: {articles} article graphs wait for Neo4j (", neo4jStats.Stderr);
    }

    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s*\n\s*", " ");

    /// <summary>A loopback port nothing listens on (taken, then released).</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
