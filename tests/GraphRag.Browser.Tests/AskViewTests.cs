using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GraphRag.Browser.Tests;

/// <summary>The Ask view: the answer with citations, graph mode, a citation opened, a follow-up conversation, narrow windows, errors.</summary>
public sealed class AskViewTests(ServedNotes served)
{
    public const string Question = "What does NDCG measure in ranking?";

    [Fact]
    public Task Asking_shows_an_answer_with_numbered_citations_and_why_each_passage_was_found() =>
        BrowserPage.DriveAsync(served, "ask", async browser =>
        {
            var page = browser.Page;
            await browser.AskAsync(Question);
            var answer = await page.Locator("#answer-text").InnerTextAsync();
            Assert.Matches(@"\[1\]", answer);
            Assert.True(answer.Length > 40, $"answer too short: {answer}");
            var citations = await page.Locator("#citations li").CountAsync();
            Assert.True(citations >= 1);
            Assert.True(await page.Locator("#answer a.cite").CountAsync() >= citations);
            // Hybrid, the default mode, names the ranking each passage came from and its rank there; the notes served
            // here hold no vectors (embeddings off), so BM25 is the one ranking: "lexical #N (matched: words)".
            Assert.Matches(@"^Why found: lexical #\d+ \(matched: ", await page.Locator("#passages .why").First.InnerTextAsync());
            Assert.Matches(@"\d+ articles · \d+ passages", await page.Locator("#status").InnerTextAsync());
            await browser.ScreenshotAsync("ask.png", fullPage: true);
        });

    [Fact]
    public Task An_answer_shows_the_figures_the_claims_check_works_out_from_a_cited_sentence() =>
        BrowserPage.DriveAsync(served, "worked-out", async browser =>
        {
            var page = browser.Page;
            await browser.AskAsync("What does a relative risk of 1.31 mean in absolute terms?");
            var workedOut = page.Locator("#answer-text .worked-out");
            await workedOut.First.WaitForAsync();
            // 45 versus 59 per 10,000 in the cited sentence: (59 − 45) / 10,000 = 0.14 points, 59 / 45 = 1.31.
            var text = string.Join(" ", await workedOut.AllInnerTextsAsync());
            Assert.Matches(@"Worked out from \[\d+\]: 45 versus 59 per 10,000: absolute risk difference 0\.14 percentage points", text);
            Assert.Contains("relative risk 1.31", text, StringComparison.Ordinal);
            await browser.ScreenshotAsync("worked-out.png"); // the window only: the answer and its checks (the README shows it)
        });

    [Fact]
    public Task In_graph_mode_each_passage_says_which_entities_and_relations_led_to_it() =>
        BrowserPage.DriveAsync(served, "graph-mode", async browser =>
        {
            var page = browser.Page;
            await page.GotoAsync($"{browser.BaseUrl}/#/ask");
            await page.Locator("#mode option[value=graph]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
            await page.Locator("#mode").SelectOptionAsync("graph");
            await page.Locator("#question").FillAsync(Question);
            await page.Keyboard.PressAsync("Enter");
            await page.Locator("#passages .why").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
            Assert.Matches("^Why found: linked: ", await page.Locator("#passages .why").First.InnerTextAsync());
            await browser.ScreenshotAsync("graph-mode.png", fullPage: true);
        });

    [Fact]
    public Task Opening_a_citation_with_the_keyboard_shows_its_passage_highlighted_in_the_article() =>
        BrowserPage.DriveAsync(served, "citation", async browser =>
        {
            var page = browser.Page;
            await browser.AskAsync(Question);
            var expected = await page.EvaluateAsync<JsonElement>("""
                async q => {
                  const response = await fetch("/api/ask", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ question: q }) });
                  return (await response.json()).answer.citations[0];
                }
                """, Question);
            await page.Locator("#answer a.cite").First.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            var mark = page.Locator("#article-text mark#highlight");
            await mark.WaitForAsync();
            Assert.Equal(expected.GetProperty("quote").GetString(), await mark.TextContentAsync());
            Assert.Equal(expected.GetProperty("title").GetString(), await page.Locator("#article-title").InnerTextAsync());
            // The highlight is scrolled into view and has focus, so a screen reader and the keyboard start there.
            Assert.Equal("highlight", await page.EvaluateAsync<string>("() => document.activeElement?.id"));
            Assert.True(await mark.IsVisibleAsync());
            await browser.ScreenshotAsync("citation.png");
            await page.GoBackAsync();
            await page.Locator("#answer").WaitForAsync();
            Assert.Matches(@"\[1\]", await page.Locator("#answer-text").InnerTextAsync());
        });

    [Fact]
    public Task A_follow_up_carries_the_previous_question_and_the_conversation_keeps_its_history_until_a_new_one_starts() =>
        BrowserPage.DriveAsync(served, "conversation", async browser =>
        {
            const string followUp = "How is it discounted by rank?";
            var page = browser.Page;
            await browser.AskAsync(Question);
            Assert.True(await page.Locator("#follow-up").IsCheckedAsync());
            await page.Locator("#question").FillAsync(followUp);
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForFunctionAsync("q => document.getElementById('answer-question').textContent === q", followUp);
            await page.Locator("#answer a.cite").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
            Assert.Matches($"searched together with “{Regex.Escape(Question)}”", await page.Locator("#answer-context").InnerTextAsync());
            Assert.Matches("after=What%20does%20NDCG", page.Url);
            Assert.Equal(1, await page.Locator("#history > li").CountAsync());
            Assert.Equal(Question, await page.Locator("#history .turn-question").InnerTextAsync());
            Assert.True(await page.Locator("#history a.cite").CountAsync() >= 1, "the earlier answer keeps its citation links");
            await browser.ScreenshotAsync("conversation.png", fullPage: true);

            await page.Locator("#new-conversation").ClickAsync();
            Assert.Equal(0, await page.Locator("#history > li").CountAsync());
            Assert.True(await page.Locator("#answer").IsHiddenAsync());
            Assert.True(await page.Locator("#follow-up-label").IsHiddenAsync());
        });

    [Fact]
    public Task On_a_narrow_window_nothing_scrolls_sideways_in_any_view() =>
        BrowserPage.DriveAsync(served, "narrow", async browser =>
        {
            var page = browser.Page;
            foreach (var (view, ready, shot) in new[]
            {
                ("#/", "#home-counts li", "narrow-overview.png"),
                ("#/articles", "#article-list tbody tr", "narrow-articles.png"),
                ("#/graph", "#graph-canvas[data-ready=true]", "narrow-graph.png"),
            })
            {
                await page.GotoAsync($"{browser.BaseUrl}/{view}");
                await page.Locator(ready).First.WaitForAsync();
                var wider = await browser.SidewaysOverflowAsync();
                Assert.True(wider <= 0, $"{view} is {wider}px wider than the window");
                await browser.ScreenshotAsync(shot, fullPage: true);
            }
            await browser.AskAsync(Question);
            var overflow = await browser.SidewaysOverflowAsync();
            Assert.True(overflow <= 0, $"the Ask view is {overflow}px wider than the window");
            await browser.ScreenshotAsync("narrow.png", fullPage: true);
            await page.Locator("#answer a.cite").First.ClickAsync();
            await page.Locator("#article-text mark").WaitForAsync();
            overflow = await browser.SidewaysOverflowAsync();
            Assert.True(overflow <= 0, $"the article view is {overflow}px wider than the window");
        }, width: 360, height: 740);

    [Fact]
    public Task A_bad_question_shows_the_servers_reason() =>
        BrowserPage.DriveAsync(served, "bad-question", async browser =>
        {
            var page = browser.Page;
            await page.GotoAsync($"{browser.BaseUrl}/#/ask");
            await page.EvaluateAsync("() => { document.getElementById('question').removeAttribute('required'); }");
            await page.Locator("#question").FillAsync("\"*\"");
            await page.Keyboard.PressAsync("Enter");
            await page.Locator("#ask-error").WaitForAsync();
            Assert.Matches("has no words to search for", await page.Locator("#ask-error").InnerTextAsync());
            // Chromium logs every 4xx response to the console; this one is the point of the test.
            browser.Problems.RemoveAll(p => p.Contains("status of 400", StringComparison.Ordinal));
        });
}
