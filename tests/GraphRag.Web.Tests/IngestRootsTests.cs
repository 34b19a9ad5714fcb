using System.Net;
using System.Net.Http.Json;
using GraphRag.Store;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Web.Tests;

/// <summary>
/// Server-side ingestion reads only notes under the configured roots, judged by real path: the
/// attacks of issue 17 (system files, whole system folders, hidden keys, links and ".." out of a
/// root) against a real server with real files.
/// </summary>
public sealed class IngestRootsTests
{
    private const string Note = "# Wombat burrows\n\nWombat burrows reach three metres deep and shelter other animals from bushfires.\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("/etc")]
    [InlineData("/")]
    public async Task Without_configured_roots_no_server_path_is_ingested(string path)
    {
        await using var host = await WebAppHost.StartAsync(inMemory: false);
        var detail = await Json.ProblemAsync(await host.Client.PostAsJsonAsync("/api/ingest/folder", new { path }, Ct), HttpStatusCode.Forbidden);

        Assert.Equal($"{path}: this server ingests no server folders (set GraphRag:Web:IngestRoots); upload the files instead.", detail);
        Assert.Equal(0, (await Json.GetAsync(host.Client, "/api/ingest/jobs")).GetArrayLength());
        var hits = await Json.GetAsync(host.Client, "/api/search?q=nologin+daemon");
        Assert.Equal(0, hits.GetProperty("hits").GetArrayLength());
    }

    [Fact]
    public async Task Paths_outside_a_root_are_refused_however_they_are_spelled()
    {
        await using var host = await WebAppHost.StartAsync(notesRoot: true);
        File.CreateSymbolicLink(Path.Combine(host.Notes, "passwd.md"), "/etc/passwd");
        Directory.CreateSymbolicLink(Path.Combine(host.Notes, "etc"), "/etc");

        foreach (var path in new[]
                 {
                     "/etc/passwd", Path.Combine(host.Notes, "..", "..", "..", "..", "etc"),
                     Path.Combine(host.Notes, "passwd.md"), Path.Combine(host.Notes, "etc"), Path.Combine(host.Notes, "etc", "passwd"),
                 })
        {
            var detail = await Json.ProblemAsync(await host.Client.PostAsJsonAsync("/api/ingest/folder", new { path }, Ct), HttpStatusCode.Forbidden);
            Assert.Equal($"{path}: outside the folders this server may ingest (GraphRag:Web:IngestRoots).", detail);
        }
        Assert.Equal(0, (await Json.GetAsync(host.Client, "/api/ingest/jobs")).GetArrayLength());
    }

    [Fact]
    public async Task Hidden_files_and_folders_and_other_file_types_under_a_root_are_refused()
    {
        await using var host = await WebAppHost.StartAsync(notesRoot: true);
        var ssh = Directory.CreateDirectory(Path.Combine(host.Notes, ".ssh")).FullName;
        await File.WriteAllTextAsync(Path.Combine(ssh, "id_ed25519.txt"), "-----BEGIN OPENSSH PRIVATE KEY-----", Ct);
        await File.WriteAllTextAsync(Path.Combine(host.Notes, ".env.md"), "API_KEY=secret", Ct);
        await File.WriteAllTextAsync(Path.Combine(host.Notes, "server.pem"), "-----BEGIN CERTIFICATE-----", Ct);

        foreach (var path in new[] { ssh, Path.Combine(ssh, "id_ed25519.txt"), Path.Combine(host.Notes, ".env.md") })
        {
            var detail = await Json.ProblemAsync(await host.Client.PostAsJsonAsync("/api/ingest/folder", new { path }, Ct), HttpStatusCode.Forbidden);
            Assert.Equal($"{path}: hidden files and folders are not ingested.", detail);
        }
        var pem = Path.Combine(host.Notes, "server.pem");
        var refused = await Json.ProblemAsync(await host.Client.PostAsJsonAsync("/api/ingest/folder", new { path = pem }, Ct), HttpStatusCode.Forbidden);
        Assert.StartsWith($"{pem}: only ", refused);
    }

    [Fact]
    public async Task A_root_folder_is_ingested_without_its_hidden_parts_or_the_links_that_leave_it_each_named_with_its_reason()
    {
        await using var host = await WebAppHost.StartAsync(notesRoot: true);
        await File.WriteAllTextAsync(Path.Combine(host.Notes, "wombats.md"), Note, Ct);
        Directory.CreateDirectory(Path.Combine(host.Notes, ".git"));
        await File.WriteAllTextAsync(Path.Combine(host.Notes, ".git", "notes.md"), "# Hidden\n\nNever ingested.\n", Ct);
        File.CreateSymbolicLink(Path.Combine(host.Notes, "passwd.txt"), "/etc/passwd");
        Directory.CreateSymbolicLink(Path.Combine(host.Notes, "system"), "/etc");

        var accepted = await Json.PostAsync(host.Client, "/api/ingest/folder", new { path = host.Notes }, HttpStatusCode.Accepted);
        var job = await JobClient.WaitAsync(host.Client, JobClient.Id(accepted));

        Assert.Equal("Completed", job.GetProperty("state").GetString());
        var files = job.GetProperty("files").EnumerateArray()
            .ToDictionary(f => Path.GetFileName(f.GetProperty("path").GetString()!), f => (Status: f.GetProperty("status").GetString(), Error: f.GetProperty("error").GetString()));
        Assert.Equal(("Ingested", null), files["wombats.md"]);
        Assert.Equal(("Failed", "outside the folders this server may ingest (GraphRag:Web:IngestRoots)."), files["passwd.txt"]);
        Assert.Equal(("Failed", "outside the folders this server may ingest (GraphRag:Web:IngestRoots)."), files["system"]);
        Assert.Equal(3, files.Count);
        var article = Assert.Single(host.Services.GetRequiredService<ArticleStore>().ListArticles());
        Assert.Equal("Wombat burrows", article.Title);
    }

    [Fact]
    public async Task A_missing_path_is_a_404_only_inside_a_root()
    {
        await using var host = await WebAppHost.StartAsync(notesRoot: true);
        var inside = Path.Combine(host.Notes, "later");
        Assert.Equal($"{inside}: no such file or folder on the server.",
            await Json.ProblemAsync(await host.Client.PostAsJsonAsync("/api/ingest/folder", new { path = inside }, Ct), HttpStatusCode.NotFound));
        // Outside, the answer is the same whether the path exists or not: no probing of the server's files.
        await Json.ProblemAsync(await host.Client.PostAsJsonAsync("/api/ingest/folder", new { path = "/no/such/place" }, Ct), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_folder_over_the_file_limit_is_refused_before_anything_is_ingested()
    {
        await using var host = await WebAppHost.StartAsync(o => o.MaxFolderFiles = 2, notesRoot: true);
        for (var i = 0; i < 3; i++)
            await File.WriteAllTextAsync(Path.Combine(host.Notes, $"n{i}.md"), Note.Replace("Wombat", $"Wombat {i}"), Ct);

        var detail = await Json.ProblemAsync(await host.Client.PostAsJsonAsync("/api/ingest/folder", new { path = host.Notes }, Ct), HttpStatusCode.BadRequest);

        Assert.Contains("more than 2 note files, the limit for one batch", detail);
        Assert.Equal(0, (await Json.GetAsync(host.Client, "/api/ingest/jobs")).GetArrayLength());
        Assert.Empty(host.Services.GetRequiredService<ArticleStore>().ListArticles());
    }

    [Fact]
    public async Task A_folder_over_the_byte_limit_is_refused_before_anything_is_ingested()
    {
        await using var host = await WebAppHost.StartAsync(o => o.MaxFolderBytes = 50, notesRoot: true);
        await File.WriteAllTextAsync(Path.Combine(host.Notes, "a.md"), Note, Ct);
        var detail = await Json.ProblemAsync(await host.Client.PostAsJsonAsync("/api/ingest/folder", new { path = host.Notes }, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("the limit for one batch", detail);
        Assert.Empty(host.Services.GetRequiredService<ArticleStore>().ListArticles());
    }

    [Fact]
    public void A_root_that_is_not_a_folder_stops_the_server_from_starting()
    {
        var error = Assert.Throws<ArgumentException>(() => GraphRagWebApp.Build(
            new WebAppOptions { IngestRoots = ["/no/such/notes"] }, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), _ => { }));
        Assert.Equal("GraphRag:Web:IngestRoots: '/no/such/notes' is not a folder on this server.", error.Message);
    }

    [Fact]
    public async Task Status_names_the_database_file_but_not_where_it_is_and_lists_the_roots()
    {
        await using var host = await WebAppHost.StartAsync(notesRoot: true);
        var status = await Json.GetAsync(host.Client, "/api/status");
        Assert.Equal("graphrag.db", status.GetProperty("database").GetString());
        Assert.Equal([host.Notes], status.GetProperty("ingestRoots").EnumerateArray().Select(r => r.GetString()));
    }
}
