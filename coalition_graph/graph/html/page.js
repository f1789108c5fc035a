/* Coalition Graph page: draws the graph embedded in #graph-data with Cytoscape.js (preset layout
 * computed at export time), and wires search, type and date filters and the details panel.
 * Everything the data holds is put into the page with textContent, never as HTML. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var nodesById = {};
  data.nodes.forEach(function (n) { nodesById[n.id] = n; });
  var edgesById = {};
  data.edges.forEach(function (e) { edgesById[e.id] = e; });
  var big = data.nodes.length > 800;

  // ------------------------------------------------------------------ drawing
  // Two sets of positions computed at export time: the time axis (the first view, when meetings have dates)
  // and the force layout of the whole network. Labels are in model units (12 px at zoom 1); which nodes show
  // theirs is decided by placeLabels(), so that no two labels overlap.
  var FONT = '"DejaVu Sans", "Helvetica Neue", Helvetica, Arial, sans-serif';
  var FONT_SIZE = 12, LINE_HEIGHT = 1.2, LABEL_GAP = 4, MAX_LABELS = 400;
  var TIMELINE_TYPES = { Meeting: true, Person: true, Country: true, Organization: true };
  var RANK = { Meeting: 0, Person: 1, Country: 2, Organization: 3, Pledge: 4, Statement: 5, Article: 6 };
  var home = { network: {}, timeline: {} };
  data.nodes.forEach(function (n) {
    home.network[n.id] = { x: n.x, y: n.y };
    if (data.timeline) home.timeline[n.id] = { x: n.tx, y: n.ty };
  });
  var view = data.timeline ? "timeline" : "network";

  var elements = [];
  data.nodes.forEach(function (n) {
    elements.push({ group: "nodes", data: { id: n.id, type: n.label, name: n.name, lbl: n.lbl, size: n.size,
                                            tsize: n.tsize || n.size },
                    position: { x: home[view][n.id].x, y: home[view][n.id].y } });
  });
  data.edges.forEach(function (e) {
    elements.push({ group: "edges", data: { id: "e:" + e.id, source: e.source, target: e.target, type: e.type } });
  });
  if (data.timeline) {
    var ax = data.timeline.axis;
    elements.push({ group: "nodes", data: { id: "axis:line", axisLength: ax[1] - ax[0] }, classes: "axis axis-line",
                    position: { x: (ax[0] + ax[1]) / 2, y: ax[2] }, selectable: false, grabbable: false });
    data.timeline.ticks.forEach(function (t, i) {
      elements.push({ group: "nodes", data: { id: "axis:tick:" + i, tick: t[1] }, classes: "axis axis-tick",
                      position: { x: t[0], y: ax[2] }, selectable: false, grabbable: false });
    });
  }

  var style = [
    { selector: "node", style: {
        "width": "data(size)", "height": "data(size)", "border-width": 0, "label": "",
        "font-family": FONT, "font-size": FONT_SIZE, "line-height": LINE_HEIGHT, "color": "#222",
        "text-wrap": "wrap", "text-max-width": 2000, "min-zoomed-font-size": 5 } },
    { selector: "node.tl", style: { "width": "data(tsize)", "height": "data(tsize)" } },
    { selector: "node.labelled, node.peek", style: {
        "label": "data(lbl)", "text-valign": "bottom", "text-halign": "center", "text-margin-y": LABEL_GAP } },
    { selector: "node.side-right.labelled, node.side-right.peek", style: {
        "text-valign": "center", "text-halign": "right", "text-margin-x": LABEL_GAP, "text-margin-y": 0,
        "text-justification": "left" } },
    { selector: "node.side-left.labelled, node.side-left.peek", style: {
        "text-valign": "center", "text-halign": "left", "text-margin-x": -LABEL_GAP, "text-margin-y": 0,
        "text-justification": "right" } },
    { selector: "node.peek, node.centre", style: { "text-background-color": "#fff", "text-background-opacity": 0.92,
        "text-background-padding": 2, "z-index": 999 } },
    { selector: "edge", style: {
        "events": "no",  // clicks go to the nodes under an edge
        "width": 1, "line-color": "#c8c8c8", "opacity": 0.7,
        "curve-style": big ? "haystack" : "bezier",
        "target-arrow-shape": big ? "none" : "triangle", "target-arrow-color": "#c8c8c8", "arrow-scale": 0.6 } },
    { selector: "edge.tl", style: { "opacity": 0.35 } },
    { selector: "node.match", style: { "border-width": 3, "border-color": "#000" } },
    { selector: "node:selected", style: { "border-width": 4, "border-color": "#ffbf00" } },
    { selector: "node.faded", style: { "opacity": 0.15 } },
    { selector: "edge.faded", style: { "opacity": 0.06 } },
    { selector: "edge.near", style: { "line-color": "#555", "target-arrow-color": "#555", "width": 2, "opacity": 1 } },
    { selector: "node.axis", style: { "events": "no", "shape": "rectangle", "background-color": "#999" } },
    { selector: "node.axis-line", style: { "width": "data(axisLength)", "height": 1.5 } },
    { selector: "node.axis-tick", style: { "width": 1.5, "height": 12, "label": "data(tick)", "text-valign": "top",
        "text-margin-y": -2, "font-size": 11, "color": "#666" } },
    // while a node is in focus the axis steps back, its month labels gone from around the selection
    { selector: "node.axis.faded", style: { "opacity": 0.1, "label": "" } }
  ];
  Object.keys(data.types).forEach(function (label) {
    var t = data.types[label];
    style.push({ selector: 'node[type = "' + label + '"]', style: { "background-color": t.color, "shape": t.shape } });
  });

  // In the network view, zoomed out, labels keep their size on screen (so they read) and take more room
  // in the graph: fewer fit, the most important first, and zooming in makes room for the others.
  var labelScale = 1;
  function scaledStyle(k) {
    if (k === 1) return style;
    return style.concat([
      { selector: "node", style: { "font-size": FONT_SIZE * k } },
      { selector: "node.labelled, node.peek", style: { "text-margin-y": LABEL_GAP * k } },
      { selector: "node.side-right.labelled, node.side-right.peek", style: { "text-margin-x": LABEL_GAP * k, "text-margin-y": 0 } },
      { selector: "node.side-left.labelled, node.side-left.peek", style: { "text-margin-x": -LABEL_GAP * k, "text-margin-y": 0 } },
      { selector: "node.axis-tick", style: { "font-size": 11 } }
    ]);
  }

  var cy = cytoscape({
    container: document.getElementById("cy"),
    elements: elements,
    style: style,
    layout: { name: "preset", fit: false },
    minZoom: 0.02, maxZoom: 6,
    textureOnViewport: big, hideEdgesOnViewport: big, motionBlur: false,
    pixelRatio: big ? 1 : "auto"
  });
  var graphNodes = cy.nodes().not(".axis");
  var axisNodes = cy.nodes(".axis");

  // ------------------------------------------------------------------ helpers
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function dateText(n) {
    // ISO, as everywhere in Coalition Graph: 2025-03-27, 2025-03 for a month, a span as "from – to"
    if (!n || !n.date_from) return "";
    var cut = function (d) { return n.date_precision === "month" ? d.slice(0, 7) : d; };
    return n.date_to && n.date_to !== n.date_from ? cut(n.date_from) + " – " + cut(n.date_to) : cut(n.date_from);
  }
  function nodeLink(id) {
    var n = nodesById[id];
    var a = el("a", n ? n.name : id, "node-link");
    a.href = "#";
    a.dataset.node = id;
    a.addEventListener("click", function (ev) { ev.preventDefault(); select(id, true); });
    return a;
  }
  function articleLink(src) {
    var info = data.articles[src] || {};
    // Only http(s) is a link: javascript:, data:, file: and the like stay text, whatever an article says.
    var url = [info.url, src].filter(function (u) { return typeof u === "string" && /^https?:\/\/[^\s]/i.test(u); })[0] || null;
    var title = info.title || url || src;
    if (!url) return el("span", title);
    var a = el("a", title);
    a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
    return a;
  }
  function fmt(value) {
    if (Array.isArray(value)) return value.join(", ");
    if (typeof value === "number") return value.toLocaleString("en-GB");
    return value;
  }

  // ------------------------------------------------------------------ filters
  var typeBox = document.getElementById("type-filters");
  var counts = {};
  data.nodes.forEach(function (n) { counts[n.label] = (counts[n.label] || 0) + 1; });
  var enabled = {};
  Object.keys(data.types).forEach(function (label) {
    if (!counts[label]) return;
    enabled[label] = true;
    var lab = el("label");
    var box = el("input"); box.type = "checkbox"; box.checked = true; box.value = label; box.dataset.type = label;
    box.addEventListener("change", function () { enabled[label] = box.checked; applyFilters(); });
    var sw = el("span", "", "swatch"); sw.style.background = data.types[label].color;
    lab.appendChild(box); lab.appendChild(sw); lab.appendChild(document.createTextNode(label + " (" + counts[label] + ")"));
    typeBox.appendChild(lab);
  });
  function setTypes(which) {
    typeBox.querySelectorAll("input").forEach(function (b) { b.checked = which(b.value); enabled[b.value] = b.checked; });
  }
  var fromInput = document.getElementById("date-from");
  var toInput = document.getElementById("date-to");
  if (data.date_min) fromInput.placeholder = data.date_min;
  if (data.date_max) toInput.placeholder = data.date_max;
  fromInput.title = toInput.title = "YYYY-MM-DD, YYYY-MM or YYYY";

  // "2025", "2025-03" or "2025-03-27" → the first (or, for `end`, the last) day it names; null if empty; false if not a date
  function isoDay(text, end) {
    var t = text.trim();
    if (!t) return null;
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(t);
    if (!m) return false;
    var y = +m[1], mo = m[2] ? +m[2] : (end ? 12 : 1);
    if (mo < 1 || mo > 12) return false;
    var last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    var d = m[3] ? +m[3] : (end ? last : 1);
    if (d < 1 || d > last) return false;
    return String(y).padStart(4, "0") + "-" + String(mo).padStart(2, "0") + "-" + String(d).padStart(2, "0");
  }
  var dateProblem = "";
  function dateBound(input, end) {
    var day = isoDay(input.value, end);
    input.setAttribute("aria-invalid", day === false ? "true" : "false");
    if (day === false) dateProblem = "“" + input.value.trim() + "” is not a date: write YYYY-MM-DD, YYYY-MM or YYYY";
    return day || null;
  }
  fromInput.addEventListener("input", applyFilters);
  toInput.addEventListener("input", applyFilters);
  fromInput.addEventListener("change", applyFilters);
  toInput.addEventListener("change", applyFilters);
  document.getElementById("reset").addEventListener("click", function () {
    fromInput.value = ""; toInput.value = "";
    document.getElementById("search").value = ""; showResults([]);
    cy.elements().removeClass("match");
    closeDetails();
    setView(view);
  });

  // Same rule as the exporter's --since/--until: dated nodes in the range, and undated nodes touching one of them.
  function applyFilters() {
    leaveFocus();
    dateProblem = "";
    var fromDay = dateBound(fromInput, false), toDay = dateBound(toInput, true);
    var from = fromDay || "0000-01-01";
    var to = toDay || "9999-12-31";
    var ranged = !!(fromDay || toDay);
    var datedIn = {};
    data.nodes.forEach(function (n) {
      if (n.date_from && n.date_from <= to && n.date_to >= from) datedIn[n.id] = true;
    });
    cy.batch(function () {
      graphNodes.forEach(function (node) {
        var n = nodesById[node.id()];
        var show = enabled[n.label] !== false;
        if (show && ranged) {
          if (n.date_from) show = !!datedIn[n.id];
          else show = node.neighborhood("node").some(function (m) { return datedIn[m.id()]; });
        }
        node.style("display", show ? "element" : "none");
      });
      axisNodes.style("display", view === "timeline" ? "element" : "none");
    });
    updateStatus();
    scheduleLabels();
  }

  function inExtent(b, ext) { return b.x2 >= ext.x1 && b.x1 <= ext.x2 && b.y2 >= ext.y1 && b.y1 <= ext.y2; }
  function drawnNodeCount() {
    // nodes displayed whose box lies (at least partly) in the viewport
    var ext = cy.extent();
    return graphNodes.filter(function (n) { return n.visible() && inExtent(n.boundingBox(), ext); }).length;
  }
  function updateStatus() {
    var shown = graphNodes.filter(":visible").length;
    document.getElementById("status").textContent = (dateProblem ? dateProblem + " · " : "") +
      shown + " of " + data.nodes.length + " nodes, " + cy.edges(":visible").length + " of " + data.edges.length + " links";
    document.body.dataset.shownNodes = String(shown);
  }

  // ------------------------------------------------------------------ labels
  // Every label is a box in model coordinates (the font scales with the zoom), so which labels fit together
  // does not depend on the zoom: the most important nodes in view get theirs, the others only if nothing is
  // in the way; the rest show on hover, on zooming in, or around a selected node.
  var measure = document.createElement("canvas").getContext("2d");
  measure.font = FONT_SIZE + "px " + FONT;
  var labelSizes = {};
  function labelSize(id) {
    if (!labelSizes[id]) {
      var lines = String(nodesById[id].lbl || "").split("\n");
      var w = 0;
      lines.forEach(function (line) { w = Math.max(w, measure.measureText(line).width); });
      labelSizes[id] = { w: w, h: lines.length * FONT_SIZE * LINE_HEIGHT };
    }
    return labelSizes[id];
  }
  function labelBox(node, pad) {
    var p = node.position(), half = node.width() / 2, base = labelSize(node.id()), x1, y1, k = labelScale;
    var size = { w: base.w * k, h: base.h * k }, gap = LABEL_GAP * k;
    pad = (pad === undefined ? 2 : pad) * k;
    if (node.hasClass("side-right")) { x1 = p.x + half + gap; y1 = p.y - size.h / 2; }
    else if (node.hasClass("side-left")) { x1 = p.x - half - gap - size.w; y1 = p.y - size.h / 2; }
    else { x1 = p.x - size.w / 2; y1 = p.y + half + gap; }
    return { x1: x1 - pad, y1: y1 - pad, x2: x1 + size.w + pad, y2: y1 + size.h + pad };
  }
  function bodyBox(node) {
    var p = node.position(), half = node.width() / 2;
    return { x1: p.x - half, y1: p.y - half, x2: p.x + half, y2: p.y + half };
  }
  function Grid(cell) { this.cell = cell; this.cells = {}; }
  Grid.prototype.keys = function (b) {
    var out = [], c = this.cell;
    for (var i = Math.floor(b.x1 / c); i <= Math.floor(b.x2 / c); i++)
      for (var j = Math.floor(b.y1 / c); j <= Math.floor(b.y2 / c); j++) out.push(i + ":" + j);
    return out;
  };
  Grid.prototype.add = function (b, owner) {
    var cells = this.cells;
    this.keys(b).forEach(function (k) { (cells[k] = cells[k] || []).push({ b: b, owner: owner }); });
  };
  Grid.prototype.hits = function (b, owner) {
    var cells = this.cells;
    return this.keys(b).some(function (k) {
      return (cells[k] || []).some(function (o) {
        return o.owner !== owner && o.b.x1 < b.x2 && o.b.x2 > b.x1 && o.b.y1 < b.y2 && o.b.y2 > b.y1;
      });
    });
  };
  function priority(node) {
    var n = nodesById[node.id()];
    if (focus && node.id() === focus.id) return -2;
    if (focus && focus.arranged[node.id()]) return -1;
    return RANK[n.label] !== undefined ? RANK[n.label] : 7;
  }
  function placeLabels() {
    labelTimer = null;
    var k = view === "network" && !focus && cy.zoom() < 1 ? 1 / cy.zoom() : 1;
    if (Math.abs(k - labelScale) > 1e-3) { labelScale = k; cy.style(scaledStyle(k)); }
    var ext = cy.extent();
    var candidates = graphNodes.filter(function (n) {
      return n.visible() && !n.hasClass("faded") && inExtent(bodyBox(n), ext);
    }).toArray();
    candidates.sort(function (a, b) {
      return priority(a) - priority(b) || nodesById[b.id()].degree - nodesById[a.id()].degree ||
        (a.id() < b.id() ? -1 : 1);
    });
    var grid = new Grid(150);
    candidates.forEach(function (n) { grid.add(bodyBox(n), n.id()); });
    var chosen = {};
    var count = 0;
    candidates.forEach(function (n) {
      if (count >= MAX_LABELS || !nodesById[n.id()].lbl) return;
      var box = labelBox(n);
      if (grid.hits(box, n.id())) return;
      grid.add(box, n.id());
      chosen[n.id()] = true;
      count++;
    });
    cy.batch(function () {
      graphNodes.forEach(function (n) {
        if (chosen[n.id()]) n.addClass("labelled"); else n.removeClass("labelled");
      });
    });
    document.body.dataset.labels = String(count);
  }
  var labelTimer = null;
  function scheduleLabels() {
    if (labelTimer) clearTimeout(labelTimer);
    labelTimer = setTimeout(placeLabels, 60);
  }
  cy.on("viewport", scheduleLabels);
  cy.on("mouseover", "node", function (evt) { if (!evt.target.hasClass("axis")) evt.target.addClass("peek"); });
  cy.on("mouseout", "node", function (evt) { evt.target.removeClass("peek"); });

  // ------------------------------------------------------------------ views
  var hint = document.getElementById("hint");
  var viewButtons = document.querySelectorAll("[data-view]");
  viewButtons.forEach(function (b) {
    if (b.dataset.view === "timeline" && !data.timeline) b.disabled = true;
    b.addEventListener("click", function () { closeDetails(); setView(b.dataset.view); });
  });
  function setView(name) {
    leaveFocus();
    view = name === "timeline" && data.timeline ? "timeline" : "network";
    var timeline = view === "timeline";
    cy.batch(function () {
      graphNodes.forEach(function (n) { n.position(home[view][n.id()]); });
      graphNodes.toggleClass("tl", timeline).toggleClass("side-right", timeline);
      cy.edges().toggleClass("tl", timeline);
    });
    viewButtons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.dataset.view === view)); });
    setTypes(function (label) { return !timeline || !!TIMELINE_TYPES[label]; });
    applyFilters();
    hint.textContent = timeline
      ? "Meetings by date on the axis, who attended above it, countries and organisations below. " +
        "Click a node for its neighbourhood; tick Pledge, Statement or Article to see them too."
      : "Every node, placed by its links. Zoom in for more labels, click a node for its neighbourhood.";
    openView();
  }
  function openView() {
    // the time axis opens at a zoom where labels read (12 px), on the latest meetings; the network fits the window
    cy.resize();
    var shown = graphNodes.filter(":visible");
    if (!shown.length) { cy.fit(undefined, 20); placeLabels(); return; }
    cy.fit(shown, 30);
    if (view === "timeline" && cy.zoom() < 0.9) {
      var bb = shown.boundingBox({ includeLabels: false });
      var z = 0.9;
      var top = Math.max(bb.y1, -cy.height() / (2 * z));
      cy.viewport({ zoom: z, pan: { x: cy.width() - 40 - z * (bb.x2 + 150), y: 20 - z * top } });
    }
    placeLabels();
  }

  // ------------------------------------------------------------------ search
  var searchInput = document.getElementById("search");
  var resultsList = document.getElementById("search-results");
  var searchIndex = data.nodes.map(function (n) {
    var words = [n.name, n.id].concat(n.props.aliases || []);
    return { id: n.id, text: words.join(" \u0001 ").toLowerCase() };
  });
  function search(text) {
    var q = text.trim().toLowerCase();
    if (!q) return [];
    var hits = searchIndex.filter(function (s) { return s.text.indexOf(q) >= 0; }).map(function (s) { return s.id; });
    // people, countries and meetings first, then by name (meetings of one name by date)
    var rank = { Person: 0, Country: 1, Organization: 2, Meeting: 3, Pledge: 4, Statement: 5, Article: 6 };
    hits.sort(function (a, b) {
      var na = nodesById[a], nb = nodesById[b];
      var ra = rank[na.label], rb = rank[nb.label];
      return ra !== rb ? ra - rb : na.name.localeCompare(nb.name) || (na.date_from || "").localeCompare(nb.date_from || "");
    });
    return hits;
  }
  function showResults(ids) {
    resultsList.textContent = "";
    ids.slice(0, 30).forEach(function (id, i) {
      var n = nodesById[id];
      var li = el("li", n.name + " · " + n.label);
      var when = dateText(n);
      if (when) li.appendChild(el("span", " · " + when, "date"));
      li.dataset.node = id;
      li.setAttribute("role", "option");
      if (i === 0) li.className = "active";
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); select(id, true); showResults([]); });
      resultsList.appendChild(li);
    });
  }
  var searchTimer = null;
  searchInput.addEventListener("input", function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () {
      var ids = search(searchInput.value);
      cy.batch(function () {
        graphNodes.removeClass("match");
        ids.forEach(function (id) { cy.getElementById(id).addClass("match"); });
      });
      showResults(ids);
    }, 120);
  });
  searchInput.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var ids = search(searchInput.value);
      if (ids.length) { select(ids[0], true); showResults([]); }
    } else if (ev.key === "Escape") {
      showResults([]);
    }
  });
  searchInput.addEventListener("blur", function () { setTimeout(function () { showResults([]); }, 150); });

  // ------------------------------------------------------------------ focus on a node
  // The selected node stays where it is; its neighbours are set out in columns on both sides of it (by type,
  // meetings by date), each with its label on the outer side, and the view zooms to them. Columns are as tall
  // as the window allows and only as many as fit, so every label around the selection reads and none overlap.
  var focus = null;
  var ROW_GAP = 8, COLUMN_GAP = 28, FOCUS_MAX_ZOOM = 1.4;
  function leaveFocus() {
    if (!focus) return;
    var was = focus;
    focus = null;
    hint.hidden = false;
    cy.getElementById(was.id).removeClass("centre");
    cy.batch(function () {
      Object.keys(was.arranged).forEach(function (id) {
        var node = cy.getElementById(id);
        node.position(home[view][id]).removeClass("side-left side-right");
        if (view === "timeline") node.addClass("side-right");
      });
      cy.elements().removeClass("faded near");
    });
  }
  function focusOn(id) {
    leaveFocus();
    var node = cy.getElementById(id);
    var centre = home[view][id];
    var hood = node.neighborhood("node").not(".axis").toArray();
    hood.sort(function (a, b) {
      var na = nodesById[a.id()], nb = nodesById[b.id()];
      return (RANK[na.label] - RANK[nb.label]) || (na.date_from || "").localeCompare(nb.date_from || "") ||
        na.name.localeCompare(nb.name);
    });
    var usableH = Math.max(200, cy.height() - 60), usableW = Math.max(300, cy.width() - 60);
    var half = node.width() / 2;
    var centreGap = Math.max(60, labelSize(id).w / 2 + COLUMN_GAP, half + COLUMN_GAP);
    // as many columns as the height needs, at least two beyond a few neighbours (one each side, so the
    // zoom stays high), filled evenly rather than one full column and a short one
    var rowHeight = function (n) { return Math.max(labelSize(n.id()).h, n.width()) + ROW_GAP; };
    var totalH = hood.reduce(function (h, n) { return h + rowHeight(n); }, 0);
    var wanted = Math.max(Math.ceil(totalH / usableH), hood.length > 8 ? 2 : 1);
    var columnH = Math.min(usableH, Math.ceil(totalH / wanted) + ROW_GAP);
    var columns = [], current = null;
    hood.forEach(function (n) {
      var rowH = rowHeight(n);
      if (!current || current.h + rowH > columnH) { current = { items: [], h: 0, w: 0 }; columns.push(current); }
      current.items.push(n);
      current.h += rowH;
      current.w = Math.max(current.w, n.width() + LABEL_GAP + labelSize(n.id()).w);
    });
    // columns alternate right and left of the node, while the whole still fits the window at zoom 1
    var offset = { right: centreGap, left: centreGap }, arranged = {}, used = 2 * centreGap;
    var moved = [];
    columns.some(function (col, i) {
      var side = i % 2 === 0 ? "right" : "left";
      if (i > 0 && used + col.w + COLUMN_GAP > usableW) return true;
      used += col.w + COLUMN_GAP;
      var y = centre.y - col.h / 2;
      col.items.forEach(function (n) {
          var rowH = rowHeight(n);
        var x = side === "right" ? centre.x + offset[side] + n.width() / 2 : centre.x - offset[side] - n.width() / 2;
        moved.push([n, { x: x, y: y + rowH / 2 }, side]);
        arranged[n.id()] = true;
        y += rowH;
      });
      offset[side] += col.w + COLUMN_GAP;
      return false;
    });
    focus = { id: id, arranged: arranged, left: hood.length - moved.length };
    if (labelScale !== 1) { labelScale = 1; cy.style(scaledStyle(1)); }  // the columns are laid out for labels at zoom 1
    hint.hidden = true;
    cy.batch(function () {
      graphNodes.addClass("faded");
      axisNodes.addClass("faded");
      cy.edges().addClass("faded");
      node.position(centre).removeClass("faded side-left side-right").addClass("centre").style("display", "element");
      moved.forEach(function (m) {
        m[0].position(m[1]).removeClass("faded side-left side-right").addClass("side-" + m[2]).style("display", "element");
      });
      node.connectedEdges().filter(function (e) { return arranged[e.source().id()] || arranged[e.target().id()]; })
        .removeClass("faded").addClass("near");
    });
    // zoom to the node and its neighbours, labels included
    var bb = { x1: centre.x - half, x2: centre.x + half, y1: centre.y - half, y2: centre.y + half + labelSize(id).h + LABEL_GAP };
    moved.forEach(function (m) {
      var b = labelBox(m[0], 0), c = bodyBox(m[0]);
      bb = { x1: Math.min(bb.x1, b.x1, c.x1), y1: Math.min(bb.y1, b.y1, c.y1), x2: Math.max(bb.x2, b.x2, c.x2), y2: Math.max(bb.y2, b.y2, c.y2) };
    });
    var z = Math.min(FOCUS_MAX_ZOOM, (cy.width() - 40) / (bb.x2 - bb.x1), (cy.height() - 40) / (bb.y2 - bb.y1));
    var pan = { x: cy.width() / 2 - z * (bb.x1 + bb.x2) / 2, y: cy.height() / 2 - z * (bb.y1 + bb.y2) / 2 };
    placeLabels();
    cy.stop(true, true).animate({ zoom: z, pan: pan }, { duration: 250, complete: placeLabels });
  }

  // ------------------------------------------------------------------ details panel
  var panel = document.getElementById("details");
  var body = document.getElementById("details-body");
  function closeDetails() {
    panel.hidden = true; leaveFocus(); cy.$(":selected").unselect(); cy.resize(); applyFilters();
  }
  document.getElementById("close-details").addEventListener("click", closeDetails);
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && focus && document.activeElement !== searchInput) closeDetails();
  });

  function select(id, centre) {
    var node = cy.getElementById(id);
    if (node.empty() || node.hasClass("axis")) return;
    cy.$(":selected").unselect();
    node.select();
    showDetails(id);  // the panel takes its width first, so the neighbourhood is set out for what is left
    focusOn(id);
  }

  function section(title, id) {
    var h = el("h3", title);
    body.appendChild(h);
    var box = el("div");
    if (id) box.id = id;
    body.appendChild(box);
    return box;
  }

  function showDetails(id) {
    var n = nodesById[id];
    panel.hidden = false;
    body.textContent = "";
    body.dataset.node = id;
    var h = el("h2", n.name);
    body.appendChild(h);
    var badge = el("span", n.label, "badge");
    badge.style.background = (data.types[n.label] || {}).color || "#999";
    body.appendChild(badge);
    if (dateText(n)) body.appendChild(el("span", " " + dateText(n), "date"));
    body.appendChild(el("div", id, "id"));

    var props = section("Properties", "properties");
    var table = el("table");
    Object.keys(n.props).forEach(function (k) {
      if (k === "sources" || n.props[k] === null || n.props[k] === "") return;
      var tr = el("tr");
      tr.appendChild(el("td", k));
      tr.appendChild(el("td", fmt(n.props[k])));
      table.appendChild(tr);
    });
    props.appendChild(table);

    var incoming = [], outgoing = [];
    data.edges.forEach(function (e) {
      if (e.target === id) incoming.push(e);
      if (e.source === id) outgoing.push(e);
    });

    if (n.label === "Meeting") {
      var att = section("Attendees", "attendees");
      var ul = el("ul");
      incoming.filter(function (e) { return e.type === "ATTENDED"; }).forEach(function (e) {
        var li = el("li");
        li.appendChild(nodeLink(e.source));
        var extra = [e.props.role, e.props.status].filter(Boolean).join(", ");
        if (extra) li.appendChild(el("span", " (" + extra + ")", "muted"));
        li.dataset.attendee = e.source;
        ul.appendChild(li);
      });
      if (!ul.children.length) ul.appendChild(el("li", "none recorded", "muted"));
      att.appendChild(ul);
    }

    // facts by relationship type, and those of one type by the date of the other end
    var facts = section("Facts", "facts");
    var fl = el("ul");
    var other = function (e) { return nodesById[e.source === id ? e.target : e.source] || {}; };
    outgoing.concat(incoming).filter(function (e) { return e.type !== "SOURCED_FROM"; }).sort(function (a, b) {
      return a.type.localeCompare(b.type) || (other(a).date_from || "").localeCompare(other(b).date_from || "");
    }).forEach(function (e) {
      var li = el("li");
      var out = e.source === id;
      var end = out ? e.target : e.source;
      li.appendChild(document.createTextNode(out ? e.type + " → " : "← " + e.type + " "));
      li.appendChild(nodeLink(end));
      var when = dateText(nodesById[end]);
      if (when) li.appendChild(el("span", " " + when, "date"));
      li.dataset.other = end;
      var bits = Object.keys(e.props).filter(function (k) { return k !== "sources" && e.props[k] !== null && e.props[k] !== ""; })
        .map(function (k) { return k + ": " + fmt(e.props[k]); });
      if (bits.length) li.appendChild(el("span", " (" + bits.join("; ") + ")", "muted"));
      fl.appendChild(li);
    });
    if (!fl.children.length) fl.appendChild(el("li", "none", "muted"));
    facts.appendChild(fl);

    var src = section("Sources", "sources");
    var sl = el("ul");
    (n.props.sources || []).forEach(function (s) {
      var li = el("li");
      li.appendChild(articleLink(s));
      sl.appendChild(li);
    });
    if (!sl.children.length) sl.appendChild(el("li", "none", "muted"));
    src.appendChild(sl);

    // evidence of the node, then of its relationships
    var ev = section("Evidence", "evidence");
    var items = (data.evidence[id] || []).map(function (x) { return { x: x, about: null }; });
    outgoing.concat(incoming).forEach(function (e) {
      (data.evidence[e.id] || []).forEach(function (x) { items.push({ x: x, about: e }); });
    });
    var seen = {};
    items.forEach(function (item) {
      var key = item.x.sentence + "\u0001" + item.x.source;
      if (seen[key]) return;
      seen[key] = true;
      var q = el("blockquote", item.x.sentence);
      var cite = el("div", "", "muted");
      cite.appendChild(document.createTextNode("— "));
      cite.appendChild(articleLink(item.x.source));
      if (item.about) cite.appendChild(document.createTextNode(" · " + item.about.type));
      q.appendChild(cite);
      ev.appendChild(q);
    });
    if (!items.length) ev.appendChild(el("div", "no evidence sentence recorded", "muted"));
    cy.resize();
  }

  cy.on("tap", "node", function (evt) { select(evt.target.id(), false); });
  cy.on("tap", function (evt) {
    if (evt.target === cy && focus) closeDetails();
  });

  // the header grew when the filters were added: let Cytoscape measure its container again
  cy.resize();
  setView(view);

  // A small API for notebooks, tests and the curious: window.coalitionGraph
  window.coalitionGraph = {
    cy: cy, data: data, search: search, select: select, applyFilters: applyFilters, setView: setView,
    view: function () { return view; }, focus: function () { return focus; }, placeLabels: placeLabels,
    labelBox: labelBox, isoDay: isoDay, graphNodes: graphNodes, labelScale: function () { return labelScale; },
    nodeCount: data.nodes.length, drawnNodeCount: drawnNodeCount, ready: true
  };
  document.body.dataset.ready = "true";
})();
