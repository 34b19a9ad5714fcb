using System.Diagnostics;
using GraphRag.Cli;
using GraphRag.Ingest;
using GraphRag.Retrieve;
using GraphRag.Store;
using GraphRag.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace GraphRag.Bench.Web;

/// <summary>
/// Requests per second and latency of GET /api/search under 8 and 32 concurrent loopback clients,
/// each level run for a fixed time, in lexical and in hybrid mode (lexical + dense + graph, with the
/// corpus embedded). Baselines, measured in the same run and interleaved (lexical, hybrid, lexical,
/// hybrid, … per round): the same searches called in process with the same concurrency (what HTTP,
/// routing and JSON cost), and lexical over HTTP (what hybrid costs on top).
///   web [--seconds 5] [--rounds 2] [--embeddings on|off] [--modes lexical,hybrid] [--db kept.db] [--unique]   (corpus/ is ingested first)
/// </summary>
public sealed class SearchEndpointSuite : IBenchSuite
{
    private static readonly string[] Queries =
    [
        "statistical significance p-value", "normalized discounted cumulative gain", "index database query performance",
        "python libraries", "knowledge graph llm", "data science career", "automate daily tasks script",
        "ranking metric relevance", "large language model math", "build an ai app",
    ];

    private static readonly string[] Words = ["notes", "article", "example", "method", "result", "measure", "model", "data"];

    private static readonly int[] ClientCounts = [8, 32];


    public string Name => "web";

    public string Description => "GET /api/search: requests/s and p95 under 8 and 32 concurrent loopback clients, lexical and hybrid, vs in-process search [--seconds N] [--rounds N] [--embeddings on|off] [--modes lexical,dense,graph,hybrid] [--unique: every question new, so the query cache never answers]";

    public async Task RunAsync(string[] args)
    {
        var seconds = double.Parse(Option(args, "--seconds", "5"), System.Globalization.CultureInfo.InvariantCulture);
        var rounds = int.Parse(Option(args, "--rounds", "2"), System.Globalization.CultureInfo.InvariantCulture);
        var unique = args.Contains("--unique");
        var embeddings = Option(args, "--embeddings", "on") == "on";
        // --db keeps the database between runs: corpus/ is then skipped as unchanged instead of embedded again.
        var keptDatabase = Option(args, "--db", "");
        var folder = Path.Combine(Path.GetTempPath(), "graphrag-bench-web-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["GraphRag:Database"] = keptDatabase.Length > 0 ? keptDatabase : Path.Combine(folder, "graphrag.db"),
                    ["GraphRag:Embeddings:Enabled"] = embeddings ? "true" : "false",
                    ["GraphRag:Embeddings:ModelDirectory"] = Path.Combine(
                        Environment.GetEnvironmentVariable("GRAPHRAG_ASSETS") ?? Path.Combine(Path.GetDirectoryName(FindCorpus())!, ".assets"), "use-lite"),
                    ["Logging:LogLevel:Default"] = "Warning",
                })
                .Build();
            await using var app = GraphRagWebApp.Build(new WebAppOptions { Urls = "http://127.0.0.1:0" }, configuration,
                services => services.AddGraphRagServices(configuration));
            await app.Services.GetRequiredService<IngestionPipeline>().IngestAsync([FindCorpus()]);
            await GraphRagWebApp.StartAsync(app);
            var baseAddress = new Uri(app.Urls.First());
            var search = app.Services.GetRequiredService<PassageSearch>();
            // Lexical first: it is the baseline of every other mode's row in the same round.
            var modes = Option(args, "--modes", "lexical,hybrid").Split(',')
                .Prepend(RetrievalModeNames.Lexical).Distinct().Where(search.Modes.Available.Contains).ToList();
            var counts = app.Services.GetRequiredService<ArticleStore>().Counts();
            AnsiConsole.MarkupLine($"[grey]corpus/: {counts.Articles} articles, {counts.Chunks} chunks; embeddings {(embeddings ? "on" : "off")}; " +
                $"hybrid = {string.Join(" + ", search.Modes.Available.Contains(RetrievalModeNames.Dense) ? "lexical, dense, graph" : "lexical, graph")}; top 10; {seconds:F0} s per row, {rounds} round(s)[/]");

            var table = new Table().RoundedBorder()
                .AddColumns("clients", "round", "mode", "path", "requests/s", "p50 ms", "p95 ms", "requests", "HTTP / in-process", "HTTP vs lexical HTTP");
            foreach (var clients in ClientCounts)
            {
                using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = baseAddress };
                for (var round = 1; round <= rounds; round++)
                {
                    Load? lexicalHttp = null;
                    foreach (var mode in modes)
                    {
                        var inProcess = await LoadAsync(clients, seconds, unique, (query, ct) => search.SearchAsync(query, 10, mode, ct));
                        var overHttp = await LoadAsync(clients, seconds, unique, async (query, ct) =>
                        {
                            using var response = await http.GetAsync($"/api/search?q={Uri.EscapeDataString(query)}&top=10&mode={mode}", ct);
                            response.EnsureSuccessStatusCode();
                            await response.Content.ReadAsByteArrayAsync(ct);
                        });
                        lexicalHttp ??= overHttp;
                        table.AddRow([clients.ToString(), round.ToString(), mode, "in-process", .. Row(inProcess), inProcess.Requests.ToString(), "1.00 (baseline)", ""]);
                        table.AddRow([clients.ToString(), round.ToString(), mode, "HTTP loopback", .. Row(overHttp), overHttp.Requests.ToString(),
                            $"{overHttp.PerSecond / inProcess.PerSecond:F2}", mode == RetrievalModeNames.Lexical ? "1.00 (baseline)" : $"{overHttp.PerSecond / lexicalHttp.PerSecond:F2}"]);
                    }
                }
            }
            AnsiConsole.Write(table);
            await app.StopAsync();
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    private sealed record Load(int Requests, double PerSecond, double P50Ms, double P95Ms);

    private static string[] Row(Load load) => [$"{load.PerSecond:F0}", $"{load.P50Ms:F2}", $"{load.P95Ms:F2}"];

    /// <summary>
    /// <paramref name="clients"/> loops issue one request after another for the given time (after a
    /// one-second warm-up that is not counted); every latency is kept for the percentiles.
    /// </summary>
    /// <param name="unique">Every request a question not asked before (--unique).</param>
    private static async Task<Load> LoadAsync(int clients, double seconds, bool unique, Func<string, CancellationToken, Task> request)
    {
        await RunClientsAsync(clients, TimeSpan.FromSeconds(1), unique, request);
        var clock = Stopwatch.StartNew();
        var samples = await RunClientsAsync(clients, TimeSpan.FromSeconds(seconds), unique, request);
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = samples.SelectMany(s => s).ToArray();
        Array.Sort(all);
        return new Load(all.Length, all.Length / elapsed, Measure.Percentile(all, 0.50), Measure.Percentile(all, 0.95));
    }

    private static async Task<List<double>[]> RunClientsAsync(int clients, TimeSpan duration, bool unique, Func<string, CancellationToken, Task> request)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var latencies = new List<double>();
            for (var i = client; Stopwatch.GetTimestamp() < deadline; i++)
            {
                var start = Stopwatch.GetTimestamp();
                // With --unique every request is a new question (a word added from a running count), so the
                // query-embedding cache never answers: the cost of questions nobody asked before.
                var query = Queries[i % Queries.Length];
                await request(unique ? $"{query} {Words[(client * 7919 + i) % Words.Length]}{i}" : query, CancellationToken.None);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            return latencies;
        })));
    }

    private static string FindCorpus()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GraphRag.sln")))
                return Path.Combine(dir.FullName, "corpus");
        throw new DirectoryNotFoundException("Run the bench from inside the repository: corpus/ not found above " + Directory.GetCurrentDirectory());
    }
}
