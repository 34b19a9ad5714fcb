using System.Diagnostics;
using GraphRag.Graph.Store;
using GraphRag.Tests;

namespace GraphRag.Graph.Tests.Support;

/// <summary>
/// The local Neo4j that scripts/neo4j.sh manages: its credentials come from NEO4J_URL /
/// NEO4J_PASSWORD (NEO4J_USER optional) or from .assets/neo4j.env, which the script writes.
/// </summary>
public static class Neo4jServer
{
    public const string SkipReason = "SKIPPED: Neo4j not running — the README test command starts it (scripts/neo4j.sh start)";

    public static Neo4jOptions? Options()
    {
        var values = new Dictionary<string, string>();
        var file = Path.Combine(TestPaths.AssetsRoot, "neo4j.env");
        if (File.Exists(file))
            foreach (var line in File.ReadAllLines(file).Where(l => l.Contains('=')))
                values[line[..line.IndexOf('=')]] = line[(line.IndexOf('=') + 1)..];
        foreach (var name in new[] { "NEO4J_URL", "NEO4J_USER", "NEO4J_PASSWORD" })
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
                values[name] = value;
        if (!values.TryGetValue("NEO4J_URL", out var url) || !values.TryGetValue("NEO4J_PASSWORD", out var password))
            return null;
        return new Neo4jOptions
        {
            Url = url, Password = password, User = values.GetValueOrDefault("NEO4J_USER", "neo4j"),
            MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(100), RequestTimeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>A store on the running server with an empty graph, or a loud skip.</summary>
    public static async Task<Neo4jGraphStore> EmptyStoreOrSkipAsync()
    {
        var options = Options();
        Assert.SkipWhen(options is null, SkipReason);
        var store = new Neo4jGraphStore(new Neo4jHttpClient(new HttpClient(), options!), options!);
        try
        {
            await store.DeleteAllAsync();
        }
        catch (GraphStoreUnavailableException ex)
        {
            Assert.Skip($"{SkipReason}: {ex.Message}");
        }
        return store;
    }

    /// <summary>Runs scripts/neo4j.sh with a subcommand; throws with its output when it fails.</summary>
    public static void Script(string command)
    {
        var start = new ProcessStartInfo("bash", [TestPaths.Repo("scripts", "neo4j.sh"), command])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill();
            throw new TimeoutException($"scripts/neo4j.sh {command} did not finish in 3 minutes");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"scripts/neo4j.sh {command} exited {process.ExitCode}: {output.Result}{error.Result}");
    }
}
