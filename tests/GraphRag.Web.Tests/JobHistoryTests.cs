using System.Net;
using GraphRag.Web.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Web.Tests;

/// <summary>Ingestion jobs in the database: a restarted server (a new host on the same file) still lists them.</summary>
public sealed class JobHistoryTests
{
    private const string Note = "# Echidna walks\n\nEchidnas walk slowly along the fire trail looking for ants.\n";

    [Fact]
    public async Task A_finished_job_is_listed_with_its_files_after_a_restart()
    {
        using var folder = new TempDirectory();
        var database = folder.File("graphrag.db");
        FinishedJob before;
        await using (var first = await WebAppHost.StartAsync(database: database))
        {
            var accepted = await Json.ReadAsync(await JobClient.Upload(first.Client, ("echidna.md", Note)), HttpStatusCode.Accepted);
            var job = await JobClient.WaitAsync(first.Client, accepted.GetProperty("id").GetString()!);
            before = new FinishedJob(job.GetProperty("id").GetString()!, job.GetProperty("files")[0].GetProperty("path").GetString()!);
        }

        await using var second = await WebAppHost.StartAsync(database: database);
        var listed = Assert.Single((await Json.GetAsync(second.Client, "/api/ingest/jobs")).EnumerateArray());
        Assert.Equal(before.Id, listed.GetProperty("id").GetString());
        Assert.Equal("Completed", listed.GetProperty("state").GetString());
        Assert.Equal(before.File, listed.GetProperty("files")[0].GetProperty("path").GetString());
        Assert.Equal(1, listed.GetProperty("articlesAdded").GetInt32());

        // The next job's id follows the restored ones instead of reusing job-1.
        var next = await Json.ReadAsync(await JobClient.Upload(second.Client, ("echidna2.md", Note.Replace("Echidna walks", "Echidna naps"))),
            HttpStatusCode.Accepted);
        Assert.NotEqual(before.Id, next.GetProperty("id").GetString());
        await JobClient.WaitAsync(second.Client, next.GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task A_job_the_server_stopped_in_the_middle_of_comes_back_cancelled_with_the_reason()
    {
        using var folder = new TempDirectory();
        var database = folder.File("graphrag.db");
        await using (var first = await WebAppHost.StartAsync(database: database))
        {
            var running = new JobSnapshot("job-7", "folder: /notes", JobState.Running, 1, 3, [], null, [], DateTimeOffset.UtcNow, null, 2);
            first.Services.GetRequiredService<JobHistory>().Save(running);
        }

        await using var second = await WebAppHost.StartAsync(database: database);
        var job = await Json.GetAsync(second.Client, "/api/ingest/jobs/job-7");
        Assert.Equal("Cancelled", job.GetProperty("state").GetString());
        Assert.Equal("Cancelled: the server stopped before the job finished.", job.GetProperty("error").GetString());
        Assert.Equal(3, job.GetProperty("filesTotal").GetInt32());
    }

    private sealed record FinishedJob(string Id, string File);
}
