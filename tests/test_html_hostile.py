"""The page with hostile articles in a real browser: nothing runs, and only http(s) is clickable."""
from __future__ import annotations

from pathlib import Path

from coalition_graph.graph.export import export_graph
from coalition_graph.graph.store import Store
from coalition_graph.schema.models import Article
from tests.test_html_page import Page, browser  # noqa: F401  (the module's browser fixture)

HOSTILE_URLS = ["javascript:window.__pwned=1", "data:text/html,<script>window.__pwned=1</script>",
                "file:///etc/passwd", " javascript:alert(1)", "JaVaScRiPt:window.__pwned=1",
                "vbscript:msgbox(1)", "https://ok.example.org/real-article"]
PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'


def test_hostile_titles_urls_and_text_run_nothing_and_link_only_http(browser, tmp_path: Path):  # noqa: F811
    articles = [Article(id=f"hostile-{i}", url=url, title=f"{PAYLOAD} title {i}", publisher=PAYLOAD,
                        text=f"Emmanuel Macron hosted a summit in Paris on 27 March 2025. {PAYLOAD} "
                             f"Keir Starmer said: \"{PAYLOAD}\". Report {i}.")  # texts differ: not duplicates
                for i, url in enumerate(HOSTILE_URLS)]
    with Store.open(tmp_path / "store", create=True) as store:
        store.ingest(articles, progress=False)
        graph = store.networkx()
        path = tmp_path / "page.html"
        export_graph(graph, "html", path, evidence=store.evidence, title=PAYLOAD)
    page = Page(browser, path)
    dialogs: list[str] = []
    page.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        nodes = [n for n, d in graph.nodes(data=True) if d.get("label") != "Article"]
        assert nodes
        hrefs: set[str] = set()
        for node in nodes:  # every details panel, with its sources and evidence
            page.eval("id => coalitionGraph.select(id, false)", node)
            hrefs |= set(page.eval("() => Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))"))
        assert page.eval("() => window.__pwned") is None
        assert dialogs == [] and page.errors == []
        assert page.eval("() => document.querySelectorAll('script').length") == 3  # only the page's own three
        assert page.eval("() => document.querySelectorAll('img[onerror], [onerror]').length") == 0
        assert hrefs, "the sources list links the one real article"
        assert all(h == "#" or h.startswith("https://") or h.startswith("http://") for h in hrefs), hrefs
        assert "https://ok.example.org/real-article" in hrefs
        assert not [r for r in page.requests if not r.startswith("file://")]  # nothing fetched from elsewhere
    finally:
        page.page.close()
