using Microsoft.Playwright;

namespace GraphRag.Browser.Tests;

/// <summary>The graph view: communities, and an entity's neighbourhood drawn and walked with the keyboard.</summary>
public sealed class GraphViewTests(ServedNotes served)
{
    [Fact]
    public Task An_entity_opens_as_an_interactive_neighbourhood_graph() =>
        BrowserPage.DriveAsync(served, "entity", async browser =>
        {
            var page = browser.Page;
            await page.GotoAsync($"{browser.BaseUrl}/");
            Assert.True(await page.EvaluateAsync<bool>("async () => !!(await (await fetch('/api/status')).json()).graph"),
                "the server reports no knowledge graph: cannot test the entity view");
            await page.GotoAsync($"{browser.BaseUrl}/#/graph");
            await page.Locator("#entity-query").FillAsync("NDCG");
            await page.Keyboard.PressAsync("Enter");
            var first = page.Locator("#entity-results a").First;
            await first.WaitForAsync();
            await first.ClickAsync();
            await page.Locator("#graph-svg .node").First.WaitForAsync();
            var nodes = await page.Locator("#graph-svg .node").CountAsync();
            Assert.True(nodes > 1, $"only {nodes} node(s) drawn");
            Assert.True(await page.Locator("#graph-svg line").CountAsync() >= 1);
            Assert.True(await page.Locator("#entity-neighbours li").CountAsync() >= 1);
            var centre = await page.Locator("#entity-name").InnerTextAsync();
            await browser.ScreenshotAsync("entity.png", fullPage: true);

            // Tab from the heading reaches the graph's nodes; Enter on a neighbour opens that entity.
            var neighbour = page.Locator("#graph-svg .nodes > a").Nth(1);
            var label = await neighbour.GetAttributeAsync("aria-label");
            await neighbour.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForFunctionAsync("name => document.getElementById('entity-name').textContent !== name", centre);
            Assert.StartsWith(await page.Locator("#entity-name").InnerTextAsync(), label);
        });

    [Fact]
    public Task The_graph_view_lists_communities_before_an_entity_is_chosen() =>
        BrowserPage.DriveAsync(served, "communities", async browser =>
        {
            var page = browser.Page;
            await page.GotoAsync($"{browser.BaseUrl}/#/graph");
            await page.Locator("#community-list li").First.WaitForAsync();
            Assert.True(await page.Locator("#community-list li").CountAsync() >= 1);
        });
}
