"""Issue 11 item 3: the graph of a set of articles does not depend on how the set was split into runs, batches
and files, nor on the order the articles came in; the same article twice (by URL or by text) is stored once."""
from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from coalition_graph.graph.export import export_graph
from coalition_graph.graph.store import Store
from coalition_graph.loaders.extract import extract_facts
from coalition_graph.loaders.readers import read_inputs
from coalition_graph.schema.models import Article, ArticleFacts
from tests.conftest import SAMPLE
from tests.test_store import A1, A2, A3, paris_facts

FIXTURES = Path(__file__).parent / "fixtures"
# The sample and two fixture sets: several articles about the same meetings (Ramstein, Hiroshima, Brussels)
# published on different days and on the same day, which is where arrival order used to show.
FILES = sorted(SAMPLE.glob("*.json")) + sorted((FIXTURES / "extract").glob("*.json")) + sorted((FIXTURES / "eval_own").glob("*.json"))


@pytest.fixture(scope="module")
def corpus() -> list[Article]:
    articles = [item.article for item in read_inputs(FILES) if item.article]
    assert len(articles) >= 30
    return articles


@pytest.fixture(scope="module")
def extractor(corpus):
    """The real extractor, run once an article: extraction is pure, and the test is about what the store does."""
    facts: dict[str, ArticleFacts] = {a.id: extract_facts(a) for a in corpus}
    return lambda article: facts[article.id]


def exported(store: Store, tmp: Path) -> dict:
    """The node-link export, keyed by id: nodes with their label and properties, relationships with their type,
    ends and properties. Lists (sources, aliases) compare in order: "first reported" must not depend on arrival."""
    out = tmp / "graph.json"
    export_graph(store.networkx(), "node-link", out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    nodes = {n["id"]: n for n in doc["nodes"]}
    links = {e["key"]: e for e in doc[next(k for k in ("edges", "links") if k in doc)]}
    assert len(nodes) == len(doc["nodes"]) and len(links) > len(nodes) // 2
    return {"nodes": nodes, "links": links}


def ingest_in_runs(tmp: Path, name: str, runs: list[list[Article]], extractor, batch_size: int = 100) -> dict:
    with Store.create(tmp / name) as store:
        for articles in runs:
            store.ingest(articles, extractor=extractor, progress=False, batch_size=batch_size)
        assert store.verify() == []  # the records are the merge of their claims, and both views hold them
        (tmp / f"{name}-out").mkdir()
        return exported(store, tmp / f"{name}-out")


def test_any_split_and_any_order_give_the_same_graph(tmp_path: Path, corpus, extractor):
    reference = ingest_in_runs(tmp_path, "forward", [corpus], extractor)
    meetings = [n for n in reference["nodes"].values() if n.get("label") == "Meeting"]
    assert len(meetings) >= 10 and any(len(m["sources"]) >= 2 for m in meetings)  # merging across articles happens
    shuffled = corpus[:]
    random.Random(11).shuffle(shuffled)
    other = corpus[:]
    random.Random(23).shuffle(other)
    third = len(other) // 3
    variants = {
        "reversed": ([corpus[::-1]], 100),
        "shuffled-batches-of-4": ([shuffled], 4),
        "shuffled-three-runs": ([other[:third], other[third:2 * third], other[2 * third:]], 100),
        "reversed-one-a-run": ([[a] for a in corpus[::-1][:12]] + [corpus[::-1][12:]], 100),
    }
    for name, (runs, batch_size) in variants.items():
        graph = ingest_in_runs(tmp_path, name, runs, extractor, batch_size)
        assert graph["nodes"].keys() == reference["nodes"].keys(), name
        assert graph["links"].keys() == reference["links"].keys(), name
        for kind in ("nodes", "links"):
            differing = [i for i in reference[kind] if graph[kind][i] != reference[kind][i]]
            assert differing == [], (name, kind, differing[:3])


def test_files_in_two_folders_ingested_either_way_round_give_the_same_graph(tmp_path: Path):
    # the real reader and extractor from files: the second folder's articles are older than the first's
    first, second = tmp_path / "new", tmp_path / "old"
    for folder, files in ((first, FILES[:6]), (second, sorted((FIXTURES / "eval_own").glob("*.json"))[:4])):
        folder.mkdir()
        for file in files:
            (folder / file.name).write_bytes(file.read_bytes())
    graphs = []
    for name, order in (("a", [first, second]), ("b", [second, first])):
        with Store.create(tmp_path / name) as store:
            for folder in order:
                store.ingest([folder], progress=False)
            assert store.verify() == []
            graphs.append(({n.id: (n.label, n.props) for n in store.iter_nodes()},
                           {e.id: (e.type, e.src, e.dst, e.props) for e in store.iter_edges()}))
    assert graphs[0] == graphs[1]


def _records(store: Store) -> tuple[dict, dict]:
    return ({n.id: (n.label, n.props) for n in store.iter_nodes()},
            {e.id: (e.type, e.src, e.dst, e.props) for e in store.iter_edges()})


def test_an_older_article_arriving_later_takes_the_id_it_would_have_had_first(tmp_path: Path):
    # A3 says the summit was on the 28th; A1, published first, says the 27th: the meeting is A1's, whenever A1 comes
    with Store.create(tmp_path / "late") as late, Store.create(tmp_path / "early") as early:
        late.ingest([A3], extractor=paris_facts, progress=False)
        [meeting] = late.iter_nodes(["Meeting"])
        assert meeting.id.startswith("meeting/2025-03-28")
        late.ingest([A2], extractor=paris_facts, progress=False)
        late.ingest([A1], extractor=paris_facts, progress=False)
        early.ingest([A1, A2, A3], extractor=paris_facts, progress=False)
        assert late.verify() == [] and early.verify() == []
        assert _records(late) == _records(early)
        [meeting] = late.iter_nodes(["Meeting"])
        assert meeting.id.startswith("meeting/2025-03-27") and meeting.props["sources"] == [A1.url, A2.url, A3.url]


def test_an_edit_that_moves_an_article_in_the_order_gives_the_graph_of_the_edited_set(tmp_path: Path):
    # A3, edited: now dated before A1 and reporting the 27th. The store must look as if it had only ever seen the edit.
    moved = A3.model_copy(update={"published": A1.published.replace(day=20), "text": A3.text + " It was on 27 March."})
    with Store.create(tmp_path / "edited") as edited, Store.create(tmp_path / "fresh") as fresh:
        edited.ingest([A1, A2, A3], extractor=paris_facts, progress=False)
        report = edited.ingest([moved], extractor=paris_facts, progress=False)
        assert report.updated == 1
        fresh.ingest([A2, moved, A1], extractor=paris_facts, progress=False)
        assert edited.verify() == [] and fresh.verify() == []
        assert _records(edited) == _records(fresh)
        [meeting] = edited.iter_nodes(["Meeting"])
        assert meeting.props["sources"][0] == A3.url  # the edited article is now the first to report it


def test_the_same_date_breaks_ties_by_article_id_not_by_arrival(tmp_path: Path):
    # two articles of one day: the one with the smaller id is "first" (its values win, its source is listed first),
    # whichever came first
    one = A1.model_copy(update={"id": "paris-a", "url": "https://example.org/a", "published": A2.published})
    two = A2.model_copy(update={"id": "paris-b", "url": "https://example.org/b",
                                "text": A2.text.replace("27 March", "27 March (a Thursday)")})
    with Store.create(tmp_path / "ab") as ab, Store.create(tmp_path / "ba") as ba:
        ab.ingest([one], extractor=paris_facts, progress=False)
        ab.ingest([two], extractor=paris_facts, progress=False)
        ba.ingest([two], extractor=paris_facts, progress=False)
        ba.ingest([one], extractor=paris_facts, progress=False)
        assert _records(ab) == _records(ba)
        [meeting] = ba.iter_nodes(["Meeting"])
        assert meeting.props["sources"] == [one.url, two.url]


# ---------------------------------------------------------------- duplicates
OSLO_HTML = """<!DOCTYPE html>
<html><head><title>Leaders meet in Oslo</title></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Leaders meet in Oslo</h1>
<p>Prime Minister Jonas Gahr Støre hosted a summit in Oslo on 14 May 2025 with Nordic leaders.</p>
<p>Norway announced 500 million kroner in <em>new</em> aid for Ukraine, he said.</p>
</article><footer>Example Wire</footer></body></html>
"""
OSLO_MD = """# Leaders meet in Oslo

Prime Minister Jonas Gahr Støre hosted a summit in Oslo on 14 May 2025 with Nordic leaders.

Norway announced 500 million kroner in *new* aid for Ukraine, he said.
"""


def test_the_same_article_as_html_and_markdown_is_stored_once(tmp_path: Path):
    folder = tmp_path / "inbox"
    (folder / "notes").mkdir(parents=True)
    (folder / "oslo-summit.html").write_text(OSLO_HTML, encoding="utf-8")
    (folder / "notes" / "oslo.md").write_text(OSLO_MD, encoding="utf-8")
    store_path = tmp_path / "store"
    run = subprocess.run([sys.executable, "-m", "coalition_graph", "ingest", str(folder), "--store", str(store_path),
                          "--no-progress"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "1 added" in run.stderr and "1 duplicate skipped" in run.stderr
    assert "Duplicate:" in run.stderr and "(the same text)" in run.stderr and "Traceback" not in run.stderr
    # again, in the other order (the Markdown first, in a second run): still one article, nothing lost
    with Store.open(store_path) as store:
        before = _records(store)
        assert store.counts()["articles"] == 1
        report = store.ingest([folder / "notes" / "oslo.md", folder / "oslo-summit.html"], progress=False)
        assert report.added == 0 and report.unchanged == 1 and len(report.duplicates) == 1
        assert store.counts()["articles"] == 1 and _records(store) == before
        assert store.verify() == []


def test_the_same_url_under_another_id_is_a_duplicate_and_another_url_is_not(new_store: Store):
    text = A1.text  # paris_facts reads its phrases
    articles = [
        Article(id="wire-1", url="https://www.Example.org/news/paris-summit/?utm_source=feed#top", title="Paris", text=text),
        # the same page: http, no www, no tracking, no trailing slash; its text was edited a little since
        Article(id="wire-2", url="http://example.org/news/paris-summit", title="Paris", text=text + " Updated."),
        # another page (a query that names a page is kept) and another text: a new article
        Article(id="other", url="https://example.org/news/paris-summit?page=2", title="Paris 2", text=text + " Part two."),
    ]
    report = new_store.ingest(articles, extractor=paris_facts, progress=False)
    assert report.added == 2 and report.duplicates == [
        "http://example.org/news/paris-summit is article wire-1 (the same URL): not stored again"]
    assert {a.id for a in new_store.articles()} == {"wire-1", "other"}
    before = _records(new_store)
    # a later run: the same text on another site, and yet another spelling of the stored URL
    again = new_store.ingest([
        Article(id="mirror", url="https://mirror.example.net/paris", title="Paris", text=text.replace(". ", ".\n\n")),
        Article(id="wire-3", url="https://example.org/news/paris-summit?utm_medium=x", title="Paris", text=text + " Later."),
    ], extractor=paris_facts, progress=False)
    assert again.added == 0 and sorted(again.duplicates) == [
        "https://example.org/news/paris-summit?utm_medium=x is article wire-1 (the same URL): not stored again",
        "https://mirror.example.net/paris is article wire-1 (the same text): not stored again"]
    assert _records(new_store) == before and new_store.counts()["articles"] == 2
    # re-ingesting a stored article itself is not a duplicate: it is unchanged
    stored = next(a for a in new_store.articles() if a.id == "wire-1")
    assert new_store.ingest([stored], extractor=paris_facts, progress=False).unchanged == 1


# ---------------------------------------------------------------- reextract
def test_reextract_after_an_extractor_change_gives_a_clean_ingest_and_resolves_each_article_once(
        tmp_path: Path, corpus, extractor, monkeypatch):
    # the old extractor missed every other article's meetings: ids (who created a meeting first) differ
    def old(article: Article) -> ArticleFacts:
        facts = extractor(article)
        return facts.model_copy(update={"meetings": []}) if corpus.index(article) % 2 else facts

    shuffled = corpus[:]
    random.Random(5).shuffle(shuffled)
    reference = ingest_in_runs(tmp_path, "clean", [corpus], extractor)
    resolved: list[str] = []
    real = Store._resolve_again
    monkeypatch.setattr(Store, "_resolve_again", lambda self, aid, index: resolved.append(aid) or real(self, aid, index))
    with Store.create(tmp_path / "re") as store:
        store.ingest(shuffled, extractor=old, progress=False, batch_size=5)
        before = len(resolved)
        report = store.reextract(extractor=extractor, progress=False, batch_size=4)
        assert report.updated == len(corpus) and report.problems == []
        # the old way (stored order, each batch re-resolving every later article) resolved again some hundred times
        assert resolved[before:] == []
        assert store.verify() == []
        (tmp_path / "re-out").mkdir()
        graph = exported(store, tmp_path / "re-out")
    assert graph == reference
