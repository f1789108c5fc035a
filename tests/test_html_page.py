"""The HTML page in a real browser: Debian's chromium driven by Playwright (never a downloaded browser).

Install the browser first with scripts/prepare_browser.sh (scripts/test.sh does). Screenshots go to
tests/artifacts/ (git-ignored).
"""
from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from coalition_graph.graph.export import GraphFilter, export_graph, filter_graph
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
    assert page.eval("coalitionGraph.drawnNodeCount()") == graph.number_of_nodes()
    assert page.eval("coalitionGraph.cy.edges().length") == graph.number_of_edges()
    # coloured and shaped by type, sized by degree
    person = page.eval("(() => { const n = coalitionGraph.cy.nodes('[type = \"Person\"]')[0];"
                       " return [n.style('background-color'), n.style('shape')]; })()")
    meeting = page.eval("(() => { const n = coalitionGraph.cy.nodes('[type = \"Meeting\"]')[0];"
                        " return [n.style('background-color'), n.style('shape')]; })()")
    assert person != meeting and meeting[1] == "pentagon"


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


def test_three_thousand_nodes_load_quickly(browser, tmp_path):
    graph = synthetic_graph(3000)
    path = tmp_path / "big.html"
    started = time.monotonic()
    export_graph(graph, "html", path)
    export_seconds = time.monotonic() - started
    page = Page(browser, path)
    assert page.errors == []
    assert page.eval("coalitionGraph.drawnNodeCount()") == 3000
    assert export_seconds < 15 and page.load_seconds < 15, (export_seconds, page.load_seconds)
    ARTIFACTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(ARTIFACTS / "html_page_3000.png"))
    page.page.close()
