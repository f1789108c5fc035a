"""The HTML page in a real browser: Debian's chromium driven by Playwright (never a downloaded browser).

Install the browser first with scripts/prepare_browser.sh (scripts/test.sh does). Screenshots go to
tests/artifacts/ (git-ignored).
"""
from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

import networkx as nx

from coalition_graph.graph.export import GraphFilter, export_graph, filter_graph
from coalition_graph.graph.export.filters import node_dates
from coalition_graph.graph.export.style import NODE_STYLE
from tests.graph_fixtures import synthetic_graph

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM.exists(), "Debian's chromium is missing: run scripts/prepare_browser.sh"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Page:
    """A page opened from disk, with its console errors and failed requests recorded."""

    def __init__(self, browser, path: Path, viewport=(1400, 900)):
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        started = time.monotonic()
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("window.coalitionGraph && window.coalitionGraph.ready", timeout=30_000)
        self.load_seconds = time.monotonic() - started

    def eval(self, js: str, arg=None):
        return self.page.evaluate(js, arg)

    def shown(self) -> int:
        return int(self.page.get_attribute("body", "data-shown-nodes"))

    def settle(self) -> None:
        """Wait for the viewport animation and the label placement that follows it."""
        self.page.wait_for_function("!coalitionGraph.cy.animated()")
        self.page.wait_for_timeout(150)

    def labels(self) -> list[dict]:
        """Every label drawn, as Cytoscape itself measures it (model coordinates), with its node's box."""
        return self.eval("""() => coalitionGraph.graphNodes.filter(n => n.visible() && n.hasClass('labelled')).map(n => ({
            id: n.id(), text: n.style('label'), label: n.boundingBox({includeNodes: false, includeEdges: false, includeLabels: true}),
            body: n.boundingBox({includeNodes: true, includeEdges: false, includeLabels: false})}))""")

    def in_view(self) -> list[str]:
        return self.eval("""() => { const e = coalitionGraph.cy.extent();
            return coalitionGraph.graphNodes.filter(n => { if (!n.visible()) return false; const p = n.position();
                return p.x >= e.x1 && p.x <= e.x2 && p.y >= e.y1 && p.y <= e.y2; }).map(n => n.id()); }""")


def overlaps(a: dict, b: dict, slack: float = 0.5) -> bool:
    return a["x1"] + slack < b["x2"] and b["x1"] + slack < a["x2"] and a["y1"] + slack < b["y2"] and b["y1"] + slack < a["y2"]


def assert_no_label_overlaps(labels: list[dict]) -> None:
    """No label over another label, nor over another labelled node."""
    for i, a in enumerate(labels):
        assert a["text"], a["id"]
        for b in labels[i + 1:]:
            assert not overlaps(a["label"], b["label"]), (a["id"], a["text"], b["id"], b["text"])
            assert not overlaps(a["label"], b["body"]) and not overlaps(b["label"], a["body"]), (a["id"], b["id"])


@pytest.fixture(scope="module")
def sample_page(browser, sample_store, tmp_path_factory):
    graph = sample_store.networkx()
    path = tmp_path_factory.mktemp("html") / "sample.html"
    export_graph(graph, "html", path, evidence=sample_store.evidence, title="Coalition Graph sample")
    page = Page(browser, path)
    yield page, graph
    page.page.close()


def test_page_loads_from_disk_without_errors_and_draws_every_node(sample_page):
    page, graph = sample_page
    assert page.errors == []
    assert all(url.startswith("file://") for url in page.requests), page.requests  # no network
    assert page.eval("coalitionGraph.nodeCount") == graph.number_of_nodes()
    assert page.eval("coalitionGraph.graphNodes.length") == graph.number_of_nodes()
    assert page.eval("coalitionGraph.cy.edges().length") == graph.number_of_edges()
    # the network view draws every node in the window
    page.page.click("#view-network")
    assert page.eval("coalitionGraph.drawnNodeCount()") == graph.number_of_nodes()
    page.page.click("#view-timeline")
    # coloured and shaped by type, the shapes the plots draw (style.NODE_STYLE, one outline per type)
    drawn = page.eval("""() => { const out = {}; coalitionGraph.graphNodes.forEach(n => {
        out[n.data('type')] = [n.style('background-color'), n.style('shape')]; }); return out; }""")
    assert set(drawn) == {d["label"] for _, d in graph.nodes(data=True)}
    assert {label: shape for label, (_, shape) in drawn.items()} == {label: NODE_STYLE[label]["shape"] for label in drawn}
    assert len({colour for colour, _ in drawn.values()}) == len(drawn)


def test_first_view_is_meetings_on_a_time_axis_with_readable_labels(sample_page):
    page, graph = sample_page
    p = page.page
    p.click("#reset")
    page.settle()
    assert page.eval("coalitionGraph.view()") == "timeline"
    assert p.get_attribute("#view-timeline", "aria-pressed") == "true"
    shown_types = {t for t in page.eval("() => coalitionGraph.graphNodes.filter(':visible').map(n => n.data('type'))")}
    assert shown_types == {"Meeting", "Person", "Country", "Organization"}  # pledges, statements, articles on demand
    pos = page.eval("() => Object.fromEntries(coalitionGraph.graphNodes.filter(':visible').map(n => [n.id(), n.position()]))")
    ticks = dict((label, x) for x, label in page.eval("coalitionGraph.data.timeline.ticks"))
    for node, xy in pos.items():
        data = graph.nodes[node]
        if data["label"] == "Meeting":
            assert xy["y"] > 0  # below the axis
            if data.get("start_date"):  # at (or, where its lanes are full, right of) its month on the axis
                assert xy["x"] >= ticks[data["start_date"].isoformat()[:7]] - 0.5, (node, xy)
        elif data["label"] == "Person":
            assert xy["y"] < 0  # above the axis
        else:
            assert xy["y"] > max(q["y"] for n, q in pos.items() if graph.nodes[n]["label"] == "Meeting")
    # labels for what is in view, at a size that reads, none over another
    zoom = page.eval("coalitionGraph.cy.zoom()")
    assert 12 * zoom >= 10.5
    labels = page.labels()
    in_view = set(page.in_view())
    assert len(labels) >= 25 and {l["id"] for l in labels} <= in_view
    meetings_in_view = {n for n in in_view if graph.nodes[n]["label"] == "Meeting"}
    assert meetings_in_view and meetings_in_view <= {l["id"] for l in labels}
    assert_no_label_overlaps(labels)
    for label in labels:
        data = graph.nodes[label["id"]]
        if data["label"] == "Meeting" and data.get("start_date"):  # a meeting's label has its date, as precise as known
            day = data["start_date"].isoformat()
            assert (day[:7] if data.get("date_precision") == "month" else day) in label["text"].split("\n")[-1]
    # the rest on demand: hovering a node without a label shows it
    quiet = page.eval("() => coalitionGraph.graphNodes.filter(n => n.visible() && !n.hasClass('labelled'))[0].id()")
    page.eval("id => coalitionGraph.cy.getElementById(id).emit('mouseover')", quiet)
    assert page.eval("id => coalitionGraph.cy.getElementById(id).style('label')", quiet) == page.eval(
        "id => coalitionGraph.data.nodes.find(n => n.id === id).lbl", quiet)
    page.eval("id => coalitionGraph.cy.getElementById(id).emit('mouseout')", quiet)
    # ticking a type shows it, labelled where there is room
    p.check("input[data-type='Pledge']")
    page.settle()
    assert "Pledge" in {t for t in page.eval("() => coalitionGraph.graphNodes.filter(':visible').map(n => n.data('type'))")}
    assert_no_label_overlaps(page.labels())
    assert page.errors == []


def assert_focused_on(page: Page, graph, node: str) -> None:
    """The view is zoomed to `node` and its neighbours, every one of them labelled, no label over another."""
    page.settle()
    focus = page.eval("coalitionGraph.focus()")
    assert focus["id"] == node
    neighbours = set(nx.all_neighbors(graph, node))
    assert set(focus["arranged"]) == neighbours and focus["left"] == 0
    in_view = set(page.in_view())
    assert {node} | neighbours <= in_view
    labels = page.labels()
    assert {node} | neighbours == {l["id"] for l in labels}
    assert_no_label_overlaps(labels)
    assert 12 * page.eval("coalitionGraph.cy.zoom()") >= 11  # the labels read at this zoom
    extent = page.eval("coalitionGraph.cy.extent()")
    for label in labels:  # whole labels in the window, not cut at its edge
        box = label["label"]
        assert extent["x1"] <= box["x1"] and box["x2"] <= extent["x2"] and extent["y1"] <= box["y1"] and box["y2"] <= extent["y2"], label
    # nothing else written around the selection: the axis has no month labels, the hint is gone
    assert page.eval("() => coalitionGraph.cy.nodes('.axis').filter(n => n.style('label') !== '').length") == 0
    assert page.page.is_hidden("#hint")


def test_search_box_finds_a_leader(sample_page):
    page, graph = sample_page
    p = page.page
    p.fill("#search", "zelensk")
    p.wait_for_selector("#search-results li")
    first = p.inner_text("#search-results li:first-child")
    assert first.startswith("Volodymyr Zelenskyy") and "Person" in first
    p.press("#search", "Enter")
    p.wait_for_selector("#details:not([hidden])")
    assert p.inner_text("#details h2") == "Volodymyr Zelenskyy"
    assert "Prime Minister" not in p.inner_text("#properties")
    assert "ATTENDED" in p.inner_text("#facts")
    assert_focused_on(page, graph, p.get_attribute("#details-body", "data-node"))
    assert graph.nodes[p.get_attribute("#details-body", "data-node")]["name"] == "Volodymyr Zelenskyy"
    # dates beside the meetings in the facts, in ISO form
    facts = p.locator("#facts li")
    dated = 0
    for i in range(facts.count()):
        other = graph.nodes[facts.nth(i).get_attribute("data-other")]
        if other["label"] == "Meeting" and other.get("start_date"):
            assert other["start_date"].isoformat() in facts.nth(i).inner_text()
            dated += 1
    assert dated >= 5


def test_search_results_show_meetings_with_their_dates(sample_page):
    page, graph = sample_page
    p = page.page
    p.fill("#search", "summit")
    p.wait_for_selector("#search-results li")
    items = p.locator("#search-results li")
    meetings = 0
    for i in range(items.count()):
        data = graph.nodes[items.nth(i).get_attribute("data-node")]
        if data["label"] == "Meeting" and data.get("start_date"):
            assert items.nth(i).inner_text().endswith(" · " + data["start_date"].isoformat())
            meetings += 1
    assert meetings >= 3
    p.press("#search", "Escape")
    p.fill("#search", "")


def test_clicking_a_meeting_shows_its_attendees_and_sources(sample_page, sample_store):
    page, graph = sample_page
    p = page.page
    attendees = {}
    for u, v, d in graph.edges(data=True):
        if d["type"] == "ATTENDED":
            attendees.setdefault(v, set()).add(graph.nodes[u]["name"])
    meeting = max(attendees, key=lambda m: (len(attendees[m]), m))
    # bring the meeting to the middle of the canvas, zoomed in, then click it with the mouse
    p.wait_for_function("!coalitionGraph.cy.animated()")  # the centring animation of the search is over
    page.eval("id => { const cy = coalitionGraph.cy; cy.zoom(2.5); cy.center(cy.getElementById(id)); }", meeting)
    pos = page.eval("id => coalitionGraph.cy.getElementById(id).renderedPosition()", meeting)
    box = p.locator("#cy").bounding_box()
    p.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    p.wait_for_function("id => document.getElementById('details-body').dataset.node === id", arg=meeting)
    assert p.inner_text("#details h2") == graph.nodes[meeting]["name"]
    assert_focused_on(page, graph, meeting)
    shown_attendees = set(p.locator("#attendees li").all_inner_texts())
    assert {text.split(" (")[0] for text in shown_attendees} == attendees[meeting]
    titles = {graph.nodes[a]["url"]: graph.nodes[a]["title"] for a, d in graph.nodes(data=True) if d["label"] == "Article"}
    links = p.locator("#sources a")
    assert links.count() == len(graph.nodes[meeting]["sources"])
    assert {links.nth(i).inner_text() for i in range(links.count())} == {titles[s] for s in graph.nodes[meeting]["sources"]}
    assert {links.nth(i).get_attribute("href") for i in range(links.count())} == set(graph.nodes[meeting]["sources"])
    sentences = {e["sentence"] for e in sample_store.evidence(meeting)}
    shown = " ".join(p.locator("#evidence blockquote").all_inner_texts())
    assert sentences and all(s in shown for s in sentences)
    ARTIFACTS.mkdir(exist_ok=True)
    p.screenshot(path=str(ARTIFACTS / "html_page_meeting.png"))


def test_type_and_date_filters_match_the_exporters_filter(sample_page):
    page, graph = sample_page
    p = page.page
    p.click("#view-network")
    p.click("#reset")
    statements = sum(1 for _, d in graph.nodes(data=True) if d["label"] == "Statement")
    p.uncheck("input[data-type='Statement']")
    assert page.shown() == graph.number_of_nodes() - statements
    p.check("input[data-type='Statement']")
    since, until = dt.date(2025, 3, 1), dt.date(2025, 4, 30)
    p.fill("#date-from", since.isoformat())
    p.fill("#date-to", until.isoformat())
    p.dispatch_event("#date-to", "change")
    expected = filter_graph(graph, GraphFilter(since=since, until=until)).number_of_nodes()
    assert 0 < expected < graph.number_of_nodes()
    assert page.shown() == expected
    p.click("#reset")
    assert page.shown() == graph.number_of_nodes()
    assert page.errors == []


def test_network_view_labels_read_zoomed_out_and_zooming_in_shows_more(sample_page):
    page, graph = sample_page
    p = page.page
    p.click("#view-network")
    page.settle()
    zoom = page.eval("coalitionGraph.cy.zoom()")
    assert zoom < 0.8  # the whole network fits the window: zoomed out
    labels = page.labels()
    assert len(labels) >= 15
    assert_no_label_overlaps(labels)
    on_screen = page.eval("() => coalitionGraph.graphNodes.filter('.labelled').map(n => parseFloat(n.style('font-size')) * coalitionGraph.cy.zoom())")
    assert min(on_screen) >= 11.5  # 12 px on screen, whatever the zoom
    before = {l["id"] for l in labels}
    page.eval("() => { const cy = coalitionGraph.cy; cy.zoom({level: cy.zoom() * 3, renderedPosition: {x: cy.width() / 2, y: cy.height() / 2}}); }")
    page.settle()
    still = set(page.in_view())
    after = {l["id"] for l in page.labels()}
    assert len(after & still) > len(before & still)  # the same part of the graph, more of it labelled
    assert_no_label_overlaps(page.labels())
    p.click("#view-timeline")
    page.settle()
    assert page.eval("coalitionGraph.labelScale()") == 1
    assert page.errors == []


def test_date_inputs_are_iso_whatever_the_browser_locale(sample_page):
    page, graph = sample_page
    p = page.page
    p.click("#view-network")
    p.click("#reset")
    for box in ("#date-from", "#date-to"):
        assert p.get_attribute(box, "type") == "text"  # not the browser's date picker, which shows its own locale
    days = sorted(d for _, data in graph.nodes(data=True) for d in node_dates(data) if d)
    assert p.get_attribute("#date-from", "placeholder") == days[0].isoformat()
    assert p.get_attribute("#date-to", "placeholder") == days[-1].isoformat()
    # months stand for their first and last days, as on the command line
    p.fill("#date-from", "2025-03")
    p.fill("#date-to", "2025-04")
    expected = filter_graph(graph, GraphFilter(since=dt.date(2025, 3, 1), until=dt.date(2025, 4, 30))).number_of_nodes()
    assert page.shown() == expected
    # what is not an ISO date is flagged, said in the status line, and filters nothing
    p.fill("#date-to", "30/04/2025")
    assert p.get_attribute("#date-to", "aria-invalid") == "true"
    assert "YYYY-MM-DD" in p.inner_text("#status")
    assert page.shown() == filter_graph(graph, GraphFilter(since=dt.date(2025, 3, 1))).number_of_nodes()
    assert page.eval("[coalitionGraph.isoDay('2024-02', true), coalitionGraph.isoDay('2025-02-30', false), "
                     "coalitionGraph.isoDay('2025', false)]") == ["2024-02-29", False, "2025-01-01"]
    p.fill("#date-to", "2025-04-30")
    assert p.get_attribute("#date-to", "aria-invalid") == "false" and page.shown() == expected
    p.click("#view-timeline")
    p.click("#reset")
    assert page.errors == []


def test_three_thousand_nodes_load_quickly(browser, tmp_path):
    graph = synthetic_graph(3000)
    path = tmp_path / "big.html"
    started = time.monotonic()
    export_graph(graph, "html", path)
    export_seconds = time.monotonic() - started
    page = Page(browser, path)
    assert page.errors == []
    assert export_seconds < 15 and page.load_seconds < 15, (export_seconds, page.load_seconds)
    # the first view is the time axis, labelled, none over another
    assert page.eval("coalitionGraph.view()") == "timeline"
    labels = page.labels()
    assert len(labels) >= 25
    assert_no_label_overlaps(labels)
    page.page.click("#view-network")
    assert page.eval("coalitionGraph.drawnNodeCount()") == 3000
    ARTIFACTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(ARTIFACTS / "html_page_3000.png"))
    page.page.close()
