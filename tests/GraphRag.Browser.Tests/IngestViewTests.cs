using GraphRag.Tests;
using Microsoft.Playwright;

namespace GraphRag.Browser.Tests;

/// <summary>The ingest view: a file uploaded from the page is ingested with progress and becomes answerable.</summary>
public sealed class IngestViewTests(ServedNotes served)
{
    [Fact]
    public Task Uploading_a_file_ingests_it_with_progress_and_the_answer_then_cites_it() =>
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

            await browser.AskAsync("How does the wombat census count burrows?");
            Assert.Matches("Wombat census", await page.Locator("#citations").InnerTextAsync());
        });
}
