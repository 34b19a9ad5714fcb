using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace GraphRag.Browser.Tests;

/// <summary>
/// The graph view: the canvas explorer of the whole graph (explorer.js), its labels, search, entity panel and filters,
/// and the same explorer on a generated graph of 20,000 entities.
/// </summary>
public sealed class GraphViewTests(ServedNotes served)
{
    [Fact]
    public Task The_explorer_draws_the_whole_graph_with_labels_that_do_not_overlap_at_rest() =>
        BrowserPage.DriveAsync(served, "explorer", async browser =>
        {
            var page = browser.Page;
            await OpenExplorerAsync(browser);
            var exported = await browser.FetchJsonAsync("/api/graph/export");
            var entities = exported.GetProperty("nodes").GetProperty("key").GetArrayLength();
            var relations = exported.GetProperty("edges").GetProperty("source").GetArrayLength();
            Assert.True(entities > 20, $"only {entities} entities in corpus/'s graph");
            Assert.Equal($"All {Thousands(entities)} entities, {Thousands(relations)} relations.", await page.Locator("#graph-summary").InnerTextAsync());
            var labels = await RestingLabelsAsync(page);
            Assert.True(labels.Length >= 10, $"only {labels.Length} labels drawn");
            Assert.Empty(Overlapping(labels));
            // The canvas is not blank: some pixels carry a community's colour.
            var coloured = await page.EvaluateAsync<int>("""
                () => {
                  const canvas = document.getElementById("graph-canvas");
                  const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
                  let n = 0;
                  for (let i = 0; i < pixels.length; i += 4)
                    if (Math.max(pixels[i], pixels[i + 1], pixels[i + 2]) - Math.min(pixels[i], pixels[i + 1], pixels[i + 2]) > 60) n++;
                  return n;
                }
                """);
            Assert.True(coloured > 500, $"only {coloured} coloured pixels");
            Assert.True(await page.Locator("#community-list li").CountAsync() >= 1);
            await browser.ScreenshotAsync("explorer.png");
        });

    [Fact]
    public Task Finding_an_entity_focuses_it_and_the_panel_shows_its_relations_with_their_sentences_and_where_it_is_mentioned() =>
        BrowserPage.DriveAsync(served, "explorer-entity", async browser =>
        {
            var page = browser.Page;
            await OpenExplorerAsync(browser);
            await page.Locator("#entity-query").FillAsync("NDCG");
            await page.Keyboard.PressAsync("Enter");
            var first = page.Locator("#entity-results a").First;
            await first.WaitForAsync();
            var name = await first.InnerTextAsync();
            await first.ClickAsync();
            await page.WaitForFunctionAsync("n => document.getElementById('entity-name').textContent === n", name);
            var key = Uri.UnescapeDataString(new Uri(page.Url).Fragment.Split("key=")[1]);
            Assert.Equal(key, await page.EvaluateAsync<string>("() => explorer.keys[explorer.selected]"));
            var detail = await browser.FetchJsonAsync($"/api/entity?key={Uri.EscapeDataString(key)}");
            Assert.Equal(Math.Max(detail.GetProperty("neighbours").GetArrayLength(), 1), await page.Locator("#entity-neighbours li").CountAsync());
            Assert.True(await page.Locator("#entity-neighbours q").CountAsync() >= 1, "no supporting sentence shown");
            Assert.True(await page.Locator("#entity-mentions li a").CountAsync() >= 1);
            // The selected entity's label is drawn first, so it is never crowded out.
            Assert.Empty(Overlapping(await RestingLabelsAsync(page)));
            await browser.ScreenshotAsync("explorer-entity.png");

            // Keyboard: Enter on a neighbour opens it; Escape on the canvas lets go of the selection.
            var neighbour = page.Locator("#entity-neighbours li a").First;
            var next = await neighbour.InnerTextAsync();
            await neighbour.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForFunctionAsync("n => document.getElementById('entity-name').textContent === n", next);
            await page.Locator("#graph-canvas").FocusAsync();
            await page.Keyboard.PressAsync("Escape");
            await page.WaitForFunctionAsync("() => location.hash === '#/graph'");
            Assert.Equal(-1, await page.EvaluateAsync<int>("() => explorer.selected"));
        });

    [Fact]
    public Task Filters_by_type_community_relation_weight_narrow_what_the_explorer_shows() =>
        BrowserPage.DriveAsync(served, "explorer-filters", async browser =>
        {
            var page = browser.Page;
            await OpenExplorerAsync(browser);
            var exported = await browser.FetchJsonAsync("/api/graph/export");
            var nodes = exported.GetProperty("nodes");
            var entities = nodes.GetProperty("key").GetArrayLength();
            var relations = exported.GetProperty("edges").GetProperty("source").GetArrayLength();
            // The rarest type (the first of the rarest, as entities are listed).
            var (type, expected) = nodes.GetProperty("type").EnumerateArray().Select(t => t.GetInt32())
                .GroupBy(t => t).Select(g => (g.Key, Count: g.Count())).MinBy(g => g.Count);
            await page.Locator("#filter-type").SelectOptionAsync(type.ToString(CultureInfo.InvariantCulture));
            Assert.Equal($"{Thousands(expected)} of {Thousands(entities)} entities, {Thousands(relations)} relations.",
                await page.Locator("#graph-summary").InnerTextAsync());
            await page.Locator("#filter-type").SelectOptionAsync("-1");
            var community = exported.GetProperty("communities")[0].GetProperty("id").GetInt32();
            await page.Locator("#filter-community").SelectOptionAsync(community.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(nodes.GetProperty("community").EnumerateArray().Count(c => c.GetInt32() == community),
                await page.EvaluateAsync<int>("() => explorer.shown"));
            await page.Locator("#filter-weight").FillAsync("1000000");
            await page.Locator("#filter-weight").DispatchEventAsync("change");
            Assert.Equal(0, await page.EvaluateAsync<int>("() => { let n = 0; for (let i = 0; i < explorer.m; i++) if (explorer.edgeShown(i)) n++; return n; }"));
            // A topic on the overview opens the explorer filtered to its community.
            await page.GotoAsync($"{browser.BaseUrl}/#/graph?community={community}");
            await page.WaitForFunctionAsync("c => document.getElementById('filter-community').value === String(c)", community);
        });

    /// <summary>
    /// A graph of the size of the 100x bench corpus, generated here (seeded) and served in place of
    /// /api/graph/export: 20,000 entities in 400 communities of power-law sizes, 50,000 relations. The explorer's
    /// timings are printed and written to artifacts/screenshots/explorer-20k.json for bench/RESULTS.md, not asserted.
    /// </summary>
    [Fact]
    public Task The_explorer_draws_a_generated_graph_of_20000_entities_with_labels_that_do_not_overlap_and_pans_and_zooms() =>
        BrowserPage.DriveAsync(served, "explorer-20k", async browser =>
        {
            var page = browser.Page;
            var graph = GeneratedGraph.Json(20_000, 50_000, 400, 42);
            await page.RouteAsync("**/api/graph/export", route => route.FulfillAsync(new RouteFulfillOptions { ContentType = "application/json", Body = graph }));
            var navigation = Stopwatch.StartNew();
            await page.GotoAsync($"{browser.BaseUrl}/#/graph");
            await page.Locator("#graph-canvas[data-ready=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            var toReady = navigation.ElapsedMilliseconds;
            var metrics = await page.EvaluateAsync<JsonElement>("() => graphMetrics");
            Assert.Equal(20_000, metrics.GetProperty("nodes").GetInt32());
            Assert.Equal(50_000, metrics.GetProperty("edges").GetInt32());
            var labels = await RestingLabelsAsync(page);
            Assert.True(labels.Length >= 50, $"only {labels.Length} labels");
            Assert.Empty(Overlapping(labels));
            await browser.ScreenshotAsync("explorer-20k.png");

            // Pan with the mouse and zoom with the wheel; every frame's drawing time is recorded by the explorer.
            const string nextFrame = "() => new Promise(r => requestAnimationFrame(r))";
            await page.EvaluateAsync("() => { explorer.drawTimes.length = 0; explorer.restingDrawTimes.length = 0; }");
            var box = await page.Locator("#graph-canvas").BoundingBoxAsync() ?? throw new InvalidOperationException("the canvas is not shown");
            var (cx, cy) = (box.X + box.Width / 2, box.Y + box.Height / 2);
            await page.Mouse.MoveAsync(cx, cy);
            await page.Mouse.DownAsync();
            for (var i = 1; i <= 40; i++)
            {
                await page.Mouse.MoveAsync(cx + i * 8, cy + i * 4);
                await page.EvaluateAsync(nextFrame);
            }
            await page.Mouse.UpAsync();
            for (var i = 0; i < 20; i++)
            {
                await page.Mouse.WheelAsync(0, i < 10 ? -120 : 120);
                await page.EvaluateAsync(nextFrame);
            }
            var moving = await page.EvaluateAsync<double[]>("() => explorer.drawTimes.slice()");
            var resting = await page.EvaluateAsync<double[]>("() => explorer.restingDrawTimes.slice()");
            Assert.True(moving.Length >= 30, $"only {moving.Length} frames drawn while moving");
            // Frame rate as the browser paces it: 60 animation frames, each panning and zooming a little.
            var paced = await page.EvaluateAsync<double[]>("""
                () => new Promise(resolve => {
                  const stamps = [];
                  const step = now => {
                    stamps.push(now);
                    explorer.panBy(3, 2);
                    explorer.zoomAt(400, 300, 1.01);
                    if (stamps.length < 61) requestAnimationFrame(step); else resolve(stamps);
                  };
                  requestAnimationFrame(step);
                })
                """);
            var sorted = moving.Order().ToArray();
            var figures = new
            {
                entities = metrics.GetProperty("nodes").GetInt32(),
                relations = metrics.GetProperty("edges").GetInt32(),
                fetchMs = Math.Round(metrics.GetProperty("fetchMs").GetDouble()),
                layoutMs = Math.Round(metrics.GetProperty("layoutMs").GetDouble()),
                firstDrawMs = Math.Round(metrics.GetProperty("firstDrawMs").GetDouble()),
                navigationToReadyMs = toReady,
                movingFrames = moving.Length,
                drawMsMedian = Math.Round(sorted[sorted.Length / 2], 1),
                drawMsP95 = Math.Round(sorted[(int)(sorted.Length * 0.95)], 1),
                restingFrames = resting.Length,
                restingDrawMsMax = resting.Length > 0 ? Math.Round(resting.Max(), 1) : (double?)null,
                pacedFps = Math.Round(60_000 / (paced[60] - paced[0]), 1),
            };
            var json = JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true });
            TestContext.Current.TestOutputHelper?.WriteLine($"explorer at 20,000 entities: {JsonSerializer.Serialize(figures)}");
            await File.WriteAllTextAsync(Path.Combine(ServedNotes.Screenshots, "explorer-20k.json"), json, TestContext.Current.CancellationToken);
        });

    private static async Task OpenExplorerAsync(BrowserPage browser)
    {
        await browser.Page.GotoAsync($"{browser.BaseUrl}/#/graph");
        var status = await browser.FetchJsonAsync("/api/status");
        Assert.True(status.TryGetProperty("graph", out var graph) && graph.ValueKind is not (JsonValueKind.Null or JsonValueKind.False),
            "the server reports no knowledge graph: cannot test the explorer");
        await browser.Page.Locator("#graph-canvas[data-ready=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
    }

    /// <summary>Waits for a frame drawn at rest (with labels) and returns its label boxes, [x, y, w, h] in CSS pixels.</summary>
    private static async Task<double[][]> RestingLabelsAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => explorer.lastFrameResting && !explorer.pending", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        return await page.EvaluateAsync<double[][]>("() => explorer.labelBoxes");
    }

    /// <summary>The pairs of boxes [x, y, w, h] that overlap one another: none, when labels are placed at rest.</summary>
    private static List<(double[] A, double[] B)> Overlapping(double[][] boxes)
    {
        var pairs = new List<(double[], double[])>();
        for (var i = 0; i < boxes.Length; i++)
            for (var j = i + 1; j < boxes.Length; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                if (a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3])
                    pairs.Add((a, b));
            }
        return pairs;
    }

    private static string Thousands(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
