using GraphRag.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Web.Tests;

/// <summary>
/// The real web app over a real SQLite file in a temp folder, composed exactly as `serve` composes
/// it (AddGraphRagServices), served in memory by ASP.NET Core's TestServer or on a loopback port.
/// </summary>
public sealed class WebAppHost : IAsyncDisposable
{
    private WebAppHost(TempDirectory folder, WebApplication app, HttpClient client)
    {
        Folder = folder;
        App = app;
        Client = client;
    }

    public TempDirectory Folder { get; }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>notes/ in the temp folder: an ingest root when the host is started with <c>notesRoot</c>.</summary>
    public string Notes => Folder.File("notes");

    /// <param name="inMemory">TestServer when true; Kestrel on a free loopback port when false (request limits are Kestrel's).</param>
    /// <param name="database">A database that outlives this host (a restart); by default one in the host's own temp folder.</param>
    /// <param name="notesRoot">Make <see cref="Notes"/> an ingest root (GraphRag:Web:IngestRoots); by default there is none.</param>
    /// <param name="settings">Extra configuration, applied last.</param>
    public static async Task<WebAppHost> StartAsync(
        Action<WebAppOptions>? configure = null,
        Action<IServiceCollection>? extraServices = null,
        bool inMemory = true,
        string? database = null,
        bool notesRoot = false,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configureBuilder = null)
    {
        var folder = new TempDirectory();
        Directory.CreateDirectory(folder.File("notes"));
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(TestPaths.Repo("appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["GraphRag:Database"] = database ?? folder.File("graphrag.db"),
                // Dense retrieval needs the encoder's weights (scripts/fetch-assets.sh) and minutes of CPU to
                // embed the corpus; these tests are about the web layer, so lexical and graph retrieval suffice.
                ["GraphRag:Embeddings:Enabled"] = "false",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var options = new WebAppOptions
        {
            Urls = "http://127.0.0.1:0",
            ReportsDirectory = folder.File("eval-reports"),
            UploadDirectory = folder.File("uploads"),
            IngestRoots = notesRoot ? [folder.File("notes")] : [],
        };
        configure?.Invoke(options);
        var app = GraphRagWebApp.Build(options, configuration,
            services =>
            {
                services.AddGraphRagServices(configuration);
                extraServices?.Invoke(services);
            },
            builder =>
            {
                if (inMemory)
                    builder.WebHost.UseTestServer();
                configureBuilder?.Invoke(builder);
            });
        try
        {
            await GraphRagWebApp.StartAsync(app);
        }
        catch
        {
            await app.DisposeAsync();
            folder.Dispose();
            throw;
        }
        var client = inMemory ? app.GetTestClient() : new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        return new WebAppHost(folder, app, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Folder.Dispose();
    }
}
