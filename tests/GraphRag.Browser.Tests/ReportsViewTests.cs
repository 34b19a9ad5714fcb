namespace GraphRag.Browser.Tests;

/// <summary>The reports view: the evaluation reports in the reports folder, each opened in a frame.</summary>
public sealed class ReportsViewTests(ServedNotes served)
{
    [Fact]
    public Task The_reports_view_lists_the_latest_evaluation_report_and_opens_it() =>
        BrowserPage.DriveAsync(served, "reports", async browser =>
        {
            var page = browser.Page;
            await page.GotoAsync($"{browser.BaseUrl}/#/reports");
            var link = page.Locator("#report-list a[data-report]").First;
            await link.WaitForAsync();
            Assert.Equal("notes", await link.InnerTextAsync());
            await link.ClickAsync();
            Assert.Equal("Evaluation report: notes", await page.FrameLocator("#report-frame").Locator("h1").InnerTextAsync());
        });
}
