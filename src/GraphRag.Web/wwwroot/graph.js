// An entity's neighbourhood drawn as SVG: a small force layout (repulsion between all nodes,
// springs along relations, a pull towards the centre), laid out before drawing so the picture
// does not wobble, then draggable. Every node is an SVG link: Tab reaches it, Enter opens it.
"use strict";

const GraphView = (() => {
  const SVG = "http://www.w3.org/2000/svg";
  const WIDTH = 800, HEIGHT = 600;
  const PALETTE = ["#0b5cad", "#b4530b", "#2e7d32", "#8e24aa", "#c62828", "#00838f", "#6d4c41", "#546e7a"];

  function colourOf(type, types) {
    if (!types.has(type)) types.set(type, PALETTE[types.size % PALETTE.length]);
    return types.get(type);
  }

  // Starts on rings by distance from the centre entity, so the layout converges to the same picture each time.
  function layout(nodes, edges, iterations = 300) {
    const byDistance = new Map();
    for (const n of nodes) {
      const ring = byDistance.get(n.distance) ?? [];
      ring.push(n);
      byDistance.set(n.distance, ring);
    }
    for (const [distance, ring] of byDistance) {
      ring.forEach((n, i) => {
        const angle = (2 * Math.PI * i) / ring.length + distance * 0.4;
        n.x = WIDTH / 2 + Math.cos(angle) * distance * 150;
        n.y = HEIGHT / 2 + Math.sin(angle) * distance * 150;
      });
    }
    const index = new Map(nodes.map(n => [n.key, n]));
    const springs = edges.map(e => [index.get(e.source), index.get(e.target)]).filter(([a, b]) => a && b);
    for (let step = 0; step < iterations; step++) {
      const cooling = 1 - step / iterations;
      for (const n of nodes) { n.fx = 0; n.fy = 0; }
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i], b = nodes[j];
          let dx = a.x - b.x, dy = a.y - b.y;
          const d2 = Math.max(dx * dx + dy * dy, 25);
          const push = 9000 / d2;
          const d = Math.sqrt(d2);
          dx /= d; dy /= d;
          a.fx += dx * push; a.fy += dy * push;
          b.fx -= dx * push; b.fy -= dy * push;
        }
      }
      for (const [a, b] of springs) {
        const dx = b.x - a.x, dy = b.y - a.y;
        const d = Math.max(Math.hypot(dx, dy), 1);
        const pull = (d - 130) * 0.04;
        a.fx += (dx / d) * pull; a.fy += (dy / d) * pull;
        b.fx -= (dx / d) * pull; b.fy -= (dy / d) * pull;
      }
      for (const n of nodes) {
        n.fx += (WIDTH / 2 - n.x) * 0.01;
        n.fy += (HEIGHT / 2 - n.y) * 0.01;
        if (n.distance === 0) continue;
        const limit = 20 * cooling + 1;
        n.x += Math.max(-limit, Math.min(limit, n.fx));
        n.y += Math.max(-limit, Math.min(limit, n.fy));
        n.x = Math.max(40, Math.min(WIDTH - 40, n.x));
        n.y = Math.max(30, Math.min(HEIGHT - 30, n.y));
      }
    }
    fit(nodes);
  }

  // A small neighbourhood settles in the middle: spread it over the drawing (at most 2.5 times),
  // leaving room on the right for labels.
  function fit(nodes) {
    if (nodes.length < 2) return;
    const xs = nodes.map(n => n.x), ys = nodes.map(n => n.y);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const scale = Math.min((WIDTH - 260) / Math.max(maxX - minX, 1), (HEIGHT - 100) / Math.max(maxY - minY, 1), 2.5);
    const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
    for (const n of nodes) {
      n.x = WIDTH / 2 - 60 + (n.x - cx) * scale;
      n.y = HEIGHT / 2 + (n.y - cy) * scale;
    }
  }

  function element(name, attributes = {}, parent = null) {
    const el = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
    if (parent) parent.appendChild(el);
    return el;
  }

  /**
   * @param svg the <svg> to draw into (emptied first)
   * @param graph {center, nodes:[{key,name,type,distance}], edges:[{source,target,type,weight}]}
   * @param hrefOf node -> the link that opens it
   */
  function render(svg, graph, hrefOf) {
    svg.replaceChildren();
    svg.setAttribute("viewBox", `0 0 ${WIDTH} ${HEIGHT}`);
    const nodes = graph.nodes.map(n => ({ ...n }));
    layout(nodes, graph.edges);
    const index = new Map(nodes.map(n => [n.key, n]));
    const types = new Map();

    const edgeLayer = element("g", { class: "edges" }, svg);
    const lines = graph.edges
      .filter(e => index.has(e.source) && index.has(e.target))
      .map(e => {
        const line = element("line", { "stroke-width": Math.min(1 + Math.log2(1 + e.weight), 6) }, edgeLayer);
        element("title", {}, line).textContent = `${index.get(e.source).name} ${e.type} ${index.get(e.target).name} (${e.weight})`;
        return { line, a: index.get(e.source), b: index.get(e.target) };
      });
    const place = () => {
      for (const { line, a, b } of lines) {
        line.setAttribute("x1", a.x); line.setAttribute("y1", a.y);
        line.setAttribute("x2", b.x); line.setAttribute("y2", b.y);
      }
    };

    const nodeLayer = element("g", { class: "nodes" }, svg);
    // Nearest first, so Tab visits the neighbourhood outwards from the centre.
    for (const n of [...nodes].sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))) {
      const link = element("a", { href: hrefOf(n), "aria-label": `${n.name} (${n.type}), ${n.distance} step${n.distance === 1 ? "" : "s"} away` }, nodeLayer);
      const group = element("g", { class: n.key === graph.center ? "node center" : "node", transform: `translate(${n.x},${n.y})` }, link);
      element("circle", { r: n.key === graph.center ? 14 : 9, fill: colourOf(n.type, types) }, group);
      const label = element("text", { x: 13, y: 4 }, group);
      label.textContent = n.name.length > 28 ? n.name.slice(0, 27) + "…" : n.name;
      n.group = group;
      draggable(svg, link, n, () => { group.setAttribute("transform", `translate(${n.x},${n.y})`); place(); });
    }
    place();
    legend(svg, types);
  }

  function legend(svg, types) {
    const g = element("g", { class: "legend", transform: "translate(12,18)" }, svg);
    [...types].forEach(([type, colour], i) => {
      element("circle", { cx: 6, cy: i * 20, r: 6, fill: colour }, g);
      const t = element("text", { x: 18, y: i * 20 + 4, "font-size": 12 }, g);
      t.textContent = type;
    });
  }

  // A press that moves is a drag and must not follow the link; a press that stays put is a click.
  function draggable(svg, link, node, moved) {
    let start = null, dragged = false;
    link.addEventListener("pointerdown", e => {
      start = { x: e.clientX, y: e.clientY };
      dragged = false;
      link.setPointerCapture(e.pointerId);
    });
    link.addEventListener("pointermove", e => {
      if (!start) return;
      if (Math.hypot(e.clientX - start.x, e.clientY - start.y) > 4) dragged = true;
      if (!dragged) return;
      const point = svg.createSVGPoint();
      point.x = e.clientX; point.y = e.clientY;
      const local = point.matrixTransform(svg.getScreenCTM().inverse());
      node.x = local.x; node.y = local.y;
      moved();
    });
    link.addEventListener("pointerup", () => { start = null; });
    link.addEventListener("click", e => { if (dragged) { e.preventDefault(); dragged = false; } });
  }

  return { render, layout };
})();
