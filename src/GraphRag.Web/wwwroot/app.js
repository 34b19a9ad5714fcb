// The GraphRag page: one script, no framework, no build step. Views are chosen by the URL hash
// (#/ask?q=…, #/article/12?from=…&to=…, #/articles, #/graph?key=…, #/ingest, #/reports), so
// every state has a link, Back works, and the keyboard reaches everything as ordinary links.
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

const views = ["ask", "article", "articles", "graph", "ingest", "reports"];

function route() {
  const hash = location.hash.replace(/^#\/?/, "") || "ask";
  const [path, query = ""] = hash.split("?");
  const params = new URLSearchParams(query);
  const [view, id] = path.split("/");
  const name = views.includes(view) ? view : "ask";
  for (const v of views) $(`view-${v}`).hidden = v !== name;
  for (const link of document.querySelectorAll(".top nav a"))
    link.toggleAttribute("aria-current", link.dataset.view === name || (name === "article" && link.dataset.view === "articles"));
  const show = {
    ask: () => showAsk(params.get("q"), params.get("mode")),
    article: () => showArticle(Number(id), params.get("from"), params.get("to")),
    articles: showArticles,
    graph: () => showGraph(params.get("key")),
    ingest: () => {},
    reports: showReports,
  }[name];
  Promise.resolve(show()).catch(error => console.error(error));
}

// ---------- ask ----------

let askController = null;
let lastAsked = null;

async function showAsk(question, mode) {
  if (!question) { $("question").focus(); return; }
  if (mode) $("mode").value = mode;
  if (lastAsked === `${question}\u0000${mode}`) return; // back from an article: keep the answer shown
  lastAsked = `${question}\u0000${mode}`;
  $("question").value = question;
  askController?.abort();
  askController = new AbortController();
  const button = $("ask-form").querySelector("button");
  button.disabled = true;
  $("ask-error").hidden = true;
  $("answer").hidden = true;
  $("passages-section").hidden = true;
  const text = $("answer-text");
  try {
    const response = await postJson("/api/ask/stream", { question, mode: mode || null }, askController.signal);
    let streamed = "";
    for await (const event of readEvents(response)) {
      if (event.type === "passages") renderPassages(event.data);
      else if (event.type === "delta") {
        if (!streamed) { $("answer").hidden = false; $("citations").replaceChildren(); $("answer-method").textContent = "writing…"; }
        streamed += event.data.text;
        text.textContent = streamed;
      }
      else if (event.type === "done") renderAnswer(event.data.answer);
    }
  } catch (error) {
    if (error.name !== "AbortError") { lastAsked = null; showError($("ask-error"), error); }
  } finally {
    button.disabled = false;
  }
}

// The answer's [n] markers become links to citation n's passage, highlighted in its article.
function renderAnswer(answer) {
  const byNumber = new Map(answer.citations.map(c => [c.n, c]));
  const text = $("answer-text");
  text.replaceChildren();
  let last = 0;
  for (const match of answer.text.matchAll(/\[(\d+)\]/g)) {
    text.append(answer.text.slice(last, match.index));
    const citation = byNumber.get(Number(match[1]));
    text.append(citation
      ? el("a", { class: "cite", href: articleHref(citation.articleId, citation.startOffset, citation.endOffset),
                  "aria-label": `Citation ${citation.n}: ${citation.title}` }, `[${citation.n}]`)
      : match[0]);
    last = match.index + match[0].length;
  }
  text.append(answer.text.slice(last));
  // Sentences the cited passages do not bear out, and a generator that failed, are said plainly.
  const notes = [...(answer.unsupported ?? []).map(u =>
    el("span", { class: "unsupported" }, el("strong", {}, "Not supported by its citation: "), `${u.sentence} (${u.problem})`))];
  if (answer.warning) notes.unshift(el("span", { class: "answer-warning" }, answer.warning));
  text.append(...notes);
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

// ---------- all articles ----------

let articles = null;

async function showArticles() {
  articles = await getJson("/api/articles");
  filterArticles();
}

function filterArticles() {
  const needle = $("article-filter").value.trim().toLowerCase();
  const shown = (articles ?? []).filter(a => !needle || a.title.toLowerCase().includes(needle));
  $("article-list").replaceChildren(...shown.map(a => el("li", {},
    el("a", { href: articleHref(a.id) }, a.title),
    el("div", { class: "meta" }, [a.author, a.published, a.file, `${a.characters.toLocaleString()} characters`].filter(Boolean).join(" · ")))));
  if (shown.length === 0) $("article-list").append(el("li", {}, articles?.length ? "No title matches." : "No notes yet: ingest some."));
}

// ---------- knowledge graph ----------

async function showGraph(key) {
  $("graph-unavailable").hidden = !!serverStatus?.graph;
  if (!serverStatus?.graph) return;
  $("communities").hidden = !!key;
  if (!key) { $("entity-view").hidden = true; $("entity-query").focus(); showCommunities(); return; }
  const [entity, neighbourhood] = await Promise.all([
    getJson(`/api/entity?key=${encodeURIComponent(key)}`),
    getJson(`/api/entity/neighbourhood?key=${encodeURIComponent(key)}&hops=2&limit=40`),
  ]);
  $("entity-results").replaceChildren();
  $("entity-name").textContent = entity.name;
  $("entity-meta").textContent = [entity.type, `${entity.chunks} passages`,
    entity.aliases.length > 1 ? `also written ${entity.aliases.filter(a => a !== entity.name).join(", ")}` : null].filter(Boolean).join(" · ");
  GraphView.render($("graph-svg"), neighbourhood, n => entityHref(n.key));
  $("entity-neighbours").replaceChildren(...entity.neighbours.map(n => el("li", {},
    el("span", { class: "relation" }, n.outgoing ? `${entity.name} ${relationText(n.relation)} ` : ""),
    el("a", { href: entityHref(n.key) }, n.name),
    el("span", { class: "relation" }, n.outgoing ? "" : ` ${relationText(n.relation)} ${entity.name}`),
    el("span", { class: "meta" }, ` · ${n.type} · ${n.weight} sentence${n.weight === 1 ? "" : "s"}`),
    ...n.evidence.slice(0, 2).map(sentence => el("q", {}, sentence)))));
  $("entity-view").hidden = false;
  $("entity-name").setAttribute("tabindex", "-1");
  $("entity-name").focus();
}

// Relation types are identifiers ("co_occurs", "part_of"); shown as words.
const relationText = type => type === "co_occurs" ? "appears with" : type.replaceAll("_", " ");

async function showCommunities() {
  const communities = await getJson("/api/communities?max=12");
  $("community-list").replaceChildren(...communities.map(c => el("li", {},
    el("strong", {}, c.title), el("span", { class: "meta" }, ` · ${c.size} entities`),
    el("div", {}, c.entities.slice(0, 10).join(", ") + (c.entities.length > 10 ? ", …" : "")),
    c.summary.length ? el("q", { class: "meta" }, c.summary[0]) : null)));
  $("communities").hidden = communities.length === 0;
}

async function findEntities(query) {
  const found = await getJson(`/api/entities?q=${encodeURIComponent(query)}&limit=25`);
  $("entity-results").replaceChildren(...found.map(e => el("li", {},
    el("a", { href: entityHref(e.key) }, e.name), el("span", { class: "meta" }, ` · ${e.type} · ${e.chunks} passages`))));
  if (found.length === 0) $("entity-results").append(el("li", {}, `No entity matches “${query}”.`));
}

// ---------- ingest ----------

async function followJob(job) {
  const box = $("job");
  box.hidden = false;
  $("job-title").textContent = job.label;
  const response = await api(`/api/ingest/jobs/${encodeURIComponent(job.id)}/events`);
  for await (const event of readEvents(response)) renderJob(event.data);
  refreshStatus();
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
    lastAsked = null;
    const q = $("question").value.trim();
    if (!q) return;
    const target = `#/ask?q=${encodeURIComponent(q)}&mode=${encodeURIComponent($("mode").value)}`;
    if (location.hash === target) route(); else location.hash = target;
  });
  $("article-filter").addEventListener("input", filterArticles);
  $("entity-form").addEventListener("submit", e => {
    e.preventDefault();
    const q = $("entity-query").value.trim();
    if (q) findEntities(q).catch(error => $("entity-results").replaceChildren(el("li", { class: "status-failed" }, error.message)));
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
