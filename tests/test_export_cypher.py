"""The Cypher script recreates the graph in a fresh embedded LadybugDB database."""
from __future__ import annotations

import ladybug
import networkx as nx

from coalition_graph.graph.export import export_graph, typed
from coalition_graph.graph.export.cypher_script import literal
from coalition_graph.schema.graph_schema import NODE_PROPS, REL_TYPES
from tests.graph_fixtures import small_graph
from tests.test_export_networkx import assert_same_graph


def run_script(script: str, db_path) -> nx.MultiDiGraph:
    """Run the script in a new database, then read every node and relationship back."""
    db = ladybug.Database(str(db_path))
    conn = ladybug.Connection(db)
    conn.execute(script)
    graph = nx.MultiDiGraph()
    for label in NODE_PROPS:
        result = conn.execute(f"MATCH (n:{label}) RETURN n")
        while result.has_next():
            node = result.get_next()[0]
            props = {k: v for k, v in node.items() if not k.startswith("_") and k != "id" and v is not None}
            graph.add_node(node["id"], label=label, **props)
    for rel in REL_TYPES:
        result = conn.execute(f"MATCH (a)-[r:{rel}]->(b) RETURN a.id, b.id, r")
        while result.has_next():
            src, dst, edge = result.get_next()
            props = {k: v for k, v in edge.items() if not k.startswith("_") and k != "id" and v is not None}
            graph.add_edge(src, dst, key=edge["id"], type=rel, **props)
    conn.close()
    db.close()
    return graph


def test_script_recreates_the_graph_in_ladybugdb(tmp_path):
    graph = small_graph()
    export_graph(graph, "cypher", tmp_path / "graph.cypher")
    script = (tmp_path / "graph.cypher").read_text(encoding="utf-8")
    assert script.count("MERGE (n:") == graph.number_of_nodes()
    back = run_script(script, tmp_path / "db")
    assert_same_graph(typed.without_none(graph), back)


def test_running_the_script_twice_changes_nothing(tmp_path):
    graph = small_graph()
    export_graph(graph, "cypher", tmp_path / "graph.cypher")
    script = (tmp_path / "graph.cypher").read_text(encoding="utf-8")
    back = run_script(script + script, tmp_path / "db")
    assert (back.number_of_nodes(), back.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())


def test_literals_escape_quotes_and_backslashes():
    assert literal("it's \"q\" \\ end") == "'it\\'s \"q\" \\\\ end'"
    assert literal(["a", "b'"]) == "['a', 'b\\'']"
    assert literal(1.5e20) == "1.5e20" and literal(True) == "true" and literal(None) == "NULL"


def test_neo4j_dialect_uses_constraints(tmp_path):
    export_graph(small_graph(), "cypher", tmp_path / "g.cypher", dialect="neo4j")
    text = (tmp_path / "g.cypher").read_text()
    assert "CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;" in text
    assert "CREATE NODE TABLE" not in text


def test_sample_store_script_recreates_it(sample_store, tmp_path):
    graph = sample_store.networkx()
    export_graph(graph, "cypher", tmp_path / "sample.cypher")
    back = run_script((tmp_path / "sample.cypher").read_text(encoding="utf-8"), tmp_path / "db")
    assert_same_graph(typed.without_none(graph), back)
