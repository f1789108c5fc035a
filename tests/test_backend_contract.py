"""One contract for every backend: embedded Cypher (LadybugDB), embedded SPARQL (Oxigraph), Neo4j, Fuseki.

The bundled sample is ingested once (conftest's sample_store), pushed to a real Neo4j and a real Fuseki
(tests/backend_servers.py starts them once per session), and every named query, with and without
filters, must give the same rows everywhere. Pushing again must change nothing; a push after new
ingests adds what is new; server failures are one-line BackendErrors and a non-zero CLI exit.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from coalition_graph.cli import cli
from coalition_graph.errors import BackendError, ExitStatus, QueryError
from coalition_graph.graph.backends.neo4j import Neo4jBackend, Neo4jSink, push_to_neo4j
from coalition_graph.graph.backends.sparql_remote import SparqlRemoteBackend, push_to_sparql
from coalition_graph.graph.store import Store
from coalition_graph.queries import run_named
from tests.backend_servers import free_port
from tests.conftest import SAMPLE

BACKENDS = ["embedded-cypher", "embedded-sparql", "neo4j", "fuseki"]

# (named query, filters): each filter keeps some but not all of the sample's rows (checked below), so an
# empty or unfiltered answer cannot pass for a correct one on any backend
CASES = [
    ("meetings", {}),
    ("attendance", {}),
    ("attendance", {"meeting": "Paris"}),
    ("attendance", {"person": "Macron"}),
    ("attendance", {"country": "GBR"}),
    ("pledges", {}),
    ("pledges", {"donor": "DEU"}),
    ("pledges", {"donor": "Norway"}),
    ("pledges", {"since": "2025-06-01"}),
    ("pledges", {"since": "2025-03-01", "until": "2025-05-31"}),
    ("statements", {}),
    ("statements", {"speaker": "Starmer"}),
    ("statements", {"speaker": "Zelensk"}),
]


def _case_id(case) -> str:
    name, filters = case
    return name + "".join(f"-{k}={v}" for k, v in filters.items())


def _one_line_error(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1, output
    assert lines[0].startswith("Error: "), output
    return lines[0]


# ------------------------------------------------------------------------------------- fixtures

_neo4j_holds: dict[str, str] = {"content": ""}  # what the shared Neo4j database holds now


def _wipe_neo4j(backend: Neo4jBackend) -> None:
    backend.query("MATCH (n) DETACH DELETE n")


@pytest.fixture
def neo4j_backend(neo4j_server, sample_store):
    """Neo4j holding exactly the sample (pushed once; pushed again after a test that changed it)."""
    backend = Neo4jBackend(neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    if _neo4j_holds["content"] != "sample":
        _wipe_neo4j(backend)
        push_to_neo4j(sample_store, neo4j_server.uri, neo4j_server.user, neo4j_server.password)
        _neo4j_holds["content"] = "sample"
    yield backend
    backend.close()


@pytest.fixture(scope="session")
def fuseki_backend(fuseki_server, sample_store):
    report = push_to_sparql(sample_store, fuseki_server.query_url, gsp_endpoint=fuseki_server.gsp_url)
    assert report.triples > 0
    return SparqlRemoteBackend(fuseki_server.query_url)


@pytest.fixture
def backend(request, sample_store):
    if request.param == "embedded-cypher":
        return sample_store.cypher
    if request.param == "embedded-sparql":
        return sample_store.sparql
    return request.getfixturevalue(f"{request.param}_backend")


# ---------------------------------------------------------------------------- the same answers


@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_named_query_gives_the_same_rows_on_every_backend(backend, case, sample_store):
    name, filters = case
    reference = run_named(sample_store.cypher, name, **filters)
    everything = run_named(sample_store.cypher, name)
    assert 0 < len(reference) < len(everything) if filters else len(reference) > 0
    rows = run_named(backend, name, **filters)
    assert rows == reference


@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_rows_carry_typed_values_and_sources(backend):
    pledges = run_named(backend, "pledges")
    assert all(p["sources"] and all(isinstance(s, str) for s in p["sources"]) for p in pledges)
    assert any(isinstance(p["amount"], float) for p in pledges)
    statements = run_named(backend, "statements")
    assert {s["direct"] for s in statements} == {True, False}


def test_cypher_query_results_are_plain_python(neo4j_backend, sample_store):
    text = "MATCH (m:Meeting) WHERE m.start_date IS NOT NULL RETURN m.id AS id, m.start_date AS start, m.sources AS sources ORDER BY id"
    assert neo4j_backend.query(text).rows == sample_store.cypher.query(text).rows
    # whole nodes come back in LadybugDB's shape; only the engine-internal _ID differs
    node = "MATCH (m:Meeting) WHERE m.end_date IS NULL RETURN m ORDER BY m.id LIMIT 1"
    [[ours]], [[theirs]] = neo4j_backend.query(node).rows, sample_store.cypher.query(node).rows
    assert {k: v for k, v in ours.items() if k != "_ID"} == {k: v for k, v in theirs.items() if k != "_ID"}
    assert ours["_LABEL"] == "Meeting" and "end_date" in ours


# ------------------------------------------------------------------------------- pushing, twice


def test_neo4j_holds_exactly_the_store(neo4j_backend, sample_store):
    counts = sample_store.counts()
    in_neo4j = neo4j_backend.count()
    assert in_neo4j == {k: counts.get(k, 0) for k in in_neo4j}
    assert sum(in_neo4j.values()) > 400


def test_second_neo4j_push_changes_nothing(neo4j_backend, neo4j_server, sample_store):
    before = neo4j_backend.count()
    props_before = neo4j_backend.query("MATCH (n) RETURN n.id, properties(n) ORDER BY n.id").rows
    result = CliRunner().invoke(cli, ["push", "--store", str(sample_store.path), "--neo4j", neo4j_server.uri,
                                      "--password", neo4j_server.password])
    assert result.exit_code == 0, result.output
    assert f"pushed {sum(v for k, v in before.items() if not k.isupper())} nodes" in result.output
    assert neo4j_backend.count() == before
    assert neo4j_backend.query("MATCH (n) RETURN n.id, properties(n) ORDER BY n.id").rows == props_before


def test_neo4j_types_dates_and_lists(neo4j_backend):
    row = neo4j_backend.query(
        "MATCH (m:Meeting) WHERE m.start_date IS NOT NULL "
        "RETURN valueType(m.start_date) AS date_type, valueType(m.sources) AS sources_type LIMIT 1").rows[0]
    assert row[0].startswith("DATE")
    assert row[1].startswith("LIST<STRING")
    constraints = {r[0] for r in neo4j_backend.query("SHOW CONSTRAINTS YIELD labelsOrTypes RETURN labelsOrTypes[0]").rows}
    assert {"Person", "Country", "Organization", "Meeting", "Pledge", "Statement", "Article"} <= constraints


def test_fuseki_push_twice_changes_nothing(fuseki_backend, fuseki_server, sample_store):
    expected = len(sample_store.sparql.rdflib_graph)
    assert fuseki_backend.triple_count() == expected
    result = CliRunner().invoke(cli, ["push", "--store", str(sample_store.path), "--gsp", fuseki_server.gsp_url])
    assert result.exit_code == 0, result.output
    assert fuseki_backend.triple_count() == expected


def test_push_carries_the_ontology_so_a_schema_event_query_finds_the_meetings(fuseki_backend, sample_store):
    events = fuseki_backend.query("PREFIX schema: <https://schema.org/> SELECT DISTINCT ?m WHERE { ?m a schema:Event }")
    base = "https://w3id.org/coalition-graph/id/"
    meetings = {m["id"] for m in run_named(sample_store.sparql, "meetings")}
    assert {str(r[0]).removeprefix(base) for r in events.rows} == meetings and meetings
    subclass = fuseki_backend.query("PREFIX cg: <https://w3id.org/coalition-graph/ontology#> "
                                    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                                    "ASK { cg:Meeting rdfs:subClassOf <https://schema.org/Event> }")
    assert subclass.rows == [[True]]


def test_sparql_update_push_is_idempotent_and_isolated_in_its_graph(fuseki_server, sample_store, fuseki_backend):
    graph = "https://example.org/graphs/update-push"
    other = SparqlRemoteBackend(fuseki_server.query_url, graph)
    for _ in range(2):
        result = CliRunner().invoke(cli, ["push", "--store", str(sample_store.path),
                                          "--sparql-endpoint", fuseki_server.update_url, "--graph", graph])
        assert result.exit_code == 0, result.output
        assert "SPARQL Update" in result.output
        assert other.triple_count() == len(sample_store.sparql.rdflib_graph)
    assert run_named(other, "meetings") == run_named(sample_store.sparql, "meetings")
    assert fuseki_backend.triple_count() == len(sample_store.sparql.rdflib_graph)  # the main graph untouched


def test_incremental_ingest_writes_straight_to_neo4j(neo4j_server, tmp_path, sample_store):
    """`coalition ingest --neo4j`: each committed batch goes to Neo4j; a later push adds nothing new."""
    backend = Neo4jBackend(neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    _neo4j_holds["content"] = "changing"
    _wipe_neo4j(backend)
    articles = sorted(SAMPLE.glob("*.json"))
    sink = Neo4jSink(backend, batch_size=50)
    with Store.open(tmp_path / "store", create=True) as store:
        store.ingest(articles[:5], sinks=[sink], progress=False, batch_size=2)
        first = backend.count()
        assert first == {k: store.counts().get(k, 0) for k in first}
        store.ingest(articles, sinks=[sink], progress=False, batch_size=4)
        assert backend.count() == {k: store.counts().get(k, 0) for k in first}
        assert sum(backend.count().values()) > sum(first.values())
        for name in ("attendance", "pledges"):
            assert run_named(backend, name) == run_named(sample_store.cypher, name)
        report = push_to_neo4j(store, neo4j_server.uri, neo4j_server.user, neo4j_server.password)
        assert report.nodes == sum(v for k, v in store.counts().items() if k[0].isupper() and not k.isupper())
        assert backend.count() == {k: store.counts().get(k, 0) for k in first}
    backend.close()


def test_interrupted_push_is_finished_by_running_it_again(neo4j_server, sample_store):
    backend = Neo4jBackend(neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    _neo4j_holds["content"] = "changing"
    _wipe_neo4j(backend)
    backend.ensure_schema()
    backend.upsert_nodes(list(sample_store.iter_nodes())[:50])  # a push that stopped midway
    assert sum(backend.count().values()) == 50
    push_to_neo4j(sample_store, neo4j_server.uri, neo4j_server.user, neo4j_server.password, batch_size=37)
    counts = sample_store.counts()
    assert backend.count() == {k: counts.get(k, 0) for k in backend.count()}
    _neo4j_holds["content"] = "sample"
    backend.close()


def test_prune_removes_what_the_store_no_longer_has(neo4j_backend, neo4j_server, sample_store):
    neo4j_backend.query("CREATE (:Person {id: 'person/nobody', name: 'Nobody'})")
    _neo4j_holds["content"] = "changing"
    report = push_to_neo4j(sample_store, neo4j_server.uri, neo4j_server.user, neo4j_server.password, prune=True)
    assert (report.deleted_nodes, report.deleted_relationships) == (1, 0)
    assert neo4j_backend.query("MATCH (p:Person {id: 'person/nobody'}) RETURN count(p)").rows == [[0]]
    _neo4j_holds["content"] = "sample"


# ------------------------------------------------------------------------------------- failures


def test_wrong_neo4j_password_is_one_line_and_exit_6(neo4j_server, sample_store):
    with pytest.raises(BackendError, match="refused the credentials") as caught:
        Neo4jBackend(neo4j_server.uri, "neo4j", "wrong-password").query("RETURN 1")
    assert "\n" not in str(caught.value)
    result = CliRunner().invoke(cli, ["push", "--store", str(sample_store.path), "--neo4j", neo4j_server.uri,
                                      "--password", "wrong-password"])
    assert result.exit_code == ExitStatus.BACKEND
    assert "refused the credentials of user 'neo4j'" in _one_line_error(result.output)


def test_unreachable_neo4j_is_one_line_and_exit_6(sample_store):
    uri = f"bolt://127.0.0.1:{free_port()}"  # nothing listens there
    with pytest.raises(BackendError, match="cannot reach Neo4j"):
        Neo4jBackend(uri, "neo4j", "x").query("RETURN 1")
    result = CliRunner().invoke(cli, ["push", "--store", str(sample_store.path), "--neo4j", uri])
    assert result.exit_code == ExitStatus.BACKEND
    assert "Connection refused" in _one_line_error(result.output)


def test_missing_neo4j_database_is_one_line_and_exit_6(neo4j_server, sample_store):
    with pytest.raises(BackendError, match="no such database"):
        Neo4jBackend(neo4j_server.uri, "neo4j", neo4j_server.password, "nosuchdb").query("RETURN 1")
    result = CliRunner().invoke(cli, ["push", "--store", str(sample_store.path), "--neo4j", neo4j_server.uri,
                                      "--password", neo4j_server.password, "--database", "nosuchdb"])
    assert result.exit_code == ExitStatus.BACKEND
    assert "nosuchdb" in _one_line_error(result.output)


def test_password_and_uri_from_the_environment(neo4j_backend, neo4j_server, sample_store):
    result = CliRunner().invoke(cli, ["push", "--store", str(sample_store.path)],
                                env={"NEO4J_URI": neo4j_server.uri, "NEO4J_PASSWORD": neo4j_server.password})
    assert result.exit_code == 0, result.output
    assert "pushed" in result.output


def test_malformed_queries_are_query_errors(neo4j_backend, fuseki_backend):
    with pytest.raises(QueryError, match="(?i)invalid input"):
        neo4j_backend.query("MATCH (n RETURN n")
    with pytest.raises(QueryError, match="(?i)parse error"):
        fuseki_backend.query("SELECT * WHERE { ?s ?p }")


def test_sparql_server_failures_are_backend_errors(fuseki_server, sample_store):
    missing = fuseki_server.dataset_url.rsplit("/", 1)[0] + "/nosuchdataset/sparql"
    with pytest.raises(BackendError, match="404"):
        SparqlRemoteBackend(missing).query("ASK {}")
    with pytest.raises(BackendError, match="cannot reach"):
        SparqlRemoteBackend(f"http://127.0.0.1:{free_port()}/ds/sparql").query("ASK {}")
    result = CliRunner().invoke(cli, ["push", "--store", str(sample_store.path), "--sparql-endpoint", missing])
    assert result.exit_code == ExitStatus.BACKEND
    _one_line_error(result.output)


def test_push_needs_a_target(sample_store):
    result = CliRunner().invoke(cli, ["push", "--store", str(sample_store.path)], env={"NEO4J_URI": None})
    assert result.exit_code == ExitStatus.USAGE
    assert "--neo4j" in result.output


# ------------------------------------------------------------------- the commands, on the servers


@pytest.mark.parametrize("command", [["meetings"], ["attendance", "--person", "Macron"],
                                     ["pledges", "--since", "2025-06-01"], ["statements", "--speaker", "Starmer"]])
def test_named_query_commands_run_on_neo4j_and_fuseki(command, neo4j_backend, neo4j_server, fuseki_backend,
                                                      fuseki_server, sample_store, tmp_path):
    embedded = CliRunner().invoke(cli, [*command, "--store", str(sample_store.path), "--format", "json"])
    assert embedded.exit_code == 0, embedded.output
    expected = json.loads(embedded.output)
    assert expected
    nowhere = str(tmp_path / "no-store")  # a server needs no local store
    on_neo4j = CliRunner().invoke(cli, [*command, "--store", nowhere, "--format", "json", "--neo4j", neo4j_server.uri],
                                  env={"NEO4J_PASSWORD": neo4j_server.password})
    assert on_neo4j.exit_code == 0, on_neo4j.output
    assert json.loads(on_neo4j.output) == expected
    on_fuseki = CliRunner().invoke(cli, [*command, "--store", nowhere, "--format", "json",
                                         "--sparql-endpoint", fuseki_server.query_url])
    assert on_fuseki.exit_code == 0, on_fuseki.output
    assert json.loads(on_fuseki.output) == expected


def test_query_command_runs_on_the_servers(neo4j_backend, neo4j_server, fuseki_backend, fuseki_server, tmp_path):
    result = CliRunner().invoke(cli, ["query", "--cypher", "MATCH (c:Country) RETURN count(c) AS n", "--format", "json",
                                      "--store", str(tmp_path / "none"), "--neo4j", neo4j_server.uri,
                                      "--password", neo4j_server.password])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["n"] == neo4j_backend.count()["Country"]
    result = CliRunner().invoke(cli, ["query", "--sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "json",
                                      "--store", str(tmp_path / "none"), "--sparql-endpoint", fuseki_server.query_url])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["n"] == fuseki_backend.triple_count()
    result = CliRunner().invoke(cli, ["query", "--cypher", "MATCH (n RETURN n", "--store", str(tmp_path / "none"),
                                      "--neo4j", neo4j_server.uri, "--password", neo4j_server.password])
    assert result.exit_code == ExitStatus.BAD_QUERY
    _one_line_error(result.output)


def test_ingest_with_neo4j_writes_there_too(neo4j_server, tmp_path):
    backend = Neo4jBackend(neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    _neo4j_holds["content"] = "changing"
    _wipe_neo4j(backend)
    store_path = tmp_path / "store"
    result = CliRunner().invoke(cli, ["ingest", str(SAMPLE), "--store", str(store_path), "--neo4j", neo4j_server.uri,
                                      "--password", neo4j_server.password, "--batch-size", "5"])
    assert result.exit_code == 0, result.output
    with Store.open(store_path) as store:
        counts = store.counts()
    assert backend.count() == {k: counts.get(k, 0) for k in backend.count()}
    backend.close()


def test_ingest_with_an_unreachable_neo4j_fails_before_ingesting(tmp_path):
    result = CliRunner().invoke(cli, ["ingest", str(SAMPLE), "--store", str(tmp_path / "store"),
                                      "--neo4j", f"bolt://127.0.0.1:{free_port()}"])
    assert result.exit_code == ExitStatus.BACKEND
    assert "cannot reach Neo4j" in _one_line_error(result.output)
    assert not (tmp_path / "store").exists()


def _operators(plan: dict) -> list[str]:
    return [plan["operatorType"], *(op for child in plan.get("children", []) for op in _operators(child))]


def test_neo4j_upserts_plan_without_eager(neo4j_backend):
    """Every push statement streams its batch: no Eager (which a SET over the MERGE key brings in)."""
    from coalition_graph.graph.backends.neo4j import edge_upsert, node_upsert
    from coalition_graph.schema.graph_schema import NODE_PROPS, REL_TYPES

    texts = [node_upsert(label) for label in NODE_PROPS]
    texts += [edge_upsert(rel.name, src, dst) for rel in REL_TYPES.values() for src, dst in rel.ends]
    with neo4j_backend.driver().session(database=neo4j_backend.database) as session:
        for text in texts:
            operators = _operators(session.run("EXPLAIN " + text, rows=[]).consume().plan)
            assert not [op for op in operators if op.startswith("Eager")], (text, operators)
            assert any("Merge" in op for op in operators), operators
