using GraphRag.Cli;
using GraphRag.Ingest;
using GraphRag.Tests;
using GraphRag.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(GraphRag.Browser.Tests.ServedNotes))]
// One server and one browser for all tests; the upload test adds an article, so tests take turns.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace GraphRag.Browser.Tests;

/// <summary>
/// What the browser tests drive: the real web app on Kestrel at a free loopback port, composed as `graphrag serve`
/// composes it (AddGraphRagServices), over corpus/ ingested into a temp SQLite file, and Debian's chromium through
/// Microsoft.Playwright (no browser download). Lexical and graph retrieval only: the page does not need the
/// encoder's minutes of embedding. One evaluation report (its page and its results.json) is in the reports folder for the reports view and the overview.
/// </summary>
public sealed class ServedNotes : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly TempDirectory _folder = new();
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Where each state's screenshot goes (git-ignored), for a person to look at.</summary>
    public static string Screenshots { get; } = TestPaths.Repo("artifacts", "screenshots");

    public IBrowser Browser
    {
        get
        {
            Assert.SkipWhen(_browser is null, $"SKIPPED: no chromium at {Chromium}; apt-get install chromium");
            return _browser;
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
            return;
        var reports = Path.Combine(_folder.Path, "eval-reports");
        Directory.CreateDirectory(Path.Combine(reports, "notes"));
        await File.WriteAllTextAsync(Path.Combine(reports, "notes", "report.html"),
            "<!doctype html><title>Evaluation: notes</title><h1>Evaluation report: notes</h1>");
        // The fields of results.json the overview reads, as `graphrag eval` writes them (figures from a real run on corpus/).
        await File.WriteAllTextAsync(Path.Combine(reports, "notes", "results.json"),
            """{"dataset":"notes","k":10,"queries":63,"createdUtc":"2026-12-03T12:26:23Z","modes":[{"mode":"graph","ndcg@10":0.6535264807,"recall@10":0.7989417989,"mrr":0.6416000493}]}""");
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(TestPaths.Repo("appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["GraphRag:Database"] = _folder.File("graphrag.db"),
                ["GraphRag:Embeddings:Enabled"] = "false",
            })
            .Build();
        var options = new WebAppOptions
        {
            Urls = "http://127.0.0.1:0",
            ReportsDirectory = reports,
            UploadDirectory = _folder.File("uploads"),
        };
        _app = GraphRagWebApp.Build(options, configuration, services => services.AddGraphRagServices(configuration));
        var ingested = await _app.Services.GetRequiredService<IngestionPipeline>().IngestAsync([TestPaths.Repo("corpus")]);
        if (ingested.Failed > 0)
            throw new InvalidOperationException($"{ingested.Failed} file(s) of corpus/ failed to ingest");
        await GraphRagWebApp.StartAsync(_app);
        BaseUrl = _app.Urls.First();
        Directory.CreateDirectory(Screenshots);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _folder.Dispose();
    }
}
