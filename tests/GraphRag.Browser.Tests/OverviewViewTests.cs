using System.Globalization;
using Microsoft.Playwright;

namespace GraphRag.Browser.Tests;

/// <summary>The overview, the landing page: counts, suggested questions, topics, recent ingests, the latest evaluation.</summary>
public sealed class OverviewViewTests(ServedNotes served)
{
    [Fact]
    public Task The_overview_shows_counts_suggested_questions_topics_recent_ingests_and_the_latest_evaluation() =>
        BrowserPage.DriveAsync(served, "overview", async browser =>
        {
            var page = browser.Page;
            await page.GotoAsync($"{browser.BaseUrl}/");
            var status = await browser.FetchJsonAsync("/api/status");
            await page.Locator("#home-counts li").First.WaitForAsync();
            var articles = status.GetProperty("articles").GetInt32().ToString("N0", CultureInfo.InvariantCulture);
            Assert.Contains($"{articles} articles", await page.Locator("#home-counts").InnerTextAsync(), StringComparison.Ordinal);
            Assert.True(await page.Locator("#home-topics li a.topic-title").CountAsync() >= 1);
            Assert.True(await page.Locator("#home-recent li a").CountAsync() >= 1);
            // The evaluation table reads the report's results.json (ServedNotes writes one, with a real run's figures).
            Assert.Matches(@"graph\s+0\.654\s+0\.799\s+0\.642", await page.Locator("#evaluation-table").InnerTextAsync());
            Assert.True(await page.Locator("#home-suggestions li a").CountAsync() >= 3);
            Assert.Equal("Overview", await page.Locator(".top nav a[aria-current]").InnerTextAsync());
            await browser.ScreenshotAsync("overview.png", fullPage: true);

            var suggestion = page.Locator("#home-suggestions li a").First;
            var question = await suggestion.InnerTextAsync();
            await suggestion.ClickAsync();
            await page.Locator("#answer a.cite").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
            Assert.Equal(question, await page.Locator("#answer-question").InnerTextAsync());
        });
}
