"""Queries cannot write or reach out: each attempt through `coalition query` is refused (exit 5, one line)."""
from __future__ import annotations

import http.server
import shutil
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from coalition_graph.cli import cli
from coalition_graph.errors import ExitStatus
from coalition_graph.graph.store import Store
from coalition_graph.queries.guard import check_cypher, check_sparql


@pytest.fixture(scope="module")
def store_dir(sample_store_path: Path, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("guard") / "store"
    shutil.copytree(sample_store_path, path)
    (path / "store.lock").unlink(missing_ok=True)
    return path


@pytest.fixture(scope="module")
def listener():
    """A real HTTP server on a free port that records every request it gets."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        do_POST = do_GET

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", hits
    server.shutdown()


def _secret(tmp: Path) -> Path:
    path = tmp / "secret.csv"
    path.write_text("line one\nline two\n")
    return path


CYPHER_ATTEMPTS = [
    "COMMIT; MATCH ()-[e:ATTENDED]->() DELETE e",
    "MATCH ()-[e:ATTENDED]->() DELETE e",
    "MATCH (p:Person) SET p.name = 'x'",
    "MATCH (p:Person) REMOVE p.name",
    "CREATE (:Person {{id: 'evil'}})",
    "MERGE (:Person {{id: 'evil'}})",
    "MATCH (n) DETACH DELETE n",
    "DROP TABLE Person",
    "ALTER TABLE Person ADD evil STRING",
    "CREATE NODE TABLE Evil(id STRING, PRIMARY KEY(id))",
    "COPY (MATCH (p:Person) RETURN p.name) TO '{out}'",
    "COPY Person FROM '{secret}'",
    "LOAD FROM '{secret}' RETURN *",
    "MATCH (p:Person) RETURN p.name; MATCH (m:Meeting) RETURN m.name",
    "BEGIN TRANSACTION",
    "CALL show_tables() RETURN *",
    "INSTALL httpfs",
    "ATTACH '{secret}' AS other (dbtype lbug)",
    "EXPORT DATABASE '{out}'",
    "MATCH (p:Person) FOREACH (x IN [1] | SET p.name = 'x')",
    "match (p:Person) set p.name = 'lower case'",
    "MATCH (p:Person) /* a comment */ SET p.name = 'x'",
]

SPARQL_ATTEMPTS = [
    "SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * FROM <{url}/graph.ttl> WHERE {{ ?s ?p ?o }}",
    "SELECT * FROM NAMED <{url}/graph.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    "LOAD <{url}/graph.ttl>",
    "INSERT DATA {{ <urn:a> <urn:b> <urn:c> }}",
    "DELETE WHERE {{ ?s ?p ?o }}",
    "CLEAR DEFAULT",
    "DROP ALL",
    "WITH <urn:g> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}",
    "prefix x: <urn:x#> select * where {{ service <{url}/q> {{ ?s ?p ?o }} }}",
]


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.mark.parametrize("attempt", CYPHER_ATTEMPTS)
def test_cypher_write_file_or_session_statement_is_refused(attempt, store_dir, tmp_path):
    out = tmp_path / "leak.csv"
    before = Store.open(store_dir)
    counts = before.counts()
    before.close()
    result = run("query", "--cypher", attempt.format(out=out, secret=_secret(tmp_path)), "--store", str(store_dir))
    assert result.exit_code == ExitStatus.BAD_QUERY, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: refused:"), result.stderr
    assert not out.exists()
    with Store.open(store_dir) as store:
        assert store.counts() == counts
        assert store.verify() == []
        assert store.cypher.query("MATCH ()-[e:ATTENDED]->() RETURN count(e)").rows[0][0] == counts["ATTENDED"]


@pytest.mark.parametrize("attempt", SPARQL_ATTEMPTS)
def test_sparql_update_or_network_query_is_refused_and_sends_nothing(attempt, store_dir, listener):
    url, hits = listener
    hits.clear()
    result = run("query", "--sparql", attempt.format(url=url), "--store", str(store_dir))
    assert result.exit_code == ExitStatus.BAD_QUERY, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: refused:"), result.stderr
    assert hits == []
    with Store.open(store_dir) as store:
        assert store.verify() == []


@pytest.mark.parametrize("query", [
    "MATCH (m:Meeting) WHERE m.name <> 'Set up; delete' RETURN m.name AS created, m.id // CREATE here\n",
    "MATCH (p:Person)-[a:ATTENDED]->(m:Meeting) RETURN p.name, m.name, a.role;",
    "MATCH (n:Person) WHERE n.name CONTAINS \"LOAD FROM\" RETURN `SET`.x",
])
def test_harmless_cypher_with_keywords_in_strings_names_and_comments_is_allowed(query):
    check_cypher(query)


def test_harmless_sparql_with_keywords_in_iris_strings_variables_and_prefixed_names_is_allowed():
    check_sparql("PREFIX load: <https://e.org/service#> SELECT ?from ?insert WHERE { ?from load:drop ?insert . "
                 "FILTER(?insert != \"SERVICE <x>\") } # FROM a comment")


def test_named_queries_still_run_on_both_engines(store_dir):
    for engine in ("cypher", "sparql"):
        result = run("meetings", "--engine", engine, "--store", str(store_dir), "--format", "json")
        assert result.exit_code == 0, result.output
        assert result.output.count('"id"') >= 5


def test_verify_sees_views_changed_behind_the_stores_back(store_dir, tmp_path):
    path = tmp_path / "tampered"
    shutil.copytree(store_dir, path)
    with Store.open(path) as store:
        assert store.verify() == []
        with store.cypher.writing():  # what a query that got through would have done
            store.cypher._connect().execute("MATCH ()-[e:ATTENDED]->() WITH e LIMIT 2 DELETE e")
        with store.sparql.writing():
            store.sparql._open().remove(next(iter(store.sparql.quads())))
        problems = store.verify()
    assert sum(p.startswith("Cypher view lacks ATTENDED") for p in problems) == 2
    assert sum(p.startswith("SPARQL view lacks triple") for p in problems) == 1
    assert len(problems) == 3
