"""The CSV export loaded by a real `neo4j-admin database import full` (Neo4j 5.26 from Maven Central, the
jars tests/servers/prepare.sh fetched), run through the exported import.sh as a user runs it, then read
back over Bolt from a Neo4j server started on the imported database."""
from __future__ import annotations

import os
import subprocess
from collections import Counter

import neo4j
import pytest

from coalition_graph.graph.export import export_graph
from tests.backend_servers import ServerStartError, neo4j_admin, prepare, start_neo4j


@pytest.fixture(scope="module")
def imported(sample_store, tmp_path_factory):
    """(graph, Neo4j server on the database import.sh made, import.sh's output, the CSV directory)."""
    try:
        prepare()
    except ServerStartError as error:
        pytest.fail(str(error), pytrace=False)
    work = tmp_path_factory.mktemp("neo4j-import")
    graph = sample_store.networkx()
    export_graph(graph, "csv", work / "csv")
    bin_dir = neo4j_admin(work / "bin", heap="1g").parent
    home = work / "neo4j-home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(NEO4J_HOME=str(home), PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}")
    done = subprocess.run(["sh", str(work / "csv" / "import.sh")], env=env, capture_output=True, text=True,
                          timeout=300, stdin=subprocess.DEVNULL)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-3000:]
    server = start_neo4j(work, home=home)
    try:
        yield graph, server, output, work / "csv"
    finally:
        server.stop()


def query(server, cypher: str, **params):
    with neo4j.GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as driver:
        records, _, _ = driver.execute_query(cypher, params, database_=server.database)
    return [r.data() for r in records]


def test_neo4j_admin_imports_every_node_and_relationship(imported):
    graph, server, output, _ = imported
    assert "IMPORT DONE" in output
    assert f"{graph.number_of_nodes()} nodes" in output and f"{graph.number_of_edges()} relationships" in output
    labels = Counter(d["label"] for _, d in graph.nodes(data=True))
    got = {r["label"]: r["n"] for r in query(server, "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")}
    assert got == dict(labels)
    types = Counter(d["type"] for _, _, d in graph.edges(data=True))
    got = {r["type"]: r["n"] for r in query(server, "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")}
    assert got == dict(types)


def test_imported_values_are_typed_and_every_node_has_a_caption(imported):
    graph, server, _, _ = imported
    meeting, data = next((n, d) for n, d in sorted(graph.nodes(data=True))
                         if d["label"] == "Meeting" and d.get("start_date"))
    row = query(server, "MATCH (m:Meeting {id: $id}) RETURN m.name AS name, m.start_date AS day, m.sources AS sources",
                id=meeting)[0]
    assert row["name"] == data["name"]
    assert isinstance(row["day"], neo4j.time.Date) and row["day"].iso_format() == data["start_date"].isoformat()
    assert row["sources"] == list(data["sources"])
    amounts = query(server, "MATCH (p:Pledge) WHERE p.amount IS NOT NULL RETURN p.amount AS amount LIMIT 5")
    assert amounts and all(isinstance(r["amount"], float) for r in amounts)
    # Browser and Bloom show a caption for every node: name, else title, else caption
    assert query(server, "MATCH (n) WHERE coalesce(n.name, n.title, n.caption) IS NULL RETURN count(n) AS n") == [{"n": 0}]
    attended = sum(1 for _, _, d in graph.edges(data=True) if d["type"] == "ATTENDED" and d.get("role"))
    assert query(server, "MATCH ()-[a:ATTENDED]->() WHERE a.role IS NOT NULL RETURN count(a) AS n") == [{"n": attended}]


def test_constraints_cypher_makes_id_unique_per_label(imported):
    graph, server, _, csv_dir = imported
    for statement in (csv_dir / "constraints.cypher").read_text().split(";"):  # what cypher-shell -f runs
        if statement.strip():
            query(server, statement)
    rows = query(server, "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties RETURN *")
    unique = {r["labelsOrTypes"][0] for r in rows if r["type"] == "UNIQUENESS" and r["properties"] == ["id"]}
    assert unique == {d["label"] for _, d in graph.nodes(data=True)}
    # and Neo4j now refuses a second node with an id that is taken
    taken = next(iter(graph.nodes))
    label = graph.nodes[taken]["label"]
    with pytest.raises(neo4j.exceptions.ConstraintError):
        query(server, f"CREATE (:{label} {{id: $id}})", id=taken)
