// Drives the GraphRag page in a real browser (Debian's chromium through playwright-core) against a
// running server: node page.test.mjs BASE_URL SCREENSHOT_DIR. scripts/browser-tests.sh starts the
// server with corpus/ ingested. Each test asserts on what the page shows; a screenshot of each
// state goes to SCREENSHOT_DIR. Prints "Browser tests: N passed, N failed" and exits 1 on any failure.
import { chromium } from "playwright-core";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import assert from "node:assert/strict";

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error("usage: node page.test.mjs BASE_URL SCREENSHOT_DIR");
  process.exit(2);
}

const QUESTION = "What does NDCG measure in ranking?";
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});

const tests = [];
const test = (name, body) => tests.push({ name, body });

async function newPage(viewport = { width: 1200, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", error => problems.push(`page error: ${error.message}`));
  page.on("console", message => { if (message.type() === "error") problems.push(`console: ${message.text()}`); });
  // Nothing may be fetched from anywhere but the server.
  page.on("request", request => {
    if (!request.url().startsWith(base) && !request.url().startsWith("data:")) problems.push(`external request: ${request.url()}`);
  });
  page.problems = problems;
  return page;
}

async function ask(page, question) {
  await page.goto(`${base}/`);
  await page.locator("#question").fill(question);
  await page.keyboard.press("Enter");
  await page.locator("#answer a.cite").first().waitFor({ timeout: 30_000 });
}

test("asking shows an answer with numbered citations and why each passage was found", async page => {
  await ask(page, QUESTION);
  const answer = await page.locator("#answer-text").innerText();
  assert.match(answer, /\[1\]/);
  assert.ok(answer.length > 40, `answer too short: ${answer}`);
  const citations = await page.locator("#citations li").count();
  assert.ok(citations >= 1);
  assert.equal(await page.locator("#answer a.cite").count() >= citations, true);
  const why = await page.locator("#passages .why").first().innerText();
  assert.match(why, /^Why found: matched: /);
  assert.match(await page.locator("#status").innerText(), /\d+ articles · \d+ passages/);
  await page.screenshot({ path: join(shots, "ask.png"), fullPage: true });
});

test("in graph mode each passage says which entities and relations led to it", async page => {
  await page.goto(`${base}/`);
  await page.locator("#mode option[value=graph]").waitFor({ state: "attached" });
  await page.locator("#mode").selectOption("graph");
  await page.locator("#question").fill(QUESTION);
  await page.keyboard.press("Enter");
  await page.locator("#passages .why").first().waitFor({ timeout: 30_000 });
  assert.match(await page.locator("#passages .why").first().innerText(), /^Why found: linked: /);
  await page.screenshot({ path: join(shots, "graph-mode.png"), fullPage: true });
});

test("opening a citation with the keyboard shows its passage highlighted in the article", async page => {
  await ask(page, QUESTION);
  const expected = await page.evaluate(async q => {
    const response = await fetch("/api/ask", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ question: q }) });
    return (await response.json()).answer.citations[0];
  }, QUESTION);
  await page.locator("#answer a.cite").first().focus();
  await page.keyboard.press("Enter");
  const mark = page.locator("#article-text mark#highlight");
  await mark.waitFor();
  assert.equal((await mark.textContent()), expected.quote);
  assert.equal(await page.locator("#article-title").innerText(), expected.title);
  // The highlight is scrolled into view and has focus, so a screen reader and the keyboard start there.
  assert.equal(await page.evaluate(() => document.activeElement?.id), "highlight");
  assert.ok(await mark.isVisible());
  await page.screenshot({ path: join(shots, "citation.png") });
  await page.goBack();
  await page.locator("#answer").waitFor();
  assert.match(await page.locator("#answer-text").innerText(), /\[1\]/);
});

test("an entity opens as an interactive neighbourhood graph", async page => {
  await page.goto(`${base}/`);
  const status = await page.evaluate(async () => (await fetch("/api/status")).json());
  if (!status.graph) throw new Error("the server reports no knowledge graph: cannot test the entity view");
  await page.goto(`${base}/#/graph`);
  await page.locator("#entity-query").fill("NDCG");
  await page.keyboard.press("Enter");
  const first = page.locator("#entity-results a").first();
  await first.waitFor();
  await first.click();
  await page.locator("#graph-svg .node").first().waitFor();
  const nodes = await page.locator("#graph-svg .node").count();
  assert.ok(nodes > 1, `only ${nodes} node(s) drawn`);
  assert.ok(await page.locator("#graph-svg line").count() >= 1);
  assert.ok(await page.locator("#entity-neighbours li").count() >= 1);
  const centre = await page.locator("#entity-name").innerText();
  await page.screenshot({ path: join(shots, "entity.png"), fullPage: true });

  // Tab from the heading reaches the graph's nodes; Enter on a neighbour opens that entity.
  const neighbour = page.locator("#graph-svg .nodes > a").nth(1);
  const label = await neighbour.getAttribute("aria-label");
  await neighbour.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(name => document.getElementById("entity-name").textContent !== name, centre);
  assert.ok(label.startsWith(await page.locator("#entity-name").innerText()), `${label} should open`);
});

test("an article lists its quantitative claims with verdicts and recomputations, and a claim opens highlighted", async page => {
  await page.goto(`${base}/`);
  const target = await page.evaluate(async () => {
    for (const article of await (await fetch("/api/articles")).json()) {
      const claims = await (await fetch(`/api/articles/${article.id}/claims?flagged=true`)).json();
      if (claims.length) return { id: article.id, claim: claims[0], flagged: claims.length };
    }
    return null;
  });
  assert.ok(target, "no article of corpus/ has a flagged claim");
  await page.goto(`${base}/#/article/${target.id}`);
  const summary = page.locator("#article-claims-summary");
  await summary.waitFor();
  assert.match(await summary.innerText(), new RegExp(`\\d+ quantitative claims?, ${target.flagged} flagged`));
  await summary.click();
  // Every flagged claim says what would be correct; a recomputed one shows stated and recomputed values.
  assert.equal(await page.locator("#article-claim-list li.flagged .correction").count(), target.flagged);
  const wrong = page.locator("#article-claim-list li.flagged", { hasText: "wrong value" }).first();
  assert.ok(await wrong.count() >= 1, "the first flagged article (the significance article) should have wrong values (its dice list)");
  assert.match(await wrong.locator(".recomputed").innerText(), /^stated .+ · recomputed .+ · off by .+ percentage points$/);
  await page.locator(`#article-claim-list a[href="#/article/${target.id}?from=${target.claim.startOffset}&to=${target.claim.endOffset}"]`).click();
  await page.locator("#article-text mark").waitFor();
  assert.equal(await page.locator("#article-text mark").textContent(), target.claim.text);
  await page.screenshot({ path: join(shots, "claims.png") });
});

test("the graph view lists communities before an entity is chosen", async page => {
  await page.goto(`${base}/#/graph`);
  await page.locator("#community-list li").first().waitFor();
  assert.ok(await page.locator("#community-list li").count() >= 1);
});

test("browsing articles filters by title and opens one", async page => {
  await page.goto(`${base}/#/articles`);
  await page.locator("#article-list li a").first().waitFor();
  const all = await page.locator("#article-list li").count();
  await page.locator("#article-filter").fill("NDCG");
  const filtered = await page.locator("#article-list li").count();
  assert.ok(filtered >= 1 && filtered < all, `filter kept ${filtered} of ${all}`);
  await page.locator("#article-list li a").first().click();
  await page.locator("#article-title").waitFor();
  assert.match(await page.locator("#article-title").innerText(), /NDCG/);
});

test("uploading a file ingests it with progress, and the answer then cites it", async page => {
  const folder = mkdtempSync(join(tmpdir(), "graphrag-upload-"));
  const file = join(folder, "wombat-census.md");
  writeFileSync(file, "# Wombat census\n\nThe wombat census in Tasmania counts burrows with thermal cameras every winter.\n" +
    "Counting wombat burrows with thermal cameras avoids disturbing the animals at night.\n");
  await page.goto(`${base}/#/ingest`);
  await page.locator("#upload-files").setInputFiles(file);
  await page.locator("#upload-form button").click();
  await page.waitForFunction(() => document.getElementById("job-summary").textContent.startsWith("Done:"), null, { timeout: 60_000 });
  assert.match(await page.locator("#job-summary").innerText(), /Done: 1 file, 1 article added/);
  assert.match(await page.locator("#job-files").innerText(), /wombat-census\.md: ingested/);
  assert.equal(await page.locator("#job-progress").evaluate(p => p.value === p.max), true);
  await page.screenshot({ path: join(shots, "ingest.png") });

  await ask(page, "How does the wombat census count burrows?");
  assert.match(await page.locator("#citations").innerText(), /Wombat census/);
});

test("the reports view lists the latest evaluation report and opens it", async page => {
  await page.goto(`${base}/#/reports`);
  const link = page.locator("#report-list a[data-report]").first();
  await link.waitFor();
  assert.equal(await link.innerText(), "notes");
  await link.click();
  const frame = page.frameLocator("#report-frame");
  assert.equal(await frame.locator("h1").innerText(), "Evaluation report: notes");
});

test("on a narrow window nothing scrolls sideways", async () => {
  const page = await newPage({ width: 360, height: 740 });
  try {
    await ask(page, QUESTION);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the window`);
    await page.screenshot({ path: join(shots, "narrow.png"), fullPage: true });
    await page.locator("#answer a.cite").first().click();
    await page.locator("#article-text mark").waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
  }
});

test("a bad question shows the server's reason", async page => {
  await page.goto(`${base}/`);
  await page.evaluate(() => { document.getElementById("question").removeAttribute("required"); });
  await page.locator("#question").fill("\"*\"");
  await page.keyboard.press("Enter");
  await page.locator("#ask-error").waitFor();
  assert.match(await page.locator("#ask-error").innerText(), /has no words to search for/);
  // Chromium logs every 4xx response to the console; this one is the point of the test.
  page.problems.splice(0, page.problems.length, ...page.problems.filter(p => !p.includes("status of 400")));
});

let passed = 0, failed = 0;
for (const { name, body } of tests) {
  const page = await newPage();
  try {
    await body(page);
    assert.deepEqual(page.problems, [], `the page reported problems: ${page.problems.join("; ")}`);
    passed++;
    console.log(`  ✓ ${name}`);
  } catch (error) {
    failed++;
    console.log(`  ✗ ${name}\n      ${String(error.stack ?? error).split("\n").slice(0, 4).join("\n      ")}`);
    await page.screenshot({ path: join(shots, `failed-${passed + failed}.png`), fullPage: true }).catch(() => {});
  } finally {
    await page.context().close();
  }
}
await browser.close();
console.log(`Browser tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
