// The GraphRag page: one script (and explorer.js, the graph canvas), no framework, no build step.
// Views are chosen by the URL hash (#/ overview, #/ask?q=…&after=…, #/article/12?from=…&to=…,
// #/articles, #/graph?key=…&community=…, #/ingest, #/reports), so every state has a link, Back
// works, and the keyboard reaches everything as ordinary links and buttons.
// All text from the server goes in through textContent, never as HTML.
"use strict";

const $ = id => document.getElementById(id);
let serverStatus = null;

// ---------- API ----------

class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
  }
}

function apiHeaders(extra = {}) {
  const key = sessionStorage.getItem("graphrag-api-key");
  return key ? { ...extra, "X-Api-Key": key } : extra;
}

async function askForKey() {
  const dialog = $("key-dialog");
  $("api-key").value = "";
  dialog.showModal();
  await new Promise(resolve => dialog.addEventListener("close", resolve, { once: true }));
  const key = $("api-key").value.trim();
  if (!key) return false;
  sessionStorage.setItem("graphrag-api-key", key);
  return true;
}

// fetch with the API key; a 401 asks for the key once and retries. Errors become ApiError with the server's message.
async function api(path, options = {}, retried = false) {
  const response = await fetch(path, { ...options, headers: apiHeaders(options.headers) });
  if (response.status === 401 && !retried && await askForKey()) return api(path, options, true);
  if (!response.ok) {
    let problem = {};
    try { problem = await response.json(); } catch { /* not JSON */ }
    throw new ApiError(response.status, problem.title, problem.detail);
  }
  return response;
}

const getJson = async path => (await api(path)).json();
const postJson = (path, body, signal) =>
  api(path, { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" }, signal });

// Server-Sent Events over fetch (EventSource cannot send the API key header or a POST body).
async function* readEvents(response) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n/g, "\n");
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let type = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) type = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (data.length) yield { type, data: JSON.parse(data.join("\n")) };
    }
  }
}

// ---------- small DOM helpers ----------

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else node.setAttribute(k, v);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function showError(box, error) {
  box.textContent = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  box.hidden = false;
}

const count = (n, noun) => `${n} ${noun}${n === 1 ? "" : "s"}`;

function articleHref(articleId, from, to) {
  return from === undefined ? `#/article/${articleId}` : `#/article/${articleId}?from=${from}&to=${to}`;
}

const entityHref = key => `#/graph?key=${encodeURIComponent(key)}`;

// ---------- routing ----------

const views = ["home", "ask", "article", "articles", "graph", "ingest", "reports"];

function route() {
  const hash = location.hash.replace(/^#\/?/, "") || "home";
  const [path, query = ""] = hash.split("?");
  const params = new URLSearchParams(query);
  const [view, id] = path.split("/");
  const name = views.includes(view) ? view : "home";
  for (const v of views) $(`view-${v}`).hidden = v !== name;
  $("main").classList.toggle("wide", name === "graph" || name === "articles");
  for (const link of document.querySelectorAll(".top nav a"))
    link.toggleAttribute("aria-current", link.dataset.view === name || (name === "article" && link.dataset.view === "articles"));
  const show = {
    home: showHome,
    ask: () => showAsk(params.get("q"), params.get("mode"), params.get("after")),
    article: () => showArticle(Number(id), params.get("from"), params.get("to")),
    articles: showArticles,
    graph: () => showGraph(params.get("key"), params.get("community")),
    ingest: showJobHistory,
    reports: showReports,
  }[name];
  Promise.resolve(show()).catch(error => console.error(error));
}

// ---------- overview ----------

async function showHome() {
  const overview = await getJson("/api/overview");
  const c = overview.counts;
  $("home-counts").replaceChildren(...[
    [c.articles, "article", "articles", "#/articles"], [c.chunks, "passage", "passages", null], [c.files, "file", "files", "#/articles"],
    [c.entities, "entity", "entities", "#/graph"], [c.relations, "relation", "relations", "#/graph"], [c.communities, "topic", "topics", "#/graph"],
  ].filter(([n]) => n !== null && n !== undefined).map(([n, one, many, href]) => {
    const label = [el("strong", {}, n.toLocaleString()), ` ${n === 1 ? one : many}`];
    return el("li", {}, href ? el("a", { href }, ...label) : el("span", {}, ...label));
  }));
  $("home-suggestions").replaceChildren(...overview.suggestions.map(q => el("li", {}, el("a", { href: `#/ask?q=${encodeURIComponent(q)}` }, q))));
  if (overview.suggestions.length === 0) $("home-suggestions").append(el("li", {}, "Ingest some notes first."));
  $("home-recent").replaceChildren(...overview.recent.map(a => el("li", {},
    el("a", { href: articleHref(a.id) }, a.title), el("span", { class: "meta" }, ` · ${a.file} · ${when(a.ingestedAt)}`))));
  if (overview.recent.length === 0) $("home-recent").append(el("li", {}, el("a", { href: "#/ingest" }, "No notes yet: ingest some.")));
  const job = overview.jobs[0];
  $("home-jobs").textContent = job ? `Last ingestion job: ${job.label} · ${job.state.toLowerCase()} · ${when(job.startedAt)}` : "";
  $("home-topics").replaceChildren(...overview.topics.map(t => el("li", {},
    el("a", { class: "topic-title", href: `#/graph?community=${t.id}` }, t.title),
    el("span", { class: "meta" }, ` · ${t.size} ${t.size === 1 ? "entity" : "entities"}`),
    t.articles.length ? el("div", { class: "meta" }, "Mostly in ", ...joinNodes(t.articles.map(a => el("a", { href: articleHref(a.id) }, a.title)))) : null,
    t.summary ? el("q", { class: "meta" }, t.summary) : null)));
  if (overview.topics.length === 0) $("home-topics").append(el("li", {}, serverStatus?.graph ? "No topics yet." : "No knowledge graph is configured."));
  renderEvaluation(overview.evaluation);
}

function joinNodes(nodes) {
  return nodes.flatMap((node, i) => i === 0 ? [node] : [", ", node]);
}

const when = iso => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

function renderEvaluation(evaluation) {
  const box = $("home-evaluation");
  if (!evaluation) {
    box.replaceChildren(el("p", {}, "No evaluation yet: run ", el("code", {}, "graphrag eval --dataset notes"), " to measure retrieval."));
    return;
  }
  const figure = v => v === null || v === undefined ? "–" : v.toFixed(3);
  box.replaceChildren(
    el("p", { class: "meta" }, `${evaluation.dataset ?? evaluation.name}`, evaluation.queries ? ` · ${evaluation.queries} questions` : "",
      evaluation.createdUtc ? ` · ${when(evaluation.createdUtc)}` : "", " · ", el("a", { href: "#/reports" }, "full report")),
    evaluation.modes.length ? el("table", { class: "scores", id: "evaluation-table" },
      el("thead", {}, el("tr", {}, ...["Mode", "nDCG@10", "Recall@10", "MRR"].map(h => el("th", { scope: "col" }, h)))),
      el("tbody", {}, ...evaluation.modes.map(m => el("tr", {}, el("th", { scope: "row" }, m.mode),
        el("td", {}, figure(m.ndcg10)), el("td", {}, figure(m.recall10)), el("td", {}, figure(m.mrr)))))) : null);
}

// ---------- ask: a conversation ----------
// The newest turn shows in #answer with its passages; earlier turns of the conversation sit above it
// in #history (kept for the browser tab's session). A follow-up carries the previous question: it is
// searched together with it (?after=…), and the turn says so.

let askController = null;
let conversation = JSON.parse(sessionStorage.getItem("graphrag-conversation") ?? "[]");
let turn = null;

function saveConversation() {
  sessionStorage.setItem("graphrag-conversation", JSON.stringify(conversation));
}

async function showAsk(question, mode, after) {
  if (mode) $("mode").value = mode;
  const key = `${question}\u0000${mode}\u0000${after}`;
  if (!question) { renderHistory(); $("question").focus(); return; }
  if (turn?.key === key) return; // back from an article: keep the answer shown
  if (turn?.answer) { conversation.push({ question: turn.question, after: turn.after, answer: turn.answer }); saveConversation(); }
  turn = { key, question, after, answer: null };
  renderHistory();
  $("question").value = "";
  askController?.abort();
  askController = new AbortController();
  const button = $("ask-form").querySelector("button[type=submit]");
  button.disabled = true;
  $("ask-error").hidden = true;
  $("answer").hidden = true;
  $("passages-section").hidden = true;
  $("answer-question").textContent = question;
  $("answer-context").hidden = !after;
  $("answer-context").textContent = after ? `Follow-up: searched together with “${after}”` : "";
  const text = $("answer-text");
  try {
    const sent = after ? `${question} ${after}` : question;
    const response = await postJson("/api/ask/stream", { question: sent, mode: mode || null }, askController.signal);
    let streamed = "";
    for await (const event of readEvents(response)) {
      if (event.type === "passages") renderPassages(event.data);
      else if (event.type === "delta") {
        if (!streamed) { $("answer").hidden = false; $("citations").replaceChildren(); $("answer-method").textContent = "writing…"; }
        streamed += event.data.text;
        text.textContent = streamed;
      }
      else if (event.type === "done") { turn.answer = event.data.answer; renderAnswer(event.data.answer); }
    }
  } catch (error) {
    if (error.name !== "AbortError") { turn = null; showError($("ask-error"), error); }
  } finally {
    button.disabled = false;
    renderAskSettings();
  }
}

function renderAskSettings() {
  const going = !!turn?.answer || conversation.length > 0;
  $("follow-up-label").hidden = !turn?.answer;
  $("new-conversation").hidden = !going;
  $("question-label").firstChild.textContent = turn?.answer ? "Ask a follow-up " : "Ask your notes ";
}

function renderHistory() {
  $("history").replaceChildren(...conversation.map(t => el("li", { class: "turn" },
    el("p", { class: "turn-question" }, t.question),
    t.after ? el("p", { class: "meta" }, `Follow-up: searched together with “${t.after}”`) : null,
    el("p", { class: "answer-text" }, ...answerNodes(t.answer)),
    el("ol", { class: "citations compact" }, ...t.answer.citations.map(c => el("li", { value: c.n },
      el("a", { href: articleHref(c.articleId, c.startOffset, c.endOffset) }, c.title)))))));
  renderAskSettings();
}

// The answer's [n] markers as links to citation n's passage, highlighted in its article.
function answerNodes(answer) {
  const byNumber = new Map(answer.citations.map(c => [c.n, c]));
  const nodes = [];
  let last = 0;
  for (const match of answer.text.matchAll(/\[(\d+)\]/g)) {
    nodes.push(answer.text.slice(last, match.index));
    const citation = byNumber.get(Number(match[1]));
    nodes.push(citation
      ? el("a", { class: "cite", href: articleHref(citation.articleId, citation.startOffset, citation.endOffset),
                  "aria-label": `Citation ${citation.n}: ${citation.title}` }, `[${citation.n}]`)
      : match[0]);
    last = match.index + match[0].length;
  }
  nodes.push(answer.text.slice(last));
  // Sentences the cited passages do not bear out, and a generator that failed, are said plainly.
  const notes = (answer.unsupported ?? []).map(u =>
    el("span", { class: "unsupported" }, el("strong", {}, "Not supported by its citation: "), `${u.sentence} (${u.problem})`));
  if (answer.warning) notes.unshift(el("span", { class: "answer-warning" }, answer.warning));
  // What the claims check says of cited sentences: figures worked out from their numbers, and disputes.
  for (const check of answer.checks ?? []) {
    if (check.figures) notes.push(el("span", { class: "worked-out" }, el("strong", {}, `Worked out from [${check.citation}]: `), check.figures));
    if (check.correction) notes.push(el("span", { class: "disputed" }, el("strong", {}, `The claims check disputes [${check.citation}]: `),
      check.statement ? `“${check.statement}” ${check.correction}` : check.correction));
  }
  nodes.push(...notes);
  return nodes;
}

function renderAnswer(answer) {
  $("answer-text").replaceChildren(...answerNodes(answer));
  $("answer-method").textContent = answer.method;
  const list = $("citations");
  list.replaceChildren(...answer.citations.map(c => el("li", { value: c.n },
    el("a", { href: articleHref(c.articleId, c.startOffset, c.endOffset) }, c.title),
    c.headingPath ? el("span", { class: "heading-path" }, ` › ${c.headingPath}`) : null,
    el("blockquote", {}, `“${c.quote.length > 400 ? c.quote.slice(0, 400) + "…" : c.quote}”`))));
  $("answer").hidden = false;
}

function renderPassages(hits) {
  $("passages").replaceChildren(...hits.map(hit => el("li", {},
    el("a", { class: "passage-title", href: articleHref(hit.articleId, hit.startOffset, hit.endOffset) }, `${hit.rank}. ${hit.title}`),
    hit.headingPath ? el("div", { class: "heading-path" }, hit.headingPath) : null,
    el("p", { class: "snippet" }, hit.text.length > 320 ? hit.text.slice(0, 320) + "…" : hit.text),
    el("p", { class: "why" }, el("strong", {}, "Why found: "), hit.explanation ? `${hit.explanation} · ` : "",
      `score ${hit.score.toFixed(3)}`))));
  $("passages-section").hidden = hits.length === 0;
}

// ---------- one article, a passage highlighted ----------

async function showArticle(id, from, to) {
  const textBox = $("article-text");
  try {
    const article = await getJson(`/api/articles/${id}`);
    $("article-title").textContent = article.title;
    $("article-meta").textContent = [article.author, article.published, article.source, article.file].filter(Boolean).join(" · ");
    const start = Number(from), end = Number(to);
    if (from !== null && to !== null && start >= 0 && end > start && end <= article.text.length) {
      const mark = el("mark", { id: "highlight", tabindex: "-1" }, article.text.slice(start, end));
      textBox.replaceChildren(article.text.slice(0, start), mark, article.text.slice(end));
      mark.scrollIntoView({ block: "center" });
      mark.focus({ preventScroll: true });
    } else {
      textBox.replaceChildren(article.text);
      window.scrollTo(0, 0);
    }
    showArticleEntities(id);
    showArticleClaims(id);
  } catch (error) {
    $("article-title").textContent = "Article not found";
    textBox.replaceChildren(error.message);
  }
}

async function showArticleEntities(id) {
  const box = $("article-entities");
  box.replaceChildren();
  if (!serverStatus?.graph) return;
  try {
    const entities = await getJson(`/api/articles/${id}/entities`);
    box.replaceChildren(...entities.slice(0, 30).map(e =>
      el("a", { href: entityHref(e.key), title: `${e.type}, ${e.mentions} mentions` }, e.name)));
  } catch { /* the graph is optional: the article reads fine without it */ }
}

// Statistics checks: each claim links to itself highlighted, with its verdict, what its numbers allow
// (the recomputation where the text gives a formula or counts) and, when flagged, what would be correct.
const claimFlagLabels = {
  RelativeOnly: "relative only", SignificanceOnly: "significance only", WrongValue: "wrong value",
  IncommensurableRatio: "different denominators", PValueMisread: "p-value misread",
  SignificanceAsImportance: "significance as importance", NoSignificanceAsNoEffect: "no significance as no effect",
  UncorrectedMultipleComparisons: "uncorrected multiple tests", TransposedConditional: "conditional reversed",
};

function recomputedLine(r) {
  const show = v => r.isPercent ? `${(v * 100).toFixed(2)}%` : String(Number(v.toPrecision(6)));
  const gap = r.isPercent ? `${(r.difference * 100).toFixed(2)} percentage points` : String(Number(r.difference.toPrecision(4)));
  return `stated ${r.stated.trim()} · recomputed ${show(r.recomputed)}` + (r.agrees ? " · agrees" : ` · off by ${gap}`);
}

async function showArticleClaims(id) {
  const box = $("article-claims");
  try {
    const claims = await getJson(`/api/articles/${id}/claims`);
    const flagged = claims.filter(c => c.verdict === "flag").length;
    $("article-claims-summary").textContent =
      `${claims.length} quantitative claim${claims.length === 1 ? "" : "s"}${flagged ? `, ${flagged} flagged` : ""}`;
    $("article-claim-list").replaceChildren(...claims.map(c => el("li", { class: c.verdict === "flag" ? "flagged" : null },
      el("a", { href: articleHref(id, c.startOffset, c.endOffset) }, `“${c.text.trim()}”`),
      c.flags.length ? el("span", { class: "tag" }, c.flags.map(f => claimFlagLabels[f] ?? f).join(", ")) : null,
      c.recomputation ? el("p", { class: "recomputed" }, recomputedLine(c.recomputation)) : null,
      el("p", {}, c.finding),
      c.correction ? el("p", { class: "correction" }, c.correction) : null,
      ...c.questions.map(q => el("p", { class: "meta" }, q)))));
    box.hidden = claims.length === 0;
  } catch {
    box.hidden = true;
  }
}

// ---------- documents ----------

let documents = null;

async function showArticles() {
  documents = await getJson("/api/documents");
  filterArticles();
}

const bytes = n => n === null || n === undefined ? "–" : n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1048576).toFixed(1)} MB`;

function filterArticles() {
  const needle = $("article-filter").value.trim().toLowerCase();
  const all = documents ?? [];
  const shown = all.filter(d => !needle || d.title.toLowerCase().includes(needle) || d.file.toLowerCase().includes(needle));
  $("article-list").tBodies[0].replaceChildren(...shown.map(d => el("tr", { "data-id": d.id },
    el("th", { scope: "row" }, el("a", { href: articleHref(d.id) }, d.title)),
    el("td", { title: d.path }, d.file),
    el("td", { class: d.status === "ingested" ? null : "status-failed" }, d.status),
    el("td", { class: "num", title: `${d.characters.toLocaleString()} characters of text` }, bytes(d.fileBytes)),
    el("td", { class: "num" }, String(d.chunks)),
    el("td", { class: "num" }, d.entities === null ? "–" : String(d.entities)),
    el("td", { class: "num" }, d.flaggedClaims ? `${d.claims} (${d.flaggedClaims} flagged)` : String(d.claims)),
    el("td", {}, when(d.ingestedAt)),
    el("td", { class: "actions" },
      el("button", { type: "button", class: "secondary", "data-action": "download", "aria-label": `Download the text of ${d.title}` }, "Text"),
      el("button", { type: "button", class: "secondary", "data-action": "reingest", "aria-label": `Re-ingest ${d.file}`, disabled: d.status !== "ingested" }, "Re-ingest"),
      el("button", { type: "button", class: "danger", "data-action": "delete", "aria-label": `Delete ${d.title}` }, "Delete")))));
  $("documents-summary").textContent = all.length === 0 ? "No notes yet: ingest some."
    : shown.length === all.length ? `${count(all.length, "article")} from ${count(new Set(all.map(d => d.path)).size, "file")}.`
    : `${shown.length} of ${count(all.length, "article")} match.`;
}

async function documentAction(button) {
  const id = Number(button.closest("tr").dataset.id);
  const d = documents.find(x => x.id === id);
  const summary = $("documents-summary");
  $("documents-error").hidden = true;
  try {
    if (button.dataset.action === "download") {
      const blob = await (await api(`/api/articles/${id}/text`)).blob();
      const link = el("a", { href: URL.createObjectURL(blob), download: `${d.title}.txt` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      return;
    }
    if (button.dataset.action === "delete") {
      const siblings = documents.filter(x => x.path === d.path).length;
      if (!confirm(`Delete “${d.title}”? This forgets ${d.file}` + (siblings > 1 ? ` and all ${siblings} articles read from it` : "") +
        ". The file itself stays on disk.")) return;
      button.disabled = true;
      const removed = await (await api(`/api/articles/${id}`, { method: "DELETE" })).json();
      summary.textContent = `Deleted ${removed.source.split("/").pop()}: ${count(removed.articles, "article")} removed.`;
    } else {
      button.disabled = true;
      const job = await (await api(`/api/articles/${id}/reingest`, { method: "POST" })).json();
      summary.textContent = `Re-ingesting ${d.file}…`;
      const done = await followJobEvents(job, () => {});
      summary.textContent = done.state === "Completed" ? `Re-ingested ${d.file}: ${count(done.chunksWritten, "chunk")} written.` : `${done.state}: ${done.error}`;
    }
    graphStale = true;
    const message = summary.textContent;
    await Promise.all([refreshStatus(), showArticles()]);
    summary.textContent = message;
  } catch (error) {
    showError($("documents-error"), error);
    button.disabled = false;
  }
}

// ---------- knowledge graph: the whole-graph explorer ----------

let explorer = null;
let graphStale = true;
let graphMetrics = null;

function ensureExplorer() {
  explorer ??= new GraphExplorer.Explorer($("graph-canvas"), { onSelect: key => { location.hash = key ? entityHref(key) : "#/graph"; } });
  return explorer;
}

async function loadGraph() {
  const started = performance.now();
  const data = await getJson("/api/graph/export");
  const fetched = performance.now();
  ensureExplorer().load(data);
  graphStale = false;
  const option = (value, text) => el("option", { value }, text);
  $("filter-type").replaceChildren(option(-1, "all types"), ...data.types.map((t, i) => option(i, t)));
  $("filter-relation").replaceChildren(option(-1, "all relations"), ...data.relationTypes.map((t, i) => option(i, relationText(t))));
  const sizes = new Map();
  for (const c of data.nodes.community) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const communities = data.communities.filter(c => sizes.has(c.id)).sort((a, b) => sizes.get(b.id) - sizes.get(a.id) || a.id - b.id);
  $("filter-community").replaceChildren(option(-1, "all communities"), ...communities.map(c => option(c.id, `${c.label} (${sizes.get(c.id)})`)));
  $("community-list").replaceChildren(...communities.slice(0, 30).map(c => el("li", {},
    el("span", { class: "swatch", "data-colour": GraphExplorer.colourOf(c.id) }),
    el("a", { href: `#/graph?community=${c.id}` }, c.label), el("span", { class: "meta" }, ` · ${sizes.get(c.id)} entities`))));
  for (const swatch of $("community-list").querySelectorAll(".swatch")) swatch.style.background = swatch.dataset.colour;
  // Read by the browser test (first draw) and reported in bench/RESULTS.md.
  await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  graphMetrics = { nodes: data.nodes.key.length, edges: data.edges.source.length, fetchMs: fetched - started,
    layoutMs: explorer.layoutMs, firstDrawMs: performance.now() - started };
  $("graph-canvas").dataset.ready = "true";
}

async function showGraph(key, community) {
  $("graph-unavailable").hidden = !!serverStatus?.graph;
  $("explorer").hidden = !serverStatus?.graph;
  if (!serverStatus?.graph) return;
  if (graphStale) await loadGraph();
  if (community !== null) {
    $("filter-community").value = community;
    explorer.setFilter({ community: Number(community) });
  }
  if (!explorer.focus(key)) {
    $("entity-view").hidden = false;
    $("entity-name").textContent = "No such entity";
    $("entity-meta").textContent = `Nothing in the graph has the key “${key}”.`;
    $("entity-neighbours").replaceChildren();
    $("entity-mentions").replaceChildren();
    return;
  }
  summariseGraph();
  $("communities").hidden = !!key;
  $("entity-view").hidden = !key;
  if (key) await showEntity(key); else if (community === null) $("entity-query").focus();
}

function summariseGraph() {
  const shown = explorer.shown, total = explorer.n;
  $("graph-summary").textContent = `${shown === total ? "All" : `${shown.toLocaleString()} of`} ${total.toLocaleString()} entities, ${explorer.m.toLocaleString()} relations.`;
}

async function showEntity(key) {
  const [entity, mentions] = await Promise.all([
    getJson(`/api/entity?key=${encodeURIComponent(key)}`),
    getJson(`/api/entity/mentions?key=${encodeURIComponent(key)}`),
  ]);
  $("entity-results").replaceChildren();
  $("entity-name").textContent = entity.name;
  const node = explorer.index.get(key), community = explorer.data.communities.find(c => c.id === explorer.community[node]);
  $("entity-meta").textContent = [entity.type, count(entity.chunks, "passage"),
    entity.aliases.length > 1 ? `also written ${entity.aliases.filter(a => a !== entity.name).join(", ")}` : null,
    community ? `community: ${community.label}` : null].filter(Boolean).join(" · ");
  $("entity-ask").href = `#/ask?q=${encodeURIComponent(`What do my notes say about ${entity.name}?`)}`;
  $("entity-neighbours").replaceChildren(...entity.neighbours.map(n => el("li", {},
    el("span", { class: "relation" }, n.outgoing ? `${entity.name} ${relationText(n.relation)} ` : ""),
    el("a", { href: entityHref(n.key) }, n.name),
    el("span", { class: "relation" }, n.outgoing ? "" : ` ${relationText(n.relation)} ${entity.name}`),
    el("span", { class: "meta" }, ` · ${n.type} · ${n.weight} sentence${n.weight === 1 ? "" : "s"}`),
    ...n.evidence.slice(0, 2).map(sentence => el("q", {}, sentence)))));
  if (entity.neighbours.length === 0) $("entity-neighbours").append(el("li", {}, "No relations."));
  $("entity-mentions").replaceChildren(...mentions.slice(0, 12).map(m => el("li", {},
    el("a", { href: articleHref(m.articleId) }, m.title), m.headingPath ? el("span", { class: "meta" }, ` › ${m.headingPath}`) : null,
    el("span", { class: "meta" }, ` · ${count(m.mentions, "mention")}`))));
  $("entity-name").focus();
}

// Relation types are identifiers ("co_occurs", "part_of"); shown as words.
const relationText = type => type === "co_occurs" ? "appears with" : type.replaceAll("_", " ");

// The server matches aliases too ("NDCG" finds normalized discounted cumulative gain).
async function findEntities(query) {
  const found = await getJson(`/api/entities?q=${encodeURIComponent(query)}&limit=25`);
  $("entity-results").replaceChildren(...found.map(e => el("li", {},
    el("a", { href: entityHref(e.key) }, e.name), el("span", { class: "meta" }, ` · ${e.type} · ${count(e.chunks, "passage")}`))));
  if (found.length === 0) $("entity-results").append(el("li", {}, `No entity matches “${query}”.`));
}

// ---------- ingest ----------

async function followJob(job) {
  const box = $("job");
  box.hidden = false;
  $("job-title").textContent = job.label;
  await followJobEvents(job, renderJob);
  graphStale = true;
  refreshStatus();
  showJobHistory();
}

// Follows a job's event stream to its end, calling back on each snapshot; returns the last one.
async function followJobEvents(job, onSnapshot) {
  let last = job;
  const response = await api(`/api/ingest/jobs/${encodeURIComponent(job.id)}/events`);
  for await (const event of readEvents(response)) { last = event.data; onSnapshot(last); }
  return last;
}

async function showJobHistory() {
  const jobs = await getJson("/api/ingest/jobs");
  $("job-history").replaceChildren(...jobs.map(j => el("li", { class: j.state === "Failed" ? "status-failed" : null },
    el("strong", {}, j.label), ` · ${j.state.toLowerCase()} · ${count(j.filesDone, "file")}, ${count(j.articlesAdded, "article")} added, ${j.articlesUpdated} updated`,
    j.error ? ` · ${j.error}` : "", el("span", { class: "meta" }, ` · ${when(j.startedAt)}`))));
  if (jobs.length === 0) $("job-history").append(el("li", {}, "No ingestion jobs yet."));
}

function renderJob(job) {
  const progress = $("job-progress");
  progress.max = Math.max(job.filesTotal, 1);
  progress.value = job.filesDone;
  const state = job.state === "Running" ? `Ingesting: ${job.filesDone} of ${job.filesTotal} files`
    : job.state === "Completed" ? `Done: ${count(job.filesDone, "file")}, ${count(job.articlesAdded, "article")} added, ${job.articlesUpdated} updated, ${count(job.chunksWritten, "chunk")} written${job.filesFailed ? `, ${job.filesFailed} failed` : ""}.`
    : `${job.state}: ${job.error}`;
  $("job-summary").textContent = state;
  $("job-files").replaceChildren(...job.files.map(f => el("li", { class: f.status === "Failed" ? "status-failed" : null },
    `${f.path.split("/").pop()}: ${f.status.toLowerCase()}`,
    f.error ? ` (${f.error})` : f.status === "Ingested" ? ` (${count(f.articlesAdded + f.articlesUpdated, "article")}, ${count(f.chunksWritten, "chunk")})` : "")));
}

async function startIngest(form, send) {
  const button = form.querySelector("button");
  button.disabled = true;
  $("ingest-error").hidden = true;
  try {
    const job = await (await send()).json();
    await followJob(job);
  } catch (error) {
    showError($("ingest-error"), error);
  } finally {
    button.disabled = false;
  }
}

// ---------- reports ----------

async function showReports() {
  const reports = await getJson("/api/reports");
  $("report-list").replaceChildren(...reports.map((r, i) => el("li", {},
    el("a", { href: r.url, "data-report": r.name }, r.name),
    el("span", { class: "meta" }, ` · ${new Date(r.modifiedAt).toLocaleString()}${i === 0 ? " · latest" : ""}`),
    " ", el("a", { href: r.url, target: "_blank", rel: "noopener" }, "open in a new tab"))));
  if (reports.length === 0) $("report-list").append(el("li", {}, "No reports yet: run graphrag eval --dataset notes."));
}

// ---------- status and start-up ----------

async function refreshStatus() {
  try {
    serverStatus = await getJson("/api/status");
    $("status").textContent = `${serverStatus.articles} articles · ${serverStatus.chunks} passages`;
    const mode = $("mode");
    if (mode.options.length === 0)
      mode.replaceChildren(...serverStatus.modes.map(m => el("option", { value: m, selected: m === serverStatus.defaultMode ? "" : null }, m)));
    $("nav-graph").hidden = !serverStatus.graph;
  } catch (error) {
    $("status").textContent = error.message;
  }
}

function wire() {
  $("ask-form").addEventListener("submit", e => {
    e.preventDefault();
    const q = $("question").value.trim();
    if (!q) return;
    const after = turn?.answer && $("follow-up").checked ? `&after=${encodeURIComponent(turn.question)}` : "";
    const target = `#/ask?q=${encodeURIComponent(q)}&mode=${encodeURIComponent($("mode").value)}${after}`;
    if (location.hash === target) {
      if (turn) turn.key = null; // the same question again: ask it again
      route();
    } else location.hash = target;
  });
  $("article-filter").addEventListener("input", filterArticles);
  $("article-list").addEventListener("click", e => {
    const button = e.target.closest("button[data-action]");
    if (button) documentAction(button);
  });
  $("entity-form").addEventListener("submit", e => {
    e.preventDefault();
    const q = $("entity-query").value.trim();
    if (q) findEntities(q).catch(error => $("entity-results").replaceChildren(el("li", { class: "status-failed" }, error.message)));
  });
  const filterChanged = () => {
    explorer?.setFilter({ type: Number($("filter-type").value), community: Number($("filter-community").value),
      relationType: Number($("filter-relation").value), minWeight: Math.max(1, Number($("filter-weight").value) || 1) });
    if (explorer) summariseGraph();
  };
  for (const id of ["filter-type", "filter-community", "filter-relation", "filter-weight"]) $(id).addEventListener("change", filterChanged);
  $("new-conversation").addEventListener("click", () => {
    conversation = [];
    saveConversation();
    turn = null;
    $("answer").hidden = true;
    $("passages-section").hidden = true;
    renderHistory();
    if (location.hash === "#/ask") $("question").focus(); else location.hash = "#/ask";
  });
  $("upload-form").addEventListener("submit", e => {
    e.preventDefault();
    const body = new FormData();
    for (const file of $("upload-files").files) body.append("files", file);
    startIngest(e.target, () => api("/api/ingest/files", { method: "POST", body }));
  });
  $("folder-form").addEventListener("submit", e => {
    e.preventDefault();
    startIngest(e.target, () => postJson("/api/ingest/folder", { path: $("folder-path").value.trim() }));
  });
  $("report-list").addEventListener("click", e => {
    const link = e.target.closest("a[data-report]");
    if (!link) return;
    e.preventDefault();
    $("report-frame").src = link.getAttribute("href");
    $("report-frame").hidden = false;
  });
  // "/" jumps to the question box from anywhere but a text field.
  document.addEventListener("keydown", e => {
    if (e.key === "/" && !["INPUT", "TEXTAREA", "SELECT"].includes(document.activeElement?.tagName)) {
      e.preventDefault();
      location.hash = "#/ask";
      $("question").focus();
    }
  });
  window.addEventListener("hashchange", route);
}

wire();
refreshStatus().then(route);
