using GraphRag.Tests;
using Microsoft.Playwright;

namespace GraphRag.Browser.Tests;

/// <summary>The ingest view: a file uploaded from the page is ingested with progress, kept in the job history, answerable, re-ingested and deleted.</summary>
public sealed class IngestViewTests(ServedNotes served)
{
    [Fact]
    public Task Uploading_a_file_ingests_it_with_progress_records_the_job_and_the_answer_cites_it_until_it_is_deleted() =>
        BrowserPage.DriveAsync(served, "ingest", async browser =>
        {
            var page = browser.Page;
            using var folder = new TempDirectory();
            var file = folder.File("wombat-census.md");
            await File.WriteAllTextAsync(file, "# Wombat census\n\nThe wombat census in Tasmania counts burrows with thermal cameras every winter.\n" +
                "Counting wombat burrows with thermal cameras avoids disturbing the animals at night.\n", TestContext.Current.CancellationToken);
            await page.GotoAsync($"{browser.BaseUrl}/#/ingest");
            await page.Locator("#upload-files").SetInputFilesAsync(file);
            await page.Locator("#upload-form button").ClickAsync();
            await page.WaitForFunctionAsync("() => document.getElementById('job-summary').textContent.startsWith('Done:')", null,
                new PageWaitForFunctionOptions { Timeout = 60_000 });
            Assert.Matches("Done: 1 file, 1 article added", await page.Locator("#job-summary").InnerTextAsync());
            Assert.Matches(@"wombat-census\.md: ingested", await page.Locator("#job-files").InnerTextAsync());
            Assert.True(await page.Locator("#job-progress").EvaluateAsync<bool>("p => p.value === p.max"));
            await browser.ScreenshotAsync("ingest.png");

            // The job is in the history the server keeps (in its database).
            Assert.Matches(@"upload: wombat-census\.md · completed · 1 file, 1 article added", await page.Locator("#job-history").InnerTextAsync());

            await browser.AskAsync("How does the wombat census count burrows?");
            Assert.Matches("Wombat census", await page.Locator("#citations").InnerTextAsync());

            // Re-ingest, then delete it from the document manager: the answer no longer can cite it.
            await page.GotoAsync($"{browser.BaseUrl}/#/articles");
            await page.Locator("#article-filter").FillAsync("Wombat");
            var row = page.Locator("#article-list tbody tr");
            await row.First.WaitForAsync();
            Assert.Equal(1, await row.CountAsync());
            await row.Locator("button[data-action=reingest]").ClickAsync();
            await page.WaitForFunctionAsync("() => document.getElementById('documents-summary').textContent.startsWith('Re-ingested')", null,
                new PageWaitForFunctionOptions { Timeout = 60_000 });
            Assert.Matches(@"^Re-ingested wombat-census\.md: \d+ chunks? written\.$", await page.Locator("#documents-summary").InnerTextAsync());
            var before = await browser.FetchJsonAsync("/api/status");
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
            await page.Locator("#article-filter").FillAsync("Wombat");
            await row.Locator("button[data-action=delete]").ClickAsync();
            await page.WaitForFunctionAsync("() => document.getElementById('documents-summary').textContent.startsWith('Deleted')");
            Assert.Equal("Deleted wombat-census.md: 1 article removed.", await page.Locator("#documents-summary").InnerTextAsync());
            var after = await browser.FetchJsonAsync("/api/status");
            Assert.Equal(before.GetProperty("articles").GetInt32() - 1, after.GetProperty("articles").GetInt32());
            var search = await browser.FetchJsonAsync("/api/search?q=wombat+burrows");
            Assert.DoesNotContain(search.GetProperty("hits").EnumerateArray(), hit => hit.GetProperty("title").GetString() == "Wombat census");
        });
}
