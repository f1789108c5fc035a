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
  var elements = [];
  data.nodes.forEach(function (n) {
    elements.push({ group: "nodes", data: { id: n.id, type: n.label, name: n.name, size: n.size },
                    position: { x: n.x, y: n.y } });
  });
  data.edges.forEach(function (e) {
    elements.push({ group: "edges", data: { id: "e:" + e.id, source: e.source, target: e.target, type: e.type } });
  });

  var style = [
    { selector: "node", style: {
        "width": "data(size)", "height": "data(size)", "label": "data(name)", "font-size": 10,
        "min-zoomed-font-size": 7, "text-valign": "bottom", "text-margin-y": 2, "color": "#333",
        "text-max-width": 140, "text-wrap": "ellipsis", "border-width": 0 } },
    { selector: "edge", style: {
        "events": "no",  // clicks go to the nodes under an edge
        "width": 1, "line-color": "#c8c8c8", "opacity": 0.7,
        "curve-style": big ? "haystack" : "bezier",
        "target-arrow-shape": big ? "none" : "triangle", "target-arrow-color": "#c8c8c8", "arrow-scale": 0.6 } },
    { selector: "node.match", style: { "border-width": 3, "border-color": "#000" } },
    { selector: "node:selected", style: { "border-width": 4, "border-color": "#ffbf00" } },
    { selector: "node.faded", style: { "opacity": 0.25 } },
    { selector: "edge.faded", style: { "opacity": 0.1 } },
    { selector: "edge.near", style: { "line-color": "#555", "target-arrow-color": "#555", "width": 2, "opacity": 1 } }
  ];
  Object.keys(data.types).forEach(function (label) {
    var t = data.types[label];
    style.push({ selector: 'node[type = "' + label + '"]', style: { "background-color": t.color, "shape": t.shape } });
  });

  var cy = cytoscape({
    container: document.getElementById("cy"),
    elements: elements,
    style: style,
    layout: { name: "preset", fit: true, padding: 20 },
    minZoom: 0.02, maxZoom: 6,
    textureOnViewport: big, hideEdgesOnViewport: big, motionBlur: false,
    pixelRatio: big ? 1 : "auto"
  });

  // ------------------------------------------------------------------ helpers
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
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
  var fromInput = document.getElementById("date-from");
  var toInput = document.getElementById("date-to");
  if (data.date_min) { fromInput.min = toInput.min = data.date_min; }
  if (data.date_max) { fromInput.max = toInput.max = data.date_max; }
  fromInput.addEventListener("change", applyFilters);
  toInput.addEventListener("change", applyFilters);
  document.getElementById("reset").addEventListener("click", function () {
    fromInput.value = ""; toInput.value = "";
    typeBox.querySelectorAll("input").forEach(function (b) { b.checked = true; enabled[b.value] = true; });
    document.getElementById("search").value = ""; showResults([]);
    cy.elements().removeClass("match faded near"); cy.$(":selected").unselect();
    applyFilters(); cy.fit(undefined, 20);
  });

  // Same rule as the exporter's --since/--until: dated nodes in the range, and undated nodes touching one of them.
  function applyFilters() {
    var from = fromInput.value || "0000-01-01";
    var to = toInput.value || "9999-12-31";
    var ranged = !!(fromInput.value || toInput.value);
    var datedIn = {};
    data.nodes.forEach(function (n) {
      if (n.date_from && n.date_from <= to && n.date_to >= from) datedIn[n.id] = true;
    });
    var visible = {};
    cy.batch(function () {
      cy.nodes().forEach(function (node) {
        var n = nodesById[node.id()];
        var show = enabled[n.label] !== false;
        if (show && ranged) {
          if (n.date_from) show = !!datedIn[n.id];
          else show = node.neighborhood("node").some(function (m) { return datedIn[m.id()]; });
        }
        visible[n.id] = show;
        node.style("display", show ? "element" : "none");
      });
    });
    updateStatus();
  }

  function drawnNodeCount() {
    // nodes displayed whose box lies (at least partly) in the viewport
    var ext = cy.extent();
    return cy.nodes().filter(function (n) {
      if (!n.visible()) return false;
      var b = n.boundingBox();
      return b.x2 >= ext.x1 && b.x1 <= ext.x2 && b.y2 >= ext.y1 && b.y1 <= ext.y2;
    }).length;
  }
  function updateStatus() {
    var shown = cy.nodes(":visible").length;
    document.getElementById("status").textContent =
      shown + " of " + data.nodes.length + " nodes, " + cy.edges(":visible").length + " of " + data.edges.length + " links";
    document.body.dataset.shownNodes = String(shown);
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
    // people, countries and meetings first, then by name
    var rank = { Person: 0, Country: 1, Organization: 2, Meeting: 3, Pledge: 4, Statement: 5, Article: 6 };
    hits.sort(function (a, b) {
      var ra = rank[nodesById[a].label], rb = rank[nodesById[b].label];
      return ra !== rb ? ra - rb : nodesById[a].name.localeCompare(nodesById[b].name);
    });
    return hits;
  }
  function showResults(ids) {
    resultsList.textContent = "";
    ids.slice(0, 30).forEach(function (id, i) {
      var n = nodesById[id];
      var li = el("li", n.name + " · " + n.label);
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
        cy.nodes().removeClass("match");
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

  // ------------------------------------------------------------------ details panel
  var panel = document.getElementById("details");
  var body = document.getElementById("details-body");
  document.getElementById("close-details").addEventListener("click", function () {
    panel.hidden = true; cy.elements().removeClass("faded near"); cy.$(":selected").unselect(); cy.resize();
  });

  function select(id, centre) {
    var node = cy.getElementById(id);
    if (node.empty()) return;
    if (node.style("display") === "none") node.style("display", "element");
    cy.$(":selected").unselect();
    node.select();
    var hood = node.closedNeighborhood();
    cy.batch(function () {
      cy.elements().addClass("faded").removeClass("near");
      hood.removeClass("faded");
      node.connectedEdges().addClass("near");
    });
    showDetails(id);
    if (centre) cy.stop(true, true).animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 250 });
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

    var facts = section("Facts", "facts");
    var fl = el("ul");
    outgoing.concat(incoming).forEach(function (e) {
      if (e.type === "SOURCED_FROM") return;
      var li = el("li");
      var out = e.source === id;
      li.appendChild(document.createTextNode(out ? e.type + " → " : "← " + e.type + " "));
      li.appendChild(nodeLink(out ? e.target : e.source));
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
    if (evt.target === cy) { cy.elements().removeClass("faded near"); }
  });

  applyFilters();
  // the header grew when the filters were added: let Cytoscape measure its container again
  cy.resize();
  cy.fit(undefined, 20);

  // A small API for notebooks, tests and the curious: window.coalitionGraph
  window.coalitionGraph = {
    cy: cy, data: data, search: search, select: select, applyFilters: applyFilters,
    nodeCount: data.nodes.length, drawnNodeCount: drawnNodeCount, ready: true
  };
  document.body.dataset.ready = "true";
})();
