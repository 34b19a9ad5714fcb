using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GraphRag.Browser.Tests;

/// <summary>The document manager (the articles view) and an article's view with its quantitative claims.</summary>
public sealed class ArticleViewTests(ServedNotes served)
{
    [Fact]
    public Task An_article_lists_its_quantitative_claims_with_verdicts_and_recomputations_and_a_claim_opens_highlighted() =>
        BrowserPage.DriveAsync(served, "claims", async browser =>
        {
            var page = browser.Page;
            await page.GotoAsync($"{browser.BaseUrl}/");
            var target = await page.EvaluateAsync<JsonElement>("""
                async () => {
                  for (const article of await (await fetch("/api/articles")).json()) {
                    const claims = await (await fetch(`/api/articles/${article.id}/claims?flagged=true`)).json();
                    if (claims.length) return { id: article.id, claim: claims[0], flagged: claims.length };
                  }
                  return null;
                }
                """);
            Assert.True(target.ValueKind == JsonValueKind.Object, "no article of corpus/ has a flagged claim");
            var id = target.GetProperty("id").GetRawText();
            var claim = target.GetProperty("claim");
            var flagged = target.GetProperty("flagged").GetInt32();
            await page.GotoAsync($"{browser.BaseUrl}/#/article/{id}");
            var summary = page.Locator("#article-claims-summary");
            await summary.WaitForAsync();
            Assert.Matches(new Regex($@"\d+ quantitative claims?, {flagged} flagged"), await summary.InnerTextAsync());
            await summary.ClickAsync();
            // Every flagged claim says what would be correct; a recomputed one shows stated and recomputed values.
            Assert.Equal(flagged, await page.Locator("#article-claim-list li.flagged .correction").CountAsync());
            var wrong = page.Locator("#article-claim-list li.flagged", new PageLocatorOptions { HasText = "wrong value" }).First;
            Assert.True(await wrong.CountAsync() >= 1, "the first flagged article (the significance article) should have wrong values (its dice list)");
            Assert.Matches("^stated .+ · recomputed .+ · off by .+ percentage points$", await wrong.Locator(".recomputed").InnerTextAsync());
            var from = claim.GetProperty("startOffset").GetRawText();
            var to = claim.GetProperty("endOffset").GetRawText();
            await page.Locator($"#article-claim-list a[href=\"#/article/{id}?from={from}&to={to}\"]").ClickAsync();
            await page.Locator("#article-text mark").WaitForAsync();
            Assert.Equal(claim.GetProperty("text").GetString(), await page.Locator("#article-text mark").TextContentAsync());
            await browser.ScreenshotAsync("claims.png");
        });

    [Fact]
    public Task The_document_manager_lists_every_article_with_its_counts_filters_opens_one_and_downloads_its_text() =>
        BrowserPage.DriveAsync(served, "documents", async browser =>
        {
            var page = browser.Page;
            await page.GotoAsync($"{browser.BaseUrl}/#/articles");
            var documents = await browser.FetchJsonAsync("/api/documents");
            var rows = page.Locator("#article-list tbody tr");
            await rows.First.WaitForAsync();
            Assert.Equal(documents.GetArrayLength(), await rows.CountAsync());
            await page.Locator("#article-filter").FillAsync("NDCG");
            var filtered = await rows.CountAsync();
            Assert.True(filtered >= 1 && filtered < documents.GetArrayLength(), $"filter kept {filtered} of {documents.GetArrayLength()}");
            var id = int.Parse(await rows.First.GetAttributeAsync("data-id") ?? "", CultureInfo.InvariantCulture);
            var row = documents.EnumerateArray().Single(d => d.GetProperty("id").GetInt32() == id);
            var cells = await rows.First.Locator("td").AllInnerTextsAsync();
            Assert.Equal(row.GetProperty("file").GetString(), cells[0]);
            Assert.Equal("ingested", cells[1]);
            Assert.Equal(row.GetProperty("chunks").GetRawText(), cells[3]);
            Assert.Equal(row.GetProperty("entities").GetRawText(), cells[4]);
            await browser.ScreenshotAsync("documents.png");

            var download = await page.RunAndWaitForDownloadAsync(() => rows.First.Locator("button[data-action=download]").ClickAsync());
            Assert.EndsWith(".txt", download.SuggestedFilename, StringComparison.Ordinal);
            var article = await browser.FetchJsonAsync($"/api/articles/{id}");
            Assert.Equal(article.GetProperty("text").GetString(), await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken));

            await rows.First.Locator("th a").ClickAsync();
            await page.Locator("#article-title").WaitForAsync();
            Assert.Matches("NDCG", await page.Locator("#article-title").InnerTextAsync());
        });
}
