using System.Net;
using System.Net.Http.Json;
using GraphRag.Store;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Web.Tests;

/// <summary>Each test gets its own empty database: ingestion changes what the others would read.</summary>
public sealed class IngestApiTests
{
    private const string Note = """
        # Quokka husbandry

        The quokka colony on Rottnest Island is counted every spring by volunteers with clipboards.
        Counting quokkas requires patience, sunscreen and a reliable tally counter.
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_uploaded_file_is_ingested_and_then_searchable()
    {
        await using var host = await WebAppHost.StartAsync();
        var accepted = await Json.ReadAsync(await JobClient.Upload(host.Client, ("quokkas.md", Note)), HttpStatusCode.Accepted);
        var job = await JobClient.WaitAsync(host.Client, accepted.GetProperty("id").GetString()!);

        Assert.Equal("Completed", job.GetProperty("state").GetString());
        Assert.Equal(1, job.GetProperty("filesDone").GetInt32());
        Assert.Equal(1, job.GetProperty("articlesAdded").GetInt32());
        var article = Assert.Single(host.Services.GetRequiredService<ArticleStore>().ListArticles());
        Assert.Equal("Quokka husbandry", article.Title);
        Assert.Equal(Path.Combine(host.Folder.Path, "uploads", "quokkas.md"), article.SourcePath);

        var hits = await Json.GetAsync(host.Client, "/api/search?q=tally+counter");
        Assert.Equal(article.Id, hits.GetProperty("hits")[0].GetProperty("articleId").GetInt64());
    }

    [Fact]
    public async Task Uploading_a_file_again_updates_its_article_instead_of_adding_a_copy()
    {
        await using var host = await WebAppHost.StartAsync();
        await JobClient.WaitAsync(host.Client, (await Json.ReadAsync(await JobClient.Upload(host.Client, ("q.md", Note)), HttpStatusCode.Accepted)).GetProperty("id").GetString()!);
        var changed = Note.Replace("every spring", "every autumn");
        var job = await JobClient.WaitAsync(host.Client,
            (await Json.ReadAsync(await JobClient.Upload(host.Client, ("q.md", changed)), HttpStatusCode.Accepted)).GetProperty("id").GetString()!);

        Assert.Equal(1, job.GetProperty("articlesUpdated").GetInt32());
        var article = Assert.Single(host.Services.GetRequiredService<ArticleStore>().ListArticles());
        Assert.Contains("every autumn", article.Text);
    }

    [Fact]
    public async Task A_file_type_that_cannot_be_ingested_is_refused_by_name()
    {
        await using var host = await WebAppHost.StartAsync();
        var detail = await Json.ProblemAsync(await JobClient.Upload(host.Client, ("setup.exe", "MZ")), HttpStatusCode.BadRequest);
        Assert.StartsWith("setup.exe: only ", detail);
        Assert.Empty(host.Services.GetRequiredService<ArticleStore>().ListArticles());
    }

    [Fact]
    public async Task A_file_name_cannot_climb_out_of_the_upload_folder()
    {
        await using var host = await WebAppHost.StartAsync();
        var accepted = await Json.ReadAsync(await JobClient.Upload(host.Client, ("../../escape.md", Note)), HttpStatusCode.Accepted);
        await JobClient.WaitAsync(host.Client, accepted.GetProperty("id").GetString()!);
        Assert.True(File.Exists(Path.Combine(host.Folder.Path, "uploads", "escape.md")));
        Assert.False(File.Exists(Path.Combine(host.Folder.Path, "escape.md")));
    }

    [Fact]
    public async Task A_folder_under_an_ingest_root_is_ingested_with_progress_events_ending_in_done()
    {
        await using var host = await WebAppHost.StartAsync(notesRoot: true);
        var notes = host.Notes;
        for (var i = 1; i <= 3; i++)
            await File.WriteAllTextAsync(Path.Combine(notes, $"n{i}.md"), Note.Replace("Quokka husbandry", $"Quokka note {i}"), Ct);

        var accepted = await Json.PostAsync(host.Client, "/api/ingest/folder", new { path = notes }, HttpStatusCode.Accepted);
        var response = await host.Client.GetAsync($"/api/ingest/jobs/{accepted.GetProperty("id").GetString()}/events", Ct);
        var events = ServerSentEvents.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal("done", events[^1].Type);
        Assert.All(events.SkipLast(1), e => Assert.Equal("progress", e.Type));
        var done = events[^1].Data;
        Assert.Equal("Completed", done.GetProperty("state").GetString());
        Assert.Equal(3, done.GetProperty("filesTotal").GetInt32());
        Assert.Equal(3, done.GetProperty("articlesAdded").GetInt32());
        // Progress never goes backwards.
        var counts = events.Select(e => e.Data.GetProperty("filesDone").GetInt32()).ToList();
        Assert.Equal(counts.Order(), counts);
    }

    [Fact]
    public async Task A_missing_folder_under_an_ingest_root_is_a_404_naming_it()
    {
        await using var host = await WebAppHost.StartAsync(notesRoot: true);
        var missing = Path.Combine(host.Notes, "nowhere");
        var detail = await Json.ProblemAsync(await host.Client.PostAsJsonAsync("/api/ingest/folder", new { path = missing }, Ct), HttpStatusCode.NotFound);
        Assert.Equal($"{missing}: no such file or folder on the server.", detail);
    }

    [Fact]
    public async Task An_unknown_job_is_a_404()
    {
        await using var host = await WebAppHost.StartAsync();
        await Json.ProblemAsync(await host.Client.GetAsync("/api/ingest/jobs/job-999", Ct), HttpStatusCode.NotFound);
    }
}
