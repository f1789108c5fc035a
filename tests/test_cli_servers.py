"""The CLI's named queries and `query` against the real Neo4j and Fuseki servers give the store's answers."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from coalition_graph.cli import cli
from coalition_graph.queries import run_named
from tests.test_backend_contract import fuseki_backend, neo4j_backend  # noqa: F401  (fixtures)


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.mark.parametrize("name", ["meetings", "attendance", "pledges", "statements"])
def test_named_queries_on_neo4j_and_fuseki_match_the_store(name, sample_store, neo4j_server, neo4j_backend, fuseki_server, fuseki_backend):
    expected = run_named(sample_store.cypher, name)
    on_neo4j = run(name, "--neo4j", neo4j_server.uri, "--password", neo4j_server.password, "--format", "json")
    on_fuseki = run(name, "--sparql-endpoint", fuseki_server.query_url, "--format", "json")
    assert on_neo4j.exit_code == 0, on_neo4j.output
    assert on_fuseki.exit_code == 0, on_fuseki.output
    assert json.loads(on_neo4j.stdout) == expected == json.loads(on_fuseki.stdout)


def test_own_queries_on_the_servers(sample_store, neo4j_server, neo4j_backend, fuseki_server, fuseki_backend):
    cypher = run("query", "--neo4j", neo4j_server.uri, "--password", neo4j_server.password, "--format", "json",
                 "--cypher", "MATCH (m:Meeting) RETURN count(m) AS n")
    sparql = run("query", "--sparql-endpoint", fuseki_server.query_url, "--format", "json", "--sparql",
                 "SELECT (COUNT(?m) AS ?n) WHERE { ?m a <https://w3id.org/coalition-graph/ontology#Meeting> }")
    assert cypher.exit_code == 0 and sparql.exit_code == 0, cypher.output + sparql.output
    meetings = len(run_named(sample_store.cypher, "meetings"))
    assert json.loads(cypher.stdout)[0]["n"] == meetings == int(json.loads(sparql.stdout)[0]["n"])


def test_a_cypher_query_cannot_go_to_a_sparql_endpoint(fuseki_server):
    result = run("query", "--sparql-endpoint", fuseki_server.query_url, "--cypher", "MATCH (n) RETURN n")
    assert result.exit_code == 2 and "SPARQL endpoint" in result.output
