"""A batch costs what it adds: new claims fold onto the stored records, reference things list no sources,
and the result is always the merge of every claim in publication order."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from coalition_graph.graph.records import ChangeSet
from coalition_graph.graph.store import SCHEMA_VERSION, Store
from coalition_graph.queries import run_named
from tests.test_store import A1, A2, A3, paris_facts

NAMES = ("meetings", "attendance", "pledges", "statements")


def _records(store: Store) -> tuple[list, list]:
    return ([(n.id, n.label, n.props) for n in store.iter_nodes()],
            [(e.id, e.type, e.src, e.dst, e.props) for e in store.iter_edges()])


def test_batch_by_batch_gives_the_records_of_one_ingest_even_when_older_articles_come_later(tmp_path: Path):
    # A3 (published last, and a day off on the date) first, then the older A1 and A2: the fold must put them first
    with Store.open(tmp_path / "batches", create=True) as batches, Store.open(tmp_path / "once", create=True) as once:
        for a in (A3, A1, A2):
            batches.ingest([a], extractor=paris_facts, progress=False)
        once.ingest([A3, A1, A2], extractor=paris_facts, progress=False)  # one batch, the same resolution order
        assert batches.verify() == []
        assert _records(batches) == _records(once)
        [meeting] = run_named(batches.cypher, "meetings")
        assert meeting["start"] == "2025-03-27"  # first reported by A1, the oldest, although it came in second
        for name in NAMES:
            assert run_named(batches.cypher, name) == run_named(batches.sparql, name) == run_named(once.sparql, name)


def test_reference_things_keep_no_sources_and_get_them_from_their_claims(new_store: Store):
    new_store.ingest([A1, A2], extractor=paris_facts, progress=False)
    [france] = [n for n in new_store.iter_nodes(["Country"]) if n.id == "country/FRA"]
    assert "sources" not in france.props
    assert new_store.sources("country/FRA") == [A1.url, A2.url]
    explanation = new_store.explain("person/emmanuel-macron")
    assert explanation.sources == [A1.url, A2.url] and "sources" not in explanation.props
    [meeting] = new_store.iter_nodes(["Meeting"])
    assert meeting.props["sources"] == [A1.url, A2.url] == new_store.sources(meeting.id)


def test_a_new_article_about_known_things_sends_the_views_only_what_it_adds(new_store: Store):
    new_store.ingest([A1], extractor=paris_facts, progress=False)
    seen: list[ChangeSet] = []
    new_store.ingest([A2], extractor=paris_facts, progress=False, sinks=[seen.append])
    [changes] = seen
    labels = {n.label for n in changes.nodes}
    # France, Ukraine and Macron are named again but did not change: nothing about them is rewritten
    assert not labels & {"Country", "Person", "Organization"}
    assert "Article" in labels and "Meeting" in labels  # the new article, and the meeting's grown sources
    assert not changes.deleted_nodes and not changes.deleted_edges


def test_a_store_of_schema_1_is_migrated_and_its_views_rebuilt(tmp_path: Path):
    path = tmp_path / "store"
    with Store.open(path, create=True) as store:
        store.ingest([A1, A2], extractor=paris_facts, progress=False)
        expected = {name: run_named(store.cypher, name) for name in NAMES}
        generation = store.generation
    # what schema 1 stored: sources on every record, no fold marks
    with sqlite3.connect(path / "facts.sqlite") as conn:
        conn.execute("UPDATE nodes SET props = json_set(props, '$.sources', json('[\"https://example.org/paris-1\"]')) "
                     "WHERE label = 'Country'")
        conn.execute("ALTER TABLE nodes DROP COLUMN folded")
        conn.execute("ALTER TABLE edges DROP COLUMN folded")
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with Store.open(path) as store:
        assert store.generation > generation  # the views are behind (one step a schema): rebuilt when opened
        assert all("sources" not in n.props for n in store.iter_nodes(["Country"]))
        assert {name: run_named(store.sparql, name) for name in NAMES} == expected
        assert {name: run_named(store.cypher, name) for name in NAMES} == expected
        store.ingest([A3], extractor=paris_facts, progress=False)  # records without a fold mark merge in full
        assert store.verify() == []
        [meeting] = run_named(store.cypher, "meetings")
        assert len(meeting["sources"]) == 3
    with sqlite3.connect(path / "facts.sqlite") as conn:
        version = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]
        props = json.loads(conn.execute("SELECT props FROM nodes WHERE id='country/FRA'").fetchone()[0])
    assert version == str(SCHEMA_VERSION) and "sources" not in props


def test_views_updated_by_differences_hold_what_a_rebuild_holds(new_store: Store):
    new_store.ingest([A1], extractor=paris_facts, progress=False)
    new_store.ingest([A2, A3], extractor=paris_facts, progress=False)
    edited = A2.model_copy(update={"text": A2.text.replace("He confirmed 2 billion euros.", "No figure.")})
    new_store.ingest([edited], extractor=paris_facts, progress=False)

    def triples() -> set:
        return {(str(q.subject), str(q.predicate), str(q.object)) for q in new_store.sparql._open().quads_for_pattern(None, None, None)}

    def cypher_rows() -> list:
        return new_store.cypher.query("MATCH (a)-[e]->(b) RETURN a.id, e.id, b.id, e.sources ORDER BY e.id").rows

    incremental, cypher_incremental = triples(), cypher_rows()
    new_store.reindex()
    assert incremental == triples()
    assert cypher_incremental == cypher_rows()


def test_a_store_of_schema_2_is_migrated_to_article_order(tmp_path: Path):
    path = tmp_path / "store"
    with Store.open(path, create=True) as store:
        store.ingest([A2, A3], extractor=paris_facts, progress=False)
        expected = _records(store)
    # what schema 2 stored: no place in the article order, no duplicate keys, no facts or resolutions kept
    with sqlite3.connect(path / "facts.sqlite") as conn:
        for index in ("articles_by_order", "articles_by_url", "articles_by_text"):
            conn.execute(f"DROP INDEX {index}")
        for column in ("order_key", "canonical_url", "text_key"):
            conn.execute(f"ALTER TABLE articles DROP COLUMN {column}")
        conn.execute("DROP TABLE facts")
        conn.execute("DROP TABLE resolutions")
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    with Store.open(path) as store:
        assert store.verify() == [] and _records(store) == expected
        # the meeting the migrated store holds is matched by a new article, and A1, older, still comes first
        store.ingest([A1], extractor=paris_facts, progress=False)
        assert store.verify() == []
        [meeting] = store.iter_nodes(["Meeting"])
        assert meeting.props["sources"] == [A1.url, A2.url, A3.url]
        assert store.ingest([A2.model_copy(update={"id": "again"})], extractor=paris_facts, progress=False).duplicates
    with sqlite3.connect(path / "facts.sqlite") as conn:
        assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
