// The whole-graph explorer: every entity and relation on one <canvas>, fluid at tens of thousands of
// entities. No library: a layout that costs O(n) (each community a disc of its members, hubs in the
// middle, discs packed in rows), one path per colour per frame, edges culled to the view and capped
// by weight while moving (level of detail), and labels placed only at rest, greedily by importance,
// never overlapping. The page drives it (app.js): load(), focus(), setFilter().
"use strict";

const GraphExplorer = (() => {
  const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
  const SPACING = 12;            // world units between neighbouring members of a community disc
  const PALETTE = ["#1f6fb4", "#c8382e", "#2c9a3f", "#8a5cc2", "#e07b12", "#138f9c", "#8c564b", "#c2458f",
    "#7c8a12", "#3a5fcd", "#a8780b", "#2e8b57"];
  const NO_COMMUNITY = "#8d98a5";
  const MOVING_EDGES = 6000;     // edges drawn per frame while panning or zooming, heaviest first
  const RESTING_EDGES = 40000;
  const LABELS = 220;            // most labels at rest
  const LABEL_FONT = "12px system-ui, sans-serif";
  const COMMUNITY_FONT = "600 13px system-ui, sans-serif";
  const COMMUNITY_LABELS = 24;   // community names at most, before the entities' labels
  const REST_MS = 140;           // quiet time after the last input before the labelled frame

  const colourOf = community => community === 0 ? NO_COMMUNITY : PALETTE[(community - 1) % PALETTE.length];

  // Where labels already sit on screen: a grid of 40-pixel cells finds the ones near a new box.
  class LabelBoard {
    constructor(w, h) { this.w = w; this.h = h; this.cells = new Map(); this.placed = []; }

    // Places the box [x, y, w, h] when it lies inside the canvas and overlaps no placed box.
    add(box) {
      if (box[0] < 0 || box[1] < 0 || box[0] + box[2] > this.w || box[1] + box[3] > this.h) return false;
      const CELL = 40, x0 = Math.floor(box[0] / CELL), x1 = Math.floor((box[0] + box[2]) / CELL);
      const y0 = Math.floor(box[1] / CELL), y1 = Math.floor((box[1] + box[3]) / CELL);
      for (let gx = x0; gx <= x1; gx++)
        for (let gy = y0; gy <= y1; gy++)
          for (const other of this.cells.get(gx * 4096 + gy) ?? [])
            if (box[0] < other[0] + other[2] && other[0] < box[0] + box[2] && box[1] < other[1] + other[3] && other[1] < box[1] + box[3]) return false;
      for (let gx = x0; gx <= x1; gx++)
        for (let gy = y0; gy <= y1; gy++) {
          const key = gx * 4096 + gy;
          if (!this.cells.has(key)) this.cells.set(key, []);
          this.cells.get(key).push(box);
        }
      this.placed.push(box);
      return true;
    }
  }

  class Explorer {
    constructor(canvas, { onSelect } = {}) {
      this.canvas = canvas;
      this.context = canvas.getContext("2d", { alpha: false });
      this.onSelect = onSelect ?? (() => {});
      this.camera = { k: 1, x: 0, y: 0 };
      this.selected = -1;
      this.filter = { type: -1, community: -1, relationType: -1, minWeight: 1 };
      this.drawTimes = [];       // milliseconds per moving frame (panning, zooming), for the browser test and bench/RESULTS.md
      this.restingDrawTimes = []; // milliseconds per resting frame (all edges, labels)
      this.labelBoxes = [];      // the labels of the last resting frame, [x, y, w, h] in CSS pixels
      this.frame = 0;
      this.restTimer = 0;
      this.wire();
    }

    // ---------- data and layout ----------

    load(data) {
      const started = performance.now();
      const nodes = data.nodes, n = nodes.key.length;
      this.data = data;
      this.n = n;
      this.keys = nodes.key;
      this.names = nodes.name;
      this.type = Int32Array.from(nodes.type);
      this.community = Int32Array.from(nodes.community);
      this.chunks = Int32Array.from(nodes.chunks);
      this.index = new Map(this.keys.map((key, i) => [key, i]));

      const e = data.edges, m = e.source.length;
      const degree = new Int32Array(n);
      for (let i = 0; i < m; i++) { degree[e.source[i]]++; degree[e.target[i]]++; }
      this.degree = degree;
      // Heaviest first, so a frame that draws only some edges draws the best-supported ones.
      const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => e.weight[b] - e.weight[a] || a - b);
      this.edgeSource = Int32Array.from(order, i => e.source[i]);
      this.edgeTarget = Int32Array.from(order, i => e.target[i]);
      this.edgeType = Int32Array.from(order, i => e.type[i]);
      this.edgeWeight = Int32Array.from(order, i => e.weight[i]);
      this.m = m;
      this.adjacency = this.buildAdjacency();

      const importance = i => degree[i] * 2 + this.chunks[i];
      this.byImportance = Int32Array.from(Array.from({ length: n }, (_, i) => i).sort((a, b) => importance(b) - importance(a) || a - b));
      this.radius = Float32Array.from({ length: n }, (_, i) => Math.min(5.5, 2 + Math.sqrt(degree[i]) * 0.6));
      this.layout();
      this.buildGrid();
      this.byColour = new Map();
      for (let i = 0; i < n; i++) {
        const colour = colourOf(this.community[i]);
        if (!this.byColour.has(colour)) this.byColour.set(colour, []);
        this.byColour.get(colour).push(i);
      }
      for (const [colour, members] of this.byColour) this.byColour.set(colour, Int32Array.from(members));
      this.visible = new Uint8Array(n).fill(1);
      this.labelWidth = new Float32Array(n).fill(-1);
      this.selected = -1;
      this.applyFilter();
      this.layoutMs = performance.now() - started;
      this.fit();
    }

    buildAdjacency() {
      const offsets = new Int32Array(this.n + 1);
      for (let i = 0; i < this.m; i++) { offsets[this.edgeSource[i] + 1]++; offsets[this.edgeTarget[i] + 1]++; }
      for (let i = 0; i < this.n; i++) offsets[i + 1] += offsets[i];
      const fill = offsets.slice(0, this.n), edges = new Int32Array(offsets[this.n]);
      for (let i = 0; i < this.m; i++) { edges[fill[this.edgeSource[i]]++] = i; edges[fill[this.edgeTarget[i]]++] = i; }
      return { offsets, edges };
    }

    // Each community is a disc: its members on a sunflower spiral, the most connected in the middle.
    // Discs are packed in rows, largest first, so no two overlap and the layout costs O(n).
    layout() {
      const groups = new Map();
      for (const i of this.byImportance) {
        const c = this.community[i];
        if (!groups.has(c)) groups.set(c, []);
        groups.get(c).push(i);
      }
      const discs = [...groups.entries()].map(([community, members]) => ({ community, members, r: SPACING * (Math.sqrt(members.length) + 1) }))
        .sort((a, b) => b.members.length - a.members.length || a.community - b.community);
      const area = discs.reduce((sum, d) => sum + 4 * d.r * d.r, 0);
      const rowWidth = Math.max(Math.sqrt(area) * 1.2, discs.length ? 2 * discs[0].r : 0);
      this.x = new Float32Array(this.n);
      this.y = new Float32Array(this.n);
      this.discs = [];
      let cursorX = 0, cursorY = 0, rowHeight = 0;
      for (const disc of discs) {
        const size = 2 * disc.r + SPACING;
        if (cursorX > 0 && cursorX + size > rowWidth) { cursorX = 0; cursorY += rowHeight; rowHeight = 0; }
        const cx = cursorX + size / 2, cy = cursorY + size / 2;
        disc.members.forEach((node, j) => {
          const rho = SPACING * Math.sqrt(j + 0.5), angle = j * GOLDEN_ANGLE;
          this.x[node] = cx + rho * Math.cos(angle);
          this.y[node] = cy + rho * Math.sin(angle);
        });
        this.discs.push({ community: disc.community, x: cx, y: cy, r: disc.r });
        cursorX += size;
        rowHeight = Math.max(rowHeight, size);
      }
      this.bounds = { minX: 0, minY: 0, maxX: rowWidth, maxY: cursorY + rowHeight };
    }

    // A uniform grid over world space for hit testing.
    buildGrid() {
      this.cell = SPACING * 2;
      this.grid = new Map();
      for (let i = 0; i < this.n; i++) {
        const key = this.cellKey(this.x[i], this.y[i]);
        const bucket = this.grid.get(key);
        if (bucket) bucket.push(i); else this.grid.set(key, [i]);
      }
    }

    cellKey(x, y) { return Math.floor(x / this.cell) * 65536 + Math.floor(y / this.cell); }

    nodeAt(sx, sy) {
      const { k } = this.camera, [wx, wy] = this.toWorld(sx, sy);
      const reach = Math.max(8 / k, 4);
      let best = -1, bestDistance = Infinity;
      for (let gx = Math.floor((wx - reach) / this.cell); gx <= Math.floor((wx + reach) / this.cell); gx++)
        for (let gy = Math.floor((wy - reach) / this.cell); gy <= Math.floor((wy + reach) / this.cell); gy++)
          for (const i of this.grid.get(gx * 65536 + gy) ?? []) {
            if (!this.visible[i]) continue;
            const d = Math.hypot(this.x[i] - wx, this.y[i] - wy);
            if (d <= Math.max(this.radius[i], reach) && d < bestDistance) { best = i; bestDistance = d; }
          }
      return best;
    }

    // ---------- filters, search, focus ----------

    setFilter(filter) {
      this.filter = { ...this.filter, ...filter };
      this.applyFilter();
      this.requestDraw(true);
    }

    applyFilter() {
      const { type, community } = this.filter;
      for (let i = 0; i < this.n; i++)
        this.visible[i] = (type < 0 || this.type[i] === type) && (community < 0 || this.community[i] === community) ? 1 : 0;
      this.shown = this.visible.reduce((sum, v) => sum + v, 0);
    }

    edgeShown(i) {
      const { relationType, minWeight } = this.filter;
      return this.edgeWeight[i] >= minWeight && (relationType < 0 || this.edgeType[i] === relationType)
        && this.visible[this.edgeSource[i]] === 1 && this.visible[this.edgeTarget[i]] === 1;
    }

    neighbours(node) {
      const result = new Set();
      const { offsets, edges } = this.adjacency;
      for (let j = offsets[node]; j < offsets[node + 1]; j++) {
        const e = edges[j];
        result.add(this.edgeSource[e] === node ? this.edgeTarget[e] : this.edgeSource[e]);
      }
      return result;
    }

    // Selects an entity, lights up its neighbourhood and brings it into view. Returns false for an unknown key.
    focus(key) {
      const node = key === null ? -1 : this.index.get(key) ?? -1;
      this.selected = node;
      this.focusSet = node < 0 ? null : this.neighbours(node).add(node);
      if (node >= 0) {
        let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
        for (const i of this.focusSet) {
          minX = Math.min(minX, this.x[i]); maxX = Math.max(maxX, this.x[i]);
          minY = Math.min(minY, this.y[i]); maxY = Math.max(maxY, this.y[i]);
        }
        this.fitBox(minX - 40, minY - 40, maxX + 40, maxY + 40, 3);
      }
      this.requestDraw(true);
      return node >= 0 || key === null;
    }

    // ---------- camera ----------

    size() {
      const ratio = window.devicePixelRatio || 1, w = this.canvas.clientWidth, h = this.canvas.clientHeight;
      if (this.canvas.width !== Math.round(w * ratio) || this.canvas.height !== Math.round(h * ratio)) {
        this.canvas.width = Math.round(w * ratio);
        this.canvas.height = Math.round(h * ratio);
      }
      return { w, h, ratio };
    }

    fit() {
      const b = this.bounds;
      this.fitBox(b.minX, b.minY, b.maxX, b.maxY, 8);
      this.requestDraw(true);
    }

    fitBox(minX, minY, maxX, maxY, maxZoom) {
      const { w, h } = this.size();
      const k = Math.min(maxZoom, Math.min(w / Math.max(maxX - minX, 1), h / Math.max(maxY - minY, 1)) * 0.95);
      this.camera = { k, x: w / 2 - k * (minX + maxX) / 2, y: h / 2 - k * (minY + maxY) / 2 };
    }

    toWorld(sx, sy) { return [(sx - this.camera.x) / this.camera.k, (sy - this.camera.y) / this.camera.k]; }

    panBy(dx, dy) { this.camera.x += dx; this.camera.y += dy; this.requestDraw(false); }

    zoomAt(sx, sy, factor) {
      const k = Math.min(40, Math.max(0.01, this.camera.k * factor)), applied = k / this.camera.k;
      this.camera = { k, x: sx - (sx - this.camera.x) * applied, y: sy - (sy - this.camera.y) * applied };
      this.requestDraw(false);
    }

    // ---------- drawing ----------

    // A moving frame now (edges capped, no labels); a resting frame with labels once input stops.
    requestDraw(resting) {
      clearTimeout(this.restTimer);
      this.nextResting = resting;
      if (!this.pending) {
        this.pending = true;
        requestAnimationFrame(() => { this.pending = false; this.draw(this.nextResting); });
      }
      if (!resting) this.restTimer = setTimeout(() => this.requestDraw(true), REST_MS);
    }

    draw(resting) {
      if (this.data === undefined) return;
      const started = performance.now();
      const { w, h, ratio } = this.size();
      const c = this.context, { k, x: tx, y: ty } = this.camera;
      c.setTransform(ratio, 0, 0, ratio, 0, 0);
      c.fillStyle = "#ffffff";
      c.fillRect(0, 0, w, h);
      const [minX, minY] = this.toWorld(-20, -20), [maxX, maxY] = this.toWorld(w + 20, h + 20);
      const inView = i => this.x[i] >= minX && this.x[i] <= maxX && this.y[i] >= minY && this.y[i] <= maxY;
      const focus = this.focusSet;

      // Edges: one path, heaviest first, up to the frame's budget.
      c.beginPath();
      let budget = resting ? RESTING_EDGES : MOVING_EDGES;
      for (let i = 0; i < this.m && budget > 0; i++) {
        const s = this.edgeSource[i], t = this.edgeTarget[i];
        if (!(inView(s) || inView(t)) || !this.edgeShown(i)) continue;
        if (focus && (s === this.selected || t === this.selected)) continue;
        c.moveTo(this.x[s] * k + tx, this.y[s] * k + ty);
        c.lineTo(this.x[t] * k + tx, this.y[t] * k + ty);
        budget--;
      }
      c.lineWidth = 1;
      c.strokeStyle = focus ? "rgba(120,130,140,0.10)" : "rgba(100,112,125,0.22)";
      c.stroke();
      if (focus) {
        c.beginPath();
        const { offsets, edges } = this.adjacency;
        for (let j = offsets[this.selected]; j < offsets[this.selected + 1]; j++) {
          const e = edges[j];
          if (!this.edgeShown(e)) continue;
          c.moveTo(this.x[this.edgeSource[e]] * k + tx, this.y[this.edgeSource[e]] * k + ty);
          c.lineTo(this.x[this.edgeTarget[e]] * k + tx, this.y[this.edgeTarget[e]] * k + ty);
        }
        c.lineWidth = 1.6;
        c.strokeStyle = "rgba(29,35,43,0.75)";
        c.stroke();
      }

      // Nodes: one path per colour; a square where a circle would be under two pixels across.
      for (const [colour, members] of this.byColour) {
        c.beginPath();
        for (const i of members) {
          if (!this.visible[i] || !inView(i)) continue;
          const r = Math.max(this.radius[i] * k, 1.2), sx = this.x[i] * k + tx, sy = this.y[i] * k + ty;
          if (r < 2) c.rect(sx - r, sy - r, 2 * r, 2 * r);
          else { c.moveTo(sx + r, sy); c.arc(sx, sy, r, 0, 2 * Math.PI); }
        }
        c.globalAlpha = focus ? 0.22 : 1;
        c.fillStyle = colour;
        c.fill();
      }
      c.globalAlpha = 1;
      if (focus) {
        for (const i of focus) {
          if (!this.visible[i]) continue;
          const r = Math.max(this.radius[i] * k, 3), sx = this.x[i] * k + tx, sy = this.y[i] * k + ty;
          c.beginPath();
          c.arc(sx, sy, i === this.selected ? r + 2 : r, 0, 2 * Math.PI);
          c.fillStyle = colourOf(this.community[i]);
          c.fill();
          c.lineWidth = i === this.selected ? 3 : 1.5;
          c.strokeStyle = "#1d232b";
          c.stroke();
        }
      }
      this.labelBoxes = resting ? this.drawLabels(w, h, inView) : [];
      this.frame++;
      this.lastFrameResting = resting;
      const times = resting ? this.restingDrawTimes : this.drawTimes;
      times.push(performance.now() - started);
      if (times.length > 600) times.splice(0, 300);
      this.canvas.dataset.frames = String(this.frame);
    }

    // Greedy: community names over their discs (when nothing is selected), then the selected entity and
    // its neighbours, then entities by importance; a label is drawn only where it overlaps none already placed.
    drawLabels(w, h, inView) {
      const c = this.context, { k, x: tx, y: ty } = this.camera;
      c.textBaseline = "middle";
      c.lineJoin = "round";
      const board = new LabelBoard(w, h);
      const draw = (text, box, colour) => {
        c.strokeStyle = "rgba(255,255,255,0.92)";
        c.lineWidth = 3.5;
        c.strokeText(text, box[0] + 2, box[1] + box[3] / 2);
        c.fillStyle = colour;
        c.fillText(text, box[0] + 2, box[1] + box[3] / 2);
      };
      if (!this.focusSet) {
        c.font = COMMUNITY_FONT;
        const labels = new Map(this.data.communities.map(x => [x.id, x.label]));
        for (const disc of this.discs) {
          const r = disc.r * k, label = labels.get(disc.community);
          if (board.placed.length >= COMMUNITY_LABELS || r < 24 || !label || (this.filter.community >= 0 && this.filter.community !== disc.community)) continue;
          // Above its disc, pulled inside the canvas when the disc touches an edge.
          const width = c.measureText(label).width + 4;
          const box = [Math.min(Math.max(disc.x * k + tx - width / 2, 0), w - width), Math.max(disc.y * k + ty - r - 20, 0), width, 18];
          if (board.add(box)) draw(label, box, "#3a4450");
        }
      }
      c.font = LABEL_FONT;
      const candidates = this.focusSet ? [this.selected, ...[...this.focusSet].filter(i => i !== this.selected), ...this.byImportance] : this.byImportance;
      const seen = new Set();
      let tried = 0;
      for (const i of candidates) {
        if (board.placed.length >= LABELS || tried > 6000) break;
        if (seen.has(i) || !this.visible[i] || !inView(i)) continue;
        seen.add(i);
        tried++;
        if (this.focusSet && !this.focusSet.has(i) && board.placed.length >= this.focusSet.size + 40) continue;
        if (this.labelWidth[i] < 0) this.labelWidth[i] = c.measureText(this.names[i]).width;
        const r = Math.max(this.radius[i] * k, 1.2);
        const box = [this.x[i] * k + tx + r + 3, this.y[i] * k + ty - 8, this.labelWidth[i] + 4, 16];
        if (!board.add(box)) continue;
        const muted = this.focusSet && !this.focusSet.has(i);
        draw(this.names[i], box, muted ? "#7a8591" : i === this.selected ? "#000000" : "#1d232b");
      }
      return board.placed;
    }

    // ---------- input ----------

    wire() {
      const canvas = this.canvas;
      let drag = null;
      canvas.addEventListener("pointerdown", e => {
        drag = { x: e.clientX, y: e.clientY, moved: 0 };
        canvas.setPointerCapture(e.pointerId);
      });
      canvas.addEventListener("pointermove", e => {
        if (drag) {
          const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
          drag.moved += Math.abs(dx) + Math.abs(dy);
          drag.x = e.clientX; drag.y = e.clientY;
          this.panBy(dx, dy);
        } else if (this.data) {
          const rect = canvas.getBoundingClientRect(), node = this.nodeAt(e.clientX - rect.left, e.clientY - rect.top);
          canvas.style.cursor = node >= 0 ? "pointer" : "grab";
          canvas.title = node >= 0 ? `${this.names[node]} (${this.data.types[this.type[node]]})` : "";
        }
      });
      canvas.addEventListener("pointerup", e => {
        if (drag && drag.moved < 4 && this.data) {
          const rect = canvas.getBoundingClientRect(), node = this.nodeAt(e.clientX - rect.left, e.clientY - rect.top);
          if (node >= 0) this.onSelect(this.keys[node]);
        }
        drag = null;
      });
      canvas.addEventListener("wheel", e => {
        e.preventDefault();
        const rect = canvas.getBoundingClientRect();
        this.zoomAt(e.clientX - rect.left, e.clientY - rect.top, Math.exp(-e.deltaY * 0.0015));
      }, { passive: false });
      // Arrows pan, + and - zoom, 0 shows everything, Enter opens the entity in the middle, Escape lets go of the selection.
      canvas.addEventListener("keydown", e => {
        const { w, h } = this.size(), step = 60;
        const actions = {
          ArrowLeft: () => this.panBy(step, 0), ArrowRight: () => this.panBy(-step, 0),
          ArrowUp: () => this.panBy(0, step), ArrowDown: () => this.panBy(0, -step),
          "+": () => this.zoomAt(w / 2, h / 2, 1.3), "=": () => this.zoomAt(w / 2, h / 2, 1.3), "-": () => this.zoomAt(w / 2, h / 2, 1 / 1.3),
          "0": () => this.fit(),
          Enter: () => { const node = this.nodeAt(w / 2, h / 2); if (node >= 0) this.onSelect(this.keys[node]); },
          Escape: () => this.onSelect(null),
        };
        if (actions[e.key]) { e.preventDefault(); actions[e.key](); }
      });
      new ResizeObserver(() => this.requestDraw(true)).observe(canvas);
    }
  }

  return { Explorer, colourOf };
})();
