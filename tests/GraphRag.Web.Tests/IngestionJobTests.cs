using System.Net;
using GraphRag.Store;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Web.Tests;

/// <summary>Folder jobs can be listed and cancelled, and a long one does not hold up the others.</summary>
public sealed class IngestionJobTests
{
    private const int ManyFiles = 300;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A folder long enough to ingest that a test can act while it runs.</summary>
    private static async Task WriteManyNotesAsync(string folder)
    {
        for (var i = 0; i < ManyFiles; i++)
            await File.WriteAllTextAsync(Path.Combine(folder, $"note{i:D3}.md"),
                $"# Field note {i}\n\nSighting {i}: a numbat foraged for termites near marker {i * 7} before noon.\n", Ct);
    }

    [Fact]
    public async Task A_running_folder_job_is_listed_and_stops_when_cancelled_keeping_what_it_wrote()
    {
        await using var host = await WebAppHost.StartAsync(notesRoot: true);
        await WriteManyNotesAsync(host.Notes);

        var id = JobClient.Id(await Json.PostAsync(host.Client, "/api/ingest/folder", new { path = host.Notes }, HttpStatusCode.Accepted));
        var listed = await Json.GetAsync(host.Client, "/api/ingest/jobs");
        Assert.Contains(listed.EnumerateArray(), j => JobClient.Id(j) == id);
        await Json.PostAsync(host.Client, $"/api/ingest/jobs/{id}/cancel", new { }, HttpStatusCode.Accepted);
        var job = await JobClient.WaitAsync(host.Client, id);

        Assert.Equal("Cancelled", job.GetProperty("state").GetString());
        Assert.Equal("Cancelled by a client; the files written before it stopped are kept.", job.GetProperty("error").GetString());
        var done = job.GetProperty("filesDone").GetInt32();
        Assert.InRange(done, 0, ManyFiles - 1);
        // Every file reported done is in the database, whole: each file is its own transaction.
        Assert.Equal(done, host.Services.GetRequiredService<ArticleStore>().ListArticles().Count);
        var again = await Json.ProblemAsync(await host.Client.PostAsync($"/api/ingest/jobs/{id}/cancel", null, Ct), HttpStatusCode.Conflict);
        Assert.Equal($"Ingestion job '{id}' has already finished (Cancelled).", again);
    }

    [Fact]
    public async Task An_upload_finishes_while_a_long_folder_job_is_still_running()
    {
        await using var host = await WebAppHost.StartAsync(notesRoot: true);
        await WriteManyNotesAsync(host.Notes);
        var folderJob = JobClient.Id(await Json.PostAsync(host.Client, "/api/ingest/folder", new { path = host.Notes }, HttpStatusCode.Accepted));

        var upload = JobClient.Id(await Json.ReadAsync(
            await JobClient.Upload(host.Client, ("quolls.md", "# Quolls\n\nQuolls are carnivorous marsupials with spotted coats.\n")),
            HttpStatusCode.Accepted));
        var uploaded = await JobClient.WaitAsync(host.Client, upload);
        var folder = await Json.GetAsync(host.Client, $"/api/ingest/jobs/{folderJob}");

        Assert.Equal("Completed", uploaded.GetProperty("state").GetString());
        Assert.Equal(1, uploaded.GetProperty("articlesAdded").GetInt32());
        Assert.Equal("Running", folder.GetProperty("state").GetString());
        await host.Client.PostAsync($"/api/ingest/jobs/{folderJob}/cancel", null, Ct);
        await JobClient.WaitAsync(host.Client, folderJob);
    }

    [Fact]
    public async Task Beyond_the_running_job_limit_a_new_job_is_a_429_that_says_what_to_do()
    {
        await using var host = await WebAppHost.StartAsync(o => o.MaxRunningJobs = 1, notesRoot: true);
        await WriteManyNotesAsync(host.Notes);
        var first = JobClient.Id(await Json.PostAsync(host.Client, "/api/ingest/folder", new { path = host.Notes }, HttpStatusCode.Accepted));

        var detail = await Json.ProblemAsync(await JobClient.Upload(host.Client, ("q.md", "# Q\n\nQuokkas.\n")), (HttpStatusCode)429);

        Assert.Contains("wait for one to finish or cancel one", detail);
        await host.Client.PostAsync($"/api/ingest/jobs/{first}/cancel", null, Ct);
        await JobClient.WaitAsync(host.Client, first);
    }

    [Fact]
    public async Task Cancelling_an_unknown_job_is_a_404()
    {
        await using var host = await WebAppHost.StartAsync();
        await Json.ProblemAsync(await host.Client.PostAsync("/api/ingest/jobs/job-404/cancel", null, Ct), HttpStatusCode.NotFound);
    }
}
