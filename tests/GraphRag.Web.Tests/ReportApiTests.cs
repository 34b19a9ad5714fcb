using System.Net;

namespace GraphRag.Web.Tests;

public sealed class ReportApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reports_are_listed_newest_first_and_served_sandboxed()
    {
        await using var host = await WebAppHost.StartAsync();
        var root = host.Folder.File("eval-reports");
        WriteReport(root, "beir-scifact", "<h1>scifact</h1>", DateTime.UtcNow.AddHours(-2));
        WriteReport(root, "notes", "<h1>notes</h1>", DateTime.UtcNow.AddHours(-1));
        Directory.CreateDirectory(Path.Combine(root, "half-written"));

        var list = (await Json.GetAsync(host.Client, "/api/reports")).EnumerateArray().ToList();
        Assert.Equal(["notes", "beir-scifact"], list.Select(r => r.GetProperty("name").GetString()));

        var report = await host.Client.GetAsync(list[0].GetProperty("url").GetString(), Ct);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("<h1>notes</h1>", await report.Content.ReadAsStringAsync(Ct));
        Assert.StartsWith("sandbox", report.Headers.GetValues("Content-Security-Policy").Single());

        var latest = await host.Client.GetAsync("/api/reports/latest", Ct);
        Assert.Equal(HttpStatusCode.Redirect, latest.StatusCode);
        Assert.Equal("/reports/notes/report.html", latest.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/reports/notes/secrets.txt")]
    [InlineData("/reports/..%2F..%2Fetc/report.html")]
    [InlineData("/reports/missing/report.html")]
    public async Task Only_report_files_of_report_folders_are_served(string path)
    {
        await using var host = await WebAppHost.StartAsync();
        WriteReport(host.Folder.File("eval-reports"), "notes", "<h1>notes</h1>", DateTime.UtcNow);
        await File.WriteAllTextAsync(Path.Combine(host.Folder.File("eval-reports"), "notes", "secrets.txt"), "no", Ct);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync(path, Ct)).StatusCode);
    }

    [Fact]
    public async Task Without_reports_latest_is_a_404_that_says_how_to_make_one()
    {
        await using var host = await WebAppHost.StartAsync();
        Assert.Contains("graphrag eval", await Json.ProblemAsync(await host.Client.GetAsync("/api/reports/latest", Ct), HttpStatusCode.NotFound));
    }

    private static void WriteReport(string root, string name, string html, DateTime modified)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        var path = Path.Combine(folder, "report.html");
        File.WriteAllText(path, html);
        File.SetLastWriteTimeUtc(path, modified);
    }
}
