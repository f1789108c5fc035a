"""The SPARQL view's files are compacted after an ingest once the store has grown by half since the last time:
queries read fewer files, and a small ingest into a large store does not pay for rewriting all of it."""
from __future__ import annotations

from pathlib import Path

from coalition_graph.graph.sparql_view import COMPACTED_FILE
from coalition_graph.graph.store import Store
from coalition_graph.queries import run_named
from tests.test_store import article, paris_facts


def _compacted_at(store_path: Path) -> int:
    return int((store_path / COMPACTED_FILE).read_text())


def _articles(first: int, count: int) -> list:
    return [article(n, f"Report {n}: Macron hosted a summit in Paris. 'Europe will stand by Ukraine,' he said.")
            for n in range(first, first + count)]


def test_ingest_compacts_the_sparql_view_when_the_store_grew_by_half(tmp_path: Path):
    path = tmp_path / "store"
    with Store.open(path, create=True) as store:
        store.ingest(_articles(0, 4), extractor=paris_facts, progress=False)
        assert _compacted_at(path) == 4  # a new view: compacted after its first ingest
        store.ingest(_articles(4, 1), extractor=paris_facts, progress=False)
        assert _compacted_at(path) == 4  # 5 articles: not half as many again as 4
        store.ingest(_articles(5, 1), extractor=paris_facts, progress=False)
        assert _compacted_at(path) == 6  # 6 = 4 × 1.5
        store.ingest(_articles(0, 6), extractor=paris_facts, progress=False)  # nothing new: nothing written
        assert _compacted_at(path) == 6
        assert store.verify() == []
        for name in ("meetings", "attendance", "statements"):
            rows = run_named(store.sparql, name)
            assert rows and rows == run_named(store.cypher, name)


def test_compact_if_grown_says_whether_it_compacted_and_keeps_every_triple(tmp_path: Path):
    path = tmp_path / "store"
    with Store.open(path, create=True) as store:
        store.ingest(_articles(0, 3), extractor=paris_facts, progress=False)
        view = store.sparql
        before = sorted(map(str, view.quads()))
        with store._lock.exclusive():
            assert view.compact_if_grown(4) is False  # 4 < 3 × 1.5
            assert view.compact_if_grown(5) is True
        assert _compacted_at(path) == 5
        assert sorted(map(str, view.quads())) == before


def test_a_rebuilt_view_is_compacted_again_after_the_next_ingest(tmp_path: Path):
    path = tmp_path / "store"
    with Store.open(path, create=True) as store:
        store.ingest(_articles(0, 4), extractor=paris_facts, progress=False)
        store.reindex(["sparql"])
        assert not (path / COMPACTED_FILE).exists()
        store.ingest(_articles(4, 1), extractor=paris_facts, progress=False)
        assert _compacted_at(path) == 5


def test_a_reader_open_before_another_process_compacts_reads_every_row_after(tmp_path: Path):
    import subprocess
    import sys

    path = tmp_path / "store"
    with Store.open(path, create=True) as store:
        store.ingest(_articles(0, 4), extractor=paris_facts, progress=False)  # compacted
        store.ingest(_articles(4, 1), extractor=paris_facts, progress=False)  # not: its batch left a file of its own
    reader = Store.open(path)
    try:
        before = {name: run_named(reader.sparql, name) for name in ("meetings", "attendance", "statements")}
        files_before = sorted(p.name for p in (path / "rdf").glob("*.sst"))
        # another process compacts (no new generation: the reader keeps the engine it opened)
        code = ("import sys; from coalition_graph.graph.store import Store\n"
                "with Store.open(sys.argv[1]) as s, s._lock.exclusive():\n"
                "    assert s.sparql.compact_if_grown(100)\n")
        subprocess.run([sys.executable, "-c", code, str(path)], check=True, cwd=Path(__file__).parent.parent)
        assert _compacted_at(path) == 100
        assert sorted(p.name for p in (path / "rdf").glob("*.sst")) != files_before  # files were rewritten
        for name, rows in before.items():
            assert rows and run_named(reader.sparql, name) == rows
    finally:
        reader.close()
