"""Queries cannot write or reach out on the servers either: `coalition query` and `api.query` on a real Neo4j
and a real Fuseki refuse each kind of write and each way out (exit 5, one line), and the data stays.

The servers and the data on them are the contract suite's (tests/test_backend_contract.py): Neo4j holding
the sample, Fuseki holding it in its named graph. On Neo4j a user's query also runs in a READ transaction,
so what the guard does not know (an administration command) the server refuses, as the same one line.
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from coalition_graph import api
from coalition_graph.cli import cli
from coalition_graph.errors import ExitStatus, QueryError
from coalition_graph.graph.backends.sparql_remote import SparqlRemoteBackend
from tests.test_backend_contract import fuseki_backend, neo4j_backend  # noqa: F401 - the shared fixtures
from tests.test_query_guard import listener  # noqa: F401 - a real HTTP server that records requests

CYPHER_ATTEMPTS = [
    "CREATE (:Person {id: 'person/evil', name: 'Evil'})",
    "INSERT (:Person {id: 'person/evil', name: 'Evil'})",
    "MERGE (:Person {id: 'person/evil'})",
    "MATCH (p:Person) SET p.name = 'x'",
    "MATCH (p:Person) REMOVE p.name",
    "MATCH ()-[e:ATTENDED]->() DELETE e",
    "MATCH (n) DETACH DELETE n",
    "MATCH (p:Person) FOREACH (x IN [1] | SET p.name = 'x')",
    "match (p:Person) set p.name = 'lower case'",
    "MATCH (p:Person) /* a comment */ SET p.name = 'x'",
    "DROP CONSTRAINT coalition_person_id",
    "CREATE INDEX evil FOR (n:Person) ON (n.name)",
    "CREATE DATABASE evil",
    "ALTER USER neo4j SET PASSWORD 'something-else' CHANGE NOT REQUIRED",
    "COPY Person FROM '/etc/hostname'",
    "LOAD FROM '/etc/hostname' RETURN *",
    "LOAD CSV FROM 'file:///etc/hostname' AS line RETURN line",
    "LOAD CSV FROM '{url}/rows.csv' AS line RETURN line",
    "CALL db.createLabel('Evil')",
    "MATCH (p:Person) CALL { WITH p SET p.name = 'x' } RETURN p",
    "USE system SHOW USERS",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "MATCH (p:Person) RETURN p.name; MATCH (n) DETACH DELETE n",
    "RETURN 1; RETURN 2",
]

SPARQL_ATTEMPTS = [
    "INSERT DATA { GRAPH <https://w3id.org/coalition-graph/graph> { <urn:a> <urn:b> <urn:c> } }",
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "DELETE { ?s ?p ?o } INSERT { ?s ?p 'x' } WHERE { ?s ?p ?o }",
    "WITH <https://w3id.org/coalition-graph/graph> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "CLEAR ALL",
    "DROP ALL",
    "DROP GRAPH <https://w3id.org/coalition-graph/graph>",
    "CREATE GRAPH <urn:evil>",
    "ADD <https://w3id.org/coalition-graph/graph> TO <urn:evil>",
    "COPY <https://w3id.org/coalition-graph/graph> TO <urn:evil>",
    "MOVE <https://w3id.org/coalition-graph/graph> TO <urn:evil>",
    "LOAD <{url}/graph.ttl>",
    "LOAD <{url}/graph.ttl> INTO GRAPH <urn:evil>",
    "SELECT * WHERE { SERVICE <{url}/sparql> { ?s ?p ?o } }",
    "prefix x: <urn:x#> select * where { service <{url}/q> { ?s ?p ?o } }",
    "SELECT * FROM <{url}/graph.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <{url}/graph.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }",
]


def _one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    return lines[0]


def _neo4j_state(backend) -> tuple:
    """Everything a refused query could have changed: nodes with their properties, relationships by type,
    the constraints and the databases."""
    nodes = backend.query("MATCH (n) RETURN n.id, labels(n), properties(n) ORDER BY n.id").rows
    rels = backend.query("MATCH ()-[r]->() RETURN type(r), count(r) ORDER BY type(r)").rows
    constraints = backend.query("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name").rows
    with backend.driver().session(database="system") as session:
        databases = sorted(record["name"] for record in session.run("SHOW DATABASES YIELD name"))
    return nodes, rels, constraints, databases


def _fuseki_state(fuseki_server) -> list:
    """Every triple of every graph on the server (the dataset's default graph and each named one)."""
    everything = SparqlRemoteBackend(fuseki_server.query_url, graph=None)
    return sorted(map(tuple, everything.query(
        "SELECT ?g ?s ?p ?o WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }").rows), key=repr)


def _neo4j_args(server, *extra: str) -> list[str]:
    return ["--neo4j", server.uri, "--password", server.password, *extra]


# ------------------------------------------------------------------------------------------- Neo4j


@pytest.mark.parametrize("attempt", CYPHER_ATTEMPTS)
def test_cypher_write_file_or_session_statement_is_refused_on_neo4j(attempt, neo4j_backend, neo4j_server,
                                                                   listener, tmp_path):
    url, hits = listener
    hits.clear()
    before = _neo4j_state(neo4j_backend)
    assert len(before[0]) > 100 and sum(n for _, n in before[1]) > 100
    result = CliRunner().invoke(cli, ["query", "--cypher", attempt.replace("{url}", url), "--store", str(tmp_path / "none"),
                                      *_neo4j_args(neo4j_server)])
    assert result.exit_code == ExitStatus.BAD_QUERY, result.output
    assert _one_line(result.stderr).startswith("Error: refused: "), result.stderr
    assert result.stdout == ""
    assert hits == []
    assert _neo4j_state(neo4j_backend) == before


def test_the_server_refuses_what_the_guard_does_not_know_in_a_read_transaction(neo4j_backend, neo4j_server, tmp_path):
    """An administration command passes the guard's words; Neo4j refuses it as a write in a READ transaction."""
    before = _neo4j_state(neo4j_backend)
    result = CliRunner().invoke(cli, ["query", "--cypher", "START DATABASE neo4j", "--store", str(tmp_path / "none"),
                                      *_neo4j_args(neo4j_server, "--database", "system")])
    assert result.exit_code == ExitStatus.BAD_QUERY, result.output
    line = _one_line(result.stderr)
    assert line.startswith("Error: refused by Neo4j: queries only read the graph"), line
    assert "read access mode" in line
    # the same write straight into the READ transaction, past the guard: refused by the server
    for write in ("CREATE (:Person {id: 'person/evil'})", "INSERT (:Person {id: 'person/evil'})",
                  "MATCH (p:Person) SET p.name = 'x'", "CALL db.createLabel('Evil')",
                  "CREATE INDEX evil FOR (n:Person) ON (n.name)"):
        with pytest.raises(QueryError, match="^refused by Neo4j: .*read access mode"):
            neo4j_backend.read_query(write)
    assert _neo4j_state(neo4j_backend) == before


def test_a_read_transaction_alone_would_fetch_a_url_so_the_guard_refuses_load_csv(neo4j_backend, neo4j_server,
                                                                                 listener, tmp_path):
    url, hits = listener
    hits.clear()
    neo4j_backend.read_query(f"LOAD CSV FROM '{url}/rows.csv' AS line RETURN line")
    assert hits == ["/rows.csv"]  # why the words are checked too: reading a URL is a read
    hits.clear()
    with pytest.raises(QueryError, match="^refused: LOAD reads files"):
        api.query(neo4j_backend, f"LOAD CSV FROM '{url}/rows.csv' AS line RETURN line")
    assert hits == []


def test_read_queries_still_run_on_neo4j(neo4j_backend, neo4j_server, sample_store, tmp_path):
    text = "MATCH (p:Person)-[a:ATTENDED]->(m:Meeting) RETURN p.id AS person, m.id AS meeting ORDER BY person, meeting"
    expected = sample_store.cypher.query(text).dicts()
    assert len(expected) > 10
    result = CliRunner().invoke(cli, ["query", "--cypher", text, "--format", "json", "--store", str(tmp_path / "none"),
                                      *_neo4j_args(neo4j_server)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == expected
    with_param = "MATCH (c:Country) WHERE c.id = $id RETURN c.id AS id"
    assert api.query(neo4j_backend, with_param, {"id": "country/FRA"}).rows == [["country/FRA"]]
    assert api.query(neo4j_backend, text).dicts() == expected
    assert neo4j_backend.read_query("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n").rows[0][0] >= 7


def test_api_query_refuses_writes_on_neo4j(neo4j_backend):
    before = _neo4j_state(neo4j_backend)
    for attempt in ("MATCH (n) DETACH DELETE n", "CREATE (:Person {id: 'person/evil'})", "RETURN 1; RETURN 2"):
        with pytest.raises(QueryError, match="^refused: "):
            api.query(neo4j_backend, attempt)
    assert _neo4j_state(neo4j_backend) == before


# ---------------------------------------------------------------------------------- SPARQL server


@pytest.mark.parametrize("attempt", SPARQL_ATTEMPTS)
def test_sparql_update_or_network_query_is_refused_on_the_sparql_server(attempt, fuseki_backend, fuseki_server,
                                                                       listener, tmp_path):
    url, hits = listener
    hits.clear()
    before = _fuseki_state(fuseki_server)
    assert len(before) > 1000
    # the dataset URL takes updates as well as queries: the most a user could reach
    result = CliRunner().invoke(cli, ["query", "--sparql", attempt.replace("{url}", url), "--store", str(tmp_path / "none"),
                                      "--sparql-endpoint", fuseki_server.dataset_url])
    assert result.exit_code == ExitStatus.BAD_QUERY, result.output
    assert _one_line(result.stderr).startswith("Error: refused: "), result.stderr
    assert result.stdout == ""
    assert hits == []
    assert _fuseki_state(fuseki_server) == before


def test_read_queries_still_run_on_the_sparql_server(fuseki_backend, fuseki_server, sample_store, tmp_path):
    text = ("PREFIX schema: <https://schema.org/> SELECT ?p ?name WHERE { ?p a schema:Person ; schema:name ?name } "
            "ORDER BY ?p")
    expected = sample_store.sparql.query(text).dicts()
    assert len(expected) >= 5
    for endpoint in (fuseki_server.query_url, fuseki_server.dataset_url):
        result = CliRunner().invoke(cli, ["query", "--sparql", text, "--format", "json",
                                          "--store", str(tmp_path / "none"), "--sparql-endpoint", endpoint])
        assert result.exit_code == 0, result.output
        assert json.loads(result.output) == expected
    assert api.query(fuseki_backend, text).dicts() == expected
    with pytest.raises(QueryError, match="^refused: DROP writes"):
        api.query(fuseki_backend, "DROP ALL")
    assert fuseki_backend.triple_count() == len(sample_store.sparql.rdflib_graph)


def test_api_query_on_a_store_is_guarded_and_reads(sample_store):
    assert api.query(sample_store, "MATCH (c:Country {id: $id}) RETURN c.id", {"id": "country/FRA"}).rows == [
        ["country/FRA"]]
    assert api.query(sample_store, "ASK { ?s ?p ?o }", engine="sparql").rows == [[True]]
    counts = sample_store.counts()
    with pytest.raises(QueryError, match="^refused: DETACH writes"):
        api.query(sample_store, "MATCH (n) DETACH DELETE n")
    with pytest.raises(QueryError, match="^refused: INSERT writes"):
        api.query(sample_store, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", engine="sparql")
    assert sample_store.counts() == counts


def test_contract_helpers_still_write_and_clear_neo4j_through_backend_query(neo4j_backend):
    """The guard is for the user's queries: the backend's own query() still writes (the push, the tests)."""
    from tests import test_backend_contract as contract

    neo4j_backend.query("CREATE (:Person {id: 'person/written-by-us', name: 'Us'})")
    contract._neo4j_holds["content"] = "changing"  # the next test that needs the sample pushes it again
    assert neo4j_backend.query("MATCH (p:Person {id: 'person/written-by-us'}) RETURN count(p)").rows == [[1]]
