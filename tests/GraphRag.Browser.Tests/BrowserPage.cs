using System.Text.Json;
using Microsoft.Playwright;

namespace GraphRag.Browser.Tests;

/// <summary>
/// A fresh browser context and page that records what must never happen on the page: script errors, errors on
/// the console, and requests to anywhere but the server. <see cref="DriveAsync"/> runs a test on one, asserts that
/// none of those happened, and keeps a screenshot of a failed test.
/// </summary>
public sealed class BrowserPage
{
    private BrowserPage(IPage page, string baseUrl)
    {
        Page = page;
        BaseUrl = baseUrl;
        page.PageError += (_, error) => Problems.Add($"page error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error") Problems.Add($"console: {message.Text}");
        };
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(baseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
                Problems.Add($"external request: {request.Url}");
        };
    }

    public IPage Page { get; }

    public string BaseUrl { get; }

    public List<string> Problems { get; } = [];

    /// <param name="name">Names the screenshot kept when the test fails.</param>
    public static async Task DriveAsync(ServedNotes served, string name, Func<BrowserPage, Task> test, int width = 1200, int height = 900)
    {
        var context = await served.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = new BrowserPage(await context.NewPageAsync(), served.BaseUrl);
        try
        {
            await test(page);
            Assert.True(page.Problems.Count == 0, $"the page reported problems: {string.Join("; ", page.Problems)}");
        }
        catch (Exception)
        {
            await page.ScreenshotAsync($"failed-{name}.png", fullPage: true).ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>The width in CSS pixels by which the page is wider than the window: 0 or less when nothing scrolls sideways.</summary>
    public Task<int> SidewaysOverflowAsync() =>
        Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");

    /// <summary>Fetches a JSON endpoint of the server from the page, as the page itself would.</summary>
    public Task<JsonElement> FetchJsonAsync(string path) =>
        Page.EvaluateAsync<JsonElement>("async path => (await fetch(path)).json()", path);

    public Task ScreenshotAsync(string file, bool fullPage = false) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ServedNotes.Screenshots, file), FullPage = fullPage });

    /// <summary>Asks in the Ask view (the overview is the landing page) and waits for the answer's first citation.</summary>
    public async Task AskAsync(string question)
    {
        await Page.GotoAsync($"{BaseUrl}/#/ask");
        await Page.Locator("#question").FillAsync(question);
        await Page.Keyboard.PressAsync("Enter");
        await Page.Locator("#answer a.cite").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
    }
}
