// Drives the GraphRag page in a real browser (Debian's chromium through playwright-core) against a
// running server: node page.test.mjs BASE_URL SCREENSHOT_DIR. scripts/browser-tests.sh starts the
// server with corpus/ ingested. Each test asserts on what the page shows; a screenshot of each
// state goes to SCREENSHOT_DIR. Prints "Browser tests: N passed, N failed" and exits 1 on any failure.
import { chromium } from "playwright-core";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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
  await page.goto(`${base}/#/ask`);
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
  await page.goto(`${base}/#/ask`);
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

// Boxes [x, y, w, h] that overlap one another: none, when labels are placed at rest.
function overlapping(boxes) {
  const pairs = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]) pairs.push([a, b]);
    }
  return pairs;
}

async function openExplorer(page) {
  await page.goto(`${base}/#/graph`);
  const status = await page.evaluate(async () => (await fetch("/api/status")).json());
  if (!status.graph) throw new Error("the server reports no knowledge graph: cannot test the explorer");
  await page.locator("#graph-canvas[data-ready=true]").waitFor({ timeout: 30_000 });
}

// Waits for a frame drawn at rest (with labels) and returns its label boxes.
async function restingLabels(page) {
  await page.waitForFunction(() => explorer.lastFrameResting && !explorer.pending, null, { timeout: 10_000 });
  return page.evaluate(() => explorer.labelBoxes);
}

test("the explorer draws the whole graph with labels that do not overlap at rest", async page => {
  await openExplorer(page);
  const exported = await page.evaluate(async () => (await fetch("/api/graph/export")).json());
  assert.ok(exported.nodes.key.length > 20, `only ${exported.nodes.key.length} entities in corpus/'s graph`);
  assert.equal(await page.locator("#graph-summary").innerText(),
    `All ${exported.nodes.key.length.toLocaleString("en-US")} entities, ${exported.edges.source.length.toLocaleString("en-US")} relations.`);
  const labels = await restingLabels(page);
  assert.ok(labels.length >= 10, `only ${labels.length} labels drawn`);
  assert.deepEqual(overlapping(labels), []);
  // The canvas is not blank: some pixels carry a community's colour.
  const coloured = await page.evaluate(() => {
    const canvas = document.getElementById("graph-canvas");
    const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < pixels.length; i += 4) if (Math.max(pixels[i], pixels[i + 1], pixels[i + 2]) - Math.min(pixels[i], pixels[i + 1], pixels[i + 2]) > 60) n++;
    return n;
  });
  assert.ok(coloured > 500, `only ${coloured} coloured pixels`);
  assert.ok(await page.locator("#community-list li").count() >= 1);
  await page.screenshot({ path: join(shots, "explorer.png") });
});

test("finding an entity focuses it and the panel shows its relations with their sentences and where it is mentioned", async page => {
  await openExplorer(page);
  await page.locator("#entity-query").fill("NDCG");
  await page.keyboard.press("Enter");
  const first = page.locator("#entity-results a").first();
  await first.waitFor();
  const name = await first.innerText();
  await first.click();
  await page.waitForFunction(n => document.getElementById("entity-name").textContent === n, name);
  const key = decodeURIComponent(new URL(page.url()).hash.split("key=")[1]);
  assert.equal(await page.evaluate(() => explorer.keys[explorer.selected]), key);
  const detail = await page.evaluate(async k => (await fetch(`/api/entity?key=${encodeURIComponent(k)}`)).json(), key);
  assert.equal(await page.locator("#entity-neighbours li").count(), Math.max(detail.neighbours.length, 1));
  assert.ok(await page.locator("#entity-neighbours q").count() >= 1, "no supporting sentence shown");
  assert.ok(await page.locator("#entity-mentions li a").count() >= 1);
  // The selected entity's label is drawn first, so it is never crowded out.
  const labels = await restingLabels(page);
  assert.deepEqual(overlapping(labels), []);
  await page.screenshot({ path: join(shots, "explorer-entity.png") });

  // Keyboard: Enter on a neighbour opens it; Escape on the canvas lets go of the selection.
  const neighbour = page.locator("#entity-neighbours li a").first();
  const next = await neighbour.innerText();
  await neighbour.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(n => document.getElementById("entity-name").textContent === n, next);
  await page.locator("#graph-canvas").focus();
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => location.hash === "#/graph");
  assert.equal(await page.evaluate(() => explorer.selected), -1);
});

test("filters by type, community, relation type and weight narrow what the explorer shows", async page => {
  await openExplorer(page);
  const exported = await page.evaluate(async () => (await fetch("/api/graph/export")).json());
  const byType = new Map();
  for (const t of exported.nodes.type) byType.set(t, (byType.get(t) ?? 0) + 1);
  const [type, expected] = [...byType.entries()].sort((a, b) => a[1] - b[1])[0];
  await page.locator("#filter-type").selectOption(String(type));
  assert.equal(await page.locator("#graph-summary").innerText(),
    `${expected.toLocaleString("en-US")} of ${exported.nodes.key.length.toLocaleString("en-US")} entities, ${exported.edges.source.length.toLocaleString("en-US")} relations.`);
  await page.locator("#filter-type").selectOption("-1");
  const community = exported.communities[0].id;
  await page.locator("#filter-community").selectOption(String(community));
  assert.equal(await page.evaluate(() => explorer.shown), exported.nodes.community.filter(c => c === community).length);
  await page.locator("#filter-weight").fill("1000000");
  await page.locator("#filter-weight").dispatchEvent("change");
  assert.equal(await page.evaluate(() => { let n = 0; for (let i = 0; i < explorer.m; i++) if (explorer.edgeShown(i)) n++; return n; }), 0);
  // A topic on the overview opens the explorer filtered to its community.
  await page.goto(`${base}/#/graph?community=${community}`);
  await page.waitForFunction(c => document.getElementById("filter-community").value === String(c), community);
});

test("the explorer stays fluid on a generated graph of 20,000 entities", async page => {
  // A graph of the size of the 100x bench corpus, generated here (seeded) and served in place of
  // /api/graph/export: 20,000 entities in 400 communities of power-law sizes, 50,000 relations.
  const graph = generatedGraph(20_000, 50_000, 400, 42);
  await page.route("**/api/graph/export", route => route.fulfill({ contentType: "application/json", body: JSON.stringify(graph) }));
  const navigated = Date.now();
  await page.goto(`${base}/#/graph`);
  await page.locator("#graph-canvas[data-ready=true]").waitFor({ timeout: 60_000 });
  const toReady = Date.now() - navigated;
  const metrics = await page.evaluate(() => graphMetrics);
  assert.equal(metrics.nodes, 20_000);
  assert.equal(metrics.edges, 50_000);
  const labels = await restingLabels(page);
  assert.ok(labels.length >= 50, `only ${labels.length} labels`);
  assert.deepEqual(overlapping(labels), []);
  await page.screenshot({ path: join(shots, "explorer-20k.png") });

  // Pan with the mouse and zoom with the wheel; every frame's drawing time is recorded by the explorer.
  await page.evaluate(() => { explorer.drawTimes.length = 0; explorer.restingDrawTimes.length = 0; });
  const box = await page.locator("#graph-canvas").boundingBox();
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 1; i <= 40; i++) { await page.mouse.move(cx + i * 8, cy + i * 4); await page.evaluate(() => new Promise(r => requestAnimationFrame(r))); }
  await page.mouse.up();
  for (let i = 0; i < 20; i++) { await page.mouse.wheel(0, i < 10 ? -120 : 120); await page.evaluate(() => new Promise(r => requestAnimationFrame(r))); }
  const [moving, resting] = await page.evaluate(() => [explorer.drawTimes.slice(), explorer.restingDrawTimes.slice()]);
  assert.ok(moving.length >= 30, `only ${moving.length} frames drawn while moving`);
  // Frame rate as the browser paces it: 60 animation frames, each panning and zooming a little.
  const paced = await page.evaluate(() => new Promise(resolve => {
    const stamps = [];
    const step = now => {
      stamps.push(now);
      explorer.panBy(3, 2);
      explorer.zoomAt(400, 300, 1.01);
      if (stamps.length < 61) requestAnimationFrame(step); else resolve(stamps);
    };
    requestAnimationFrame(step);
  }));
  const sorted = moving.slice().sort((a, b) => a - b);
  const figures = {
    entities: metrics.nodes, relations: metrics.edges,
    fetchMs: Math.round(metrics.fetchMs), layoutMs: Math.round(metrics.layoutMs), firstDrawMs: Math.round(metrics.firstDrawMs),
    navigationToReadyMs: toReady,
    movingFrames: moving.length, drawMsMedian: +sorted[Math.floor(sorted.length / 2)].toFixed(1),
    drawMsP95: +sorted[Math.floor(sorted.length * 0.95)].toFixed(1),
    restingFrames: resting.length, restingDrawMsMax: resting.length ? +Math.max(...resting).toFixed(1) : null,
    pacedFps: +(60_000 / (paced[60] - paced[0])).toFixed(1),
  };
  console.log(`      explorer at 20,000 entities: ${JSON.stringify(figures)}`);
  writeFileSync(join(shots, "explorer-20k.json"), JSON.stringify(figures, null, 2));
});

// A deterministic random graph in the export's column form (mulberry32 generator).
function generatedGraph(entities, relations, communities, seed) {
  let state = seed;
  const random = () => { state |= 0; state = state + 0x6D2B79F5 | 0; let t = Math.imul(state ^ state >>> 15, 1 | state); t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t; return ((t ^ t >>> 14) >>> 0) / 4294967296; };
  const types = ["concept", "dataset", "method", "metric", "model", "organization", "person", "product"];
  const community = Array.from({ length: entities }, () => 1 + Math.floor(communities * Math.pow(random(), 2.5)));
  const members = new Map();
  community.forEach((c, i) => { if (!members.has(c)) members.set(c, []); members.get(c).push(i); });
  const source = [], target = [], type = [], weight = [];
  for (let r = 0; r < relations; r++) {
    const a = Math.floor(random() * entities);
    const own = members.get(community[a]);
    const b = random() < 0.8 ? own[Math.floor(random() * own.length)] : Math.floor(random() * entities);
    if (a === b) { r--; continue; }
    source.push(a); target.push(b); type.push(Math.floor(random() * 5)); weight.push(1 + Math.floor(-Math.log(1 - random()) * 2));
  }
  return {
    types, relationTypes: ["co_occurs", "is_a", "part_of", "uses", "measures"],
    communities: Array.from({ length: communities }, (_, i) => ({ id: i + 1, label: `community ${i + 1}` })),
    nodes: { key: Array.from({ length: entities }, (_, i) => `entity-${i}`), name: Array.from({ length: entities }, (_, i) => `Entity ${i}`),
      type: Array.from({ length: entities }, () => Math.floor(random() * types.length)), community,
      chunks: Array.from({ length: entities }, () => 1 + Math.floor(random() * 20)) },
    edges: { source, target, type, weight },
  };
}

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

test("the overview shows counts, suggested questions, topics, recent ingests and the latest evaluation", async page => {
  await page.goto(`${base}/`);
  const status = await page.evaluate(async () => (await fetch("/api/status")).json());
  await page.locator("#home-counts li").first().waitFor();
  assert.match(await page.locator("#home-counts").innerText(), new RegExp(`${status.articles.toLocaleString("en-US")} articles`));
  assert.ok(await page.locator("#home-topics li a.topic-title").count() >= 1);
  assert.ok(await page.locator("#home-recent li a").count() >= 1);
  // The evaluation table reads the report's results.json (scripts/browser-tests.sh writes one).
  assert.match(await page.locator("#evaluation-table").innerText(), /graph\s+0\.654\s+0\.799\s+0\.642/);
  assert.ok(await page.locator("#home-suggestions li a").count() >= 3);
  assert.equal(await page.locator(".top nav a[aria-current]").innerText(), "Overview");
  await page.screenshot({ path: join(shots, "overview.png"), fullPage: true });

  const suggestion = page.locator("#home-suggestions li a").first();
  const question = await suggestion.innerText();
  await suggestion.click();
  await page.locator("#answer a.cite").first().waitFor({ timeout: 30_000 });
  assert.equal(await page.locator("#answer-question").innerText(), question);
});

test("a follow-up carries the previous question, and the conversation keeps its history until a new one starts", async page => {
  await ask(page, QUESTION);
  assert.equal(await page.locator("#follow-up").isChecked(), true);
  await page.locator("#question").fill("How is it discounted by rank?");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.getElementById("answer-question").textContent === "How is it discounted by rank?");
  await page.locator("#answer a.cite").first().waitFor({ timeout: 30_000 });
  assert.match(await page.locator("#answer-context").innerText(), new RegExp(`searched together with “${QUESTION.replace("?", "\\?")}”`));
  assert.match(page.url(), /after=What%20does%20NDCG/);
  assert.equal(await page.locator("#history > li").count(), 1);
  assert.equal(await page.locator("#history .turn-question").innerText(), QUESTION);
  assert.ok(await page.locator("#history a.cite").count() >= 1, "the earlier answer keeps its citation links");
  await page.screenshot({ path: join(shots, "conversation.png"), fullPage: true });

  await page.locator("#new-conversation").click();
  assert.equal(await page.locator("#history > li").count(), 0);
  assert.equal(await page.locator("#answer").isHidden(), true);
  assert.equal(await page.locator("#follow-up-label").isHidden(), true);
});

test("the document manager lists every article with its counts, filters, opens one and downloads its text", async page => {
  await page.goto(`${base}/#/articles`);
  const documents = await page.evaluate(async () => (await fetch("/api/documents")).json());
  await page.locator("#article-list tbody tr").first().waitFor();
  assert.equal(await page.locator("#article-list tbody tr").count(), documents.length);
  await page.locator("#article-filter").fill("NDCG");
  const rows = page.locator("#article-list tbody tr");
  const filtered = await rows.count();
  assert.ok(filtered >= 1 && filtered < documents.length, `filter kept ${filtered} of ${documents.length}`);
  const id = Number(await rows.first().getAttribute("data-id"));
  const row = documents.find(d => d.id === id);
  const cells = await rows.first().locator("td").allInnerTexts();
  assert.equal(cells[0], row.file);
  assert.equal(cells[1], "ingested");
  assert.equal(cells[3], String(row.chunks));
  assert.equal(cells[4], String(row.entities));
  await page.screenshot({ path: join(shots, "documents.png") });

  const download = page.waitForEvent("download");
  await rows.first().locator("button[data-action=download]").click();
  const file = await download;
  assert.match(file.suggestedFilename(), /\.txt$/);
  const article = await page.evaluate(async i => (await fetch(`/api/articles/${i}`)).json(), id);
  assert.equal(readFileSync(await file.path(), "utf8"), article.text);

  await rows.first().locator("th a").click();
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

  // The job is in the history the server keeps (in its database).
  assert.match(await page.locator("#job-history").innerText(), /upload: wombat-census\.md · completed · 1 file, 1 article added/);

  await ask(page, "How does the wombat census count burrows?");
  assert.match(await page.locator("#citations").innerText(), /Wombat census/);

  // Re-ingest, then delete it from the document manager: the answer no longer can cite it.
  await page.goto(`${base}/#/articles`);
  await page.locator("#article-filter").fill("Wombat");
  const row = page.locator("#article-list tbody tr");
  await row.first().waitFor();
  assert.equal(await row.count(), 1);
  await row.locator("button[data-action=reingest]").click();
  await page.waitForFunction(() => document.getElementById("documents-summary").textContent.startsWith("Re-ingested"), null, { timeout: 60_000 });
  assert.match(await page.locator("#documents-summary").innerText(), /^Re-ingested wombat-census\.md: \d+ chunks? written\.$/);
  const before = await page.evaluate(async () => (await fetch("/api/status")).json());
  page.once("dialog", dialog => dialog.accept());
  await page.locator("#article-filter").fill("Wombat");
  await row.locator("button[data-action=delete]").click();
  await page.waitForFunction(() => document.getElementById("documents-summary").textContent.startsWith("Deleted"));
  assert.equal(await page.locator("#documents-summary").innerText(), "Deleted wombat-census.md: 1 article removed.");
  const after = await page.evaluate(async () => (await fetch("/api/status")).json());
  assert.equal(after.articles, before.articles - 1);
  const search = await page.evaluate(async () => (await fetch("/api/search?q=wombat+burrows")).json());
  assert.ok(search.hits.every(h => h.title !== "Wombat census"), "the deleted article is still found");
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
    for (const [view, ready] of [["#/", "#home-counts li"], ["#/articles", "#article-list tbody tr"], ["#/graph", "#graph-canvas[data-ready=true]"]]) {
      await page.goto(`${base}/${view}`);
      await page.locator(ready).first().waitFor();
      const wider = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(wider <= 0, `${view} is ${wider}px wider than the window`);
      await page.screenshot({ path: join(shots, `narrow-${view.replace(/\W/g, "") || "overview"}.png`), fullPage: true });
    }
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
  await page.goto(`${base}/#/ask`);
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
