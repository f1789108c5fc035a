"""The store: idempotent incremental ingest, merging across articles, stable ids, views in step, reindex."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from coalition_graph.errors import NotFound, QueryError, StoreError, StoreNotFound
from coalition_graph.graph.store import Store
from coalition_graph.queries import run_named
from coalition_graph.schema.models import (
    Actor, Article, ArticleFacts, Attendance, Country, Evidence, Meeting, Person, Pledge, Statement,
)
from tests.conftest import SAMPLE


def _ev(article: Article, phrase: str) -> list[Evidence]:
    start = article.text.index(phrase)
    return [Evidence(article_id=article.id, sentence=phrase, start=start, end=start + len(phrase), rule="test")]


def paris_facts(article: Article) -> ArticleFacts:
    """What a careful reader takes from our small test articles about the Paris summit of 27 March 2025."""
    day = dt.date(2025, 3, 27) if "27 March" in article.text else dt.date(2025, 3, 28)
    facts = ArticleFacts(
        article=article,
        persons=[Person(key="emmanuel-macron", name="Emmanuel Macron")],
        countries=[Country(iso3="FRA", name="France")],
        meetings=[Meeting(key="M1", name="Coalition of the Willing summit in Paris", kind="summit", start=day,
                          city="Paris", country="FRA", evidence=_ev(article, "summit in Paris"))],
        attendances=[Attendance(meeting="M1", person="emmanuel-macron", country="FRA", role="host",
                                evidence=_ev(article, "Macron hosted"))],
        statements=[Statement(key="S1", speaker="emmanuel-macron", text="Europe will stand by Ukraine",
                              date=day, direct=True, meeting="M1", evidence=_ev(article, "Europe will stand by Ukraine"))],
    )
    if "2 billion euros" in article.text:
        facts.pledges.append(Pledge(key="P1", donor=Actor(kind="country", key="FRA"), recipient=Actor(kind="country", key="UKR"),
                                    amount=2e9, currency="EUR", amount_eur=2e9, kind="military", announced=day,
                                    meeting="M1", evidence=_ev(article, "2 billion euros")))
    return facts


def article(n: int, text: str, published: str = "2025-03-28") -> Article:
    return Article(id=f"paris-{n}", url=f"https://example.org/paris-{n}", title=f"Paris {n}",
                   published=dt.date.fromisoformat(published), text=text)


A1 = article(1, "On 27 March Macron hosted a summit in Paris. 'Europe will stand by Ukraine,' he said. "
                "France announced 2 billion euros.")
A2 = article(2, "Macron hosted a summit in Paris on Thursday, 27 March. 'Europe will stand by Ukraine.' "
                "He confirmed 2 billion euros.", published="2025-03-29")
A3 = article(3, "A day later than others say: Macron hosted a summit in Paris. 'Europe will stand by Ukraine.'",
             published="2025-03-30")


def test_same_meeting_pledge_and_statement_from_three_articles_merge_into_one_node_each(new_store: Store):
    new_store.ingest([A1, A2, A3], extractor=paris_facts, progress=False)
    meetings = run_named(new_store.cypher, "meetings")
    assert len(meetings) == 1
    [meeting] = meetings
    assert meeting["sources"] == sorted(a.url for a in (A1, A2, A3))
    # The first-reported date is kept even though one article says the 28th.
    assert meeting["start"] == "2025-03-27"
    [pledge] = run_named(new_store.cypher, "pledges")
    assert pledge["sources"] == [A1.url, A2.url] and pledge["meeting"] == meeting["id"]
    [statement] = run_named(new_store.cypher, "statements")
    assert len(statement["sources"]) == 3
    [attendance] = run_named(new_store.cypher, "attendance")
    assert attendance["role"] == "host" and attendance["person"]["name"] == "Emmanuel Macron"


def test_reingest_changes_nothing_and_a_new_article_adds(new_store: Store):
    first = new_store.ingest([A1], extractor=paris_facts, progress=False)
    counts, generation = new_store.counts(), new_store.generation
    again = new_store.ingest([A1], extractor=paris_facts, progress=False)
    assert (first.added, again.added, again.unchanged) == (1, 0, 1)
    assert new_store.counts() == counts and new_store.generation == generation
    more = new_store.ingest([A2], extractor=paris_facts, progress=False)
    assert more.added == 1
    assert new_store.counts()["articles"] == 2
    assert new_store.counts()["Meeting"] == counts["Meeting"]


def test_stable_ids_do_not_depend_on_the_run(tmp_path: Path):
    ids = []
    for name in ("one", "two"):
        with Store.open(tmp_path / name, create=True) as store:
            store.ingest([A1, A2], extractor=paris_facts, progress=False)
            ids.append(sorted(n.id for n in store.iter_nodes()) + sorted(e.id for e in store.iter_edges()))
    assert ids[0] == ids[1]
    assert "meeting/2025-03-27/summit/paris" in ids[0]
    assert "pledge/FRA/2025-03-27/2000000000-EUR" in ids[0]
    assert "country/FRA" in ids[0] and "person/emmanuel-macron" in ids[0]


def test_an_edited_article_replaces_its_own_claims(new_store: Store):
    new_store.ingest([A1], extractor=paris_facts, progress=False)
    assert len(run_named(new_store.sparql, "pledges")) == 1
    edited = A1.model_copy(update={"text": A1.text.replace("France announced 2 billion euros.", "No figure was given.")})
    report = new_store.ingest([edited], extractor=paris_facts, progress=False)
    assert report.updated == 1
    assert run_named(new_store.cypher, "pledges") == [] == run_named(new_store.sparql, "pledges")
    assert len(run_named(new_store.cypher, "meetings")) == 1


def test_views_agree_with_the_source_of_truth_after_incremental_ingest_and_after_reindex(new_store: Store):
    for a in (A1, A2, A3):
        new_store.ingest([a], extractor=paris_facts, progress=False)
    incremental = {name: (run_named(new_store.cypher, name), run_named(new_store.sparql, name))
                   for name in ("meetings", "attendance", "pledges", "statements")}
    new_store.reindex()
    for name, (cypher_rows, sparql_rows) in incremental.items():
        assert cypher_rows == sparql_rows == run_named(new_store.cypher, name) == run_named(new_store.sparql, name)
    nodes = new_store.cypher.query("MATCH (n) RETURN count(n) AS n").rows[0][0]
    assert nodes == sum(1 for _ in new_store.iter_nodes())


def test_a_view_behind_the_source_of_truth_is_rebuilt_on_open(tmp_path: Path):
    path = tmp_path / "store"
    with Store.open(path, create=True) as store:
        store.ingest([A1, A2], extractor=paris_facts, progress=False)
        expected = run_named(store.cypher, "attendance")
    # As if the process died between the SQLite commit and the view update.
    (path / "cypher.generation").write_text("0")
    shutil.rmtree(path / "rdf")
    with Store.open(path) as store:
        assert run_named(store.cypher, "attendance") == expected == run_named(store.sparql, "attendance")


def test_explain_gives_sentences_articles_and_rules(new_store: Store):
    new_store.ingest([A1, A2], extractor=paris_facts, progress=False)
    explanation = new_store.explain("meeting/2025-03-27/summit/paris")
    assert [e["url"] for e in explanation.evidence] == [A1.url, A2.url]
    assert all(e["sentence"] == "summit in Paris" and e["rule"] == "test" for e in explanation.evidence)
    start = explanation.evidence[0]["start"]
    assert A1.text[start:explanation.evidence[0]["end"]] == "summit in Paris"
    [attendance] = run_named(new_store.cypher, "attendance")
    edge = new_store.explain(attendance["id"])
    assert edge.kind == "edge" and edge.label == "ATTENDED" and edge.src == "person/emmanuel-macron"
    with pytest.raises(NotFound):
        new_store.explain("meeting/none")


def test_opening_a_missing_store_is_a_clear_error(tmp_path: Path):
    with pytest.raises(StoreNotFound, match="no store at"):
        Store.open(tmp_path / "nothing")


def test_sample_store_holds_every_kind_of_fact(sample_store: Store):
    counts = sample_store.counts()
    assert counts["articles"] == 12
    for label in ("Person", "Country", "Meeting", "Pledge", "Statement", "Article", "ATTENDED", "SOURCED_FROM"):
        assert counts.get(label, 0) > 0, label
    # every fact node traces back to at least one article with an evidence sentence
    for node in sample_store.iter_nodes(["Meeting", "Pledge", "Statement"]):
        assert node.props["sources"], node.id
        assert sample_store.evidence(node.id), node.id


def test_networkx_view_has_every_node_and_edge(sample_store: Store):
    graph = sample_store.networkx()
    assert graph.number_of_nodes() == sum(1 for _ in sample_store.iter_nodes())
    assert graph.number_of_edges() == sum(1 for _ in sample_store.iter_edges())
    attended = [k for _, _, k, d in graph.edges(keys=True, data=True) if d["type"] == "ATTENDED"]
    assert len(attended) == len(run_named(sample_store.cypher, "attendance"))
    # facts list their sources; reference things (countries, people, organizations) keep theirs in the claims
    assert all(("sources" in d) == (d["label"] not in ("Country", "Person", "Organization"))
               for _, d in graph.nodes(data=True))


def test_the_bundled_sample_is_where_the_package_says(sample_store: Store):
    assert len(list(SAMPLE.glob("*.json"))) == 12


def test_a_pledge_announced_by_two_people_gives_the_same_row_on_both_engines(new_store: Store):
    def two_announcers(article: Article) -> ArticleFacts:
        facts = paris_facts(article)
        facts.persons.append(Person(key="jean-noel-barrot", name="Jean-Noël Barrot"))
        facts.pledges[0].donor_person = "emmanuel-macron" if article.id == "paris-1" else "jean-noel-barrot"
        return facts

    new_store.ingest([A2, A1], extractor=two_announcers, progress=False)
    [cypher_row] = run_named(new_store.cypher, "pledges")
    [sparql_row] = run_named(new_store.sparql, "pledges")
    assert cypher_row == sparql_row
    assert cypher_row["announced_by"]["id"] in {"person/emmanuel-macron", "person/jean-noel-barrot"}


def test_the_same_id_twice_in_one_batch_keeps_the_later_version_only(new_store: Store):
    first = A1
    second = A1.model_copy(update={"text": A1.text.replace("France announced 2 billion euros.", "No figure was given.")})
    report = new_store.ingest([first, second], extractor=paris_facts, progress=False)
    assert (report.added, report.unchanged) == (1, 1)
    assert run_named(new_store.cypher, "pledges") == [] == run_named(new_store.sparql, "pledges")
    assert new_store.verify() == []


def test_a_folder_with_other_files_is_not_made_a_store(tmp_path: Path):
    (tmp_path / "project" / "rdf").mkdir(parents=True)
    (tmp_path / "project" / "rdf" / "mine.ttl").write_text("keep me")
    with pytest.raises(StoreError, match="not a store"):
        Store.open(tmp_path / "project", create=True)
    assert (tmp_path / "project" / "rdf" / "mine.ttl").read_text() == "keep me"


def test_user_queries_cannot_change_the_views(sample_store: Store):
    before = run_named(sample_store.cypher, "meetings")
    with pytest.raises(QueryError, match="refused: SET writes"):
        sample_store.cypher.query("MATCH (m:Meeting) SET m.name = 'changed' RETURN m.id")
    assert run_named(sample_store.cypher, "meetings") == before


def test_an_open_reader_never_blocks_a_writer_and_then_sees_what_it_wrote(tmp_path: Path):
    import subprocess
    import sys

    path = tmp_path / "store"
    with Store.open(path, create=True) as store:
        store.ingest([A1], extractor=paris_facts, progress=False)
    reader = Store.open(path)  # a notebook holding the store, its views open
    try:
        before = reader.cypher.query("MATCH (a:Article) RETURN count(a)").rows[0][0]
        reader.sparql.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        code = ("import sys; from coalition_graph.graph.store import Store\n"
                "from tests.test_store import A2, paris_facts\n"
                f"s = Store.open({str(path)!r}); s._lock.timeout = 5\n"
                "s.ingest([A2], extractor=paris_facts, progress=False); s.reindex(); s.close()")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                             cwd=Path(__file__).parent.parent)
        assert out.returncode == 0, out.stderr
        assert reader.cypher.query("MATCH (a:Article) RETURN count(a)").rows[0][0] == before + 1
        assert reader.verify() == []
    finally:
        reader.close()


def test_a_reader_waits_for_a_batch_being_committed_then_says_the_store_is_busy(tmp_path: Path):
    import subprocess
    import sys

    path = tmp_path / "store"
    with Store.open(path, create=True) as store:
        store.ingest([A1], extractor=paris_facts, progress=False)
    writer = Store.open(path)
    try:
        with writer._lock.exclusive():  # what a writer holds while it commits a batch
            code = ("import sys; from coalition_graph.graph.store import Store\n"
                    f"s = Store.open({str(path)!r}); s._lock.timeout = 0.5\n"
                    "try:\n    s.cypher.query('MATCH (a:Article) RETURN count(a)')\n"
                    "except Exception as e:\n    print(e); sys.exit(3)")
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
        assert out.returncode == 3 and "busy" in out.stdout and len(out.stdout.splitlines()) == 1, out.stdout + out.stderr
        assert writer.cypher.query("MATCH (a:Article) RETURN count(a)").rows[0][0] == 1  # and afterwards it reads
    finally:
        writer.close()
