"""The floor scripts/bench.py and scripts/bench_push.py measure the Neo4j push against (issue 10: the push
within 1.5x of `UNWIND … CREATE` on the same server), checked on the real server: the floor writes the
push's own rows in the push's own batches, CREATE in place of MERGE, so it builds the same graph."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from coalition_graph.graph.backends.neo4j import Neo4jBackend, push_to_neo4j
from coalition_graph.schema.graph_schema import NODE_PROPS, REL_TYPES

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "bench_push.py"


def _bench_push():
    spec = importlib.util.spec_from_file_location("bench_push", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_floor_statements_are_the_upserts_with_create_for_merge():
    bench = _bench_push()
    for label in NODE_PROPS:
        text = bench.node_create(label)
        assert "MERGE" not in text and f"CREATE (n:{label} {{id: row.id}})" in text
    for rel in REL_TYPES.values():
        for src, dst in rel.ends:
            text = bench.edge_create(rel.name, src, dst)
            assert "MERGE" not in text and f"CREATE (a)-[e:{rel.name} {{id: row.id}}]->(b)" in text


def test_the_floor_builds_the_graph_the_push_builds(neo4j_server, sample_store):
    bench = _bench_push()
    backend = Neo4jBackend(neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    try:
        bench.clear_neo4j(backend)
        assert sum(backend.count().values()) == 0
        backend.ensure_schema()
        nodes = backend.upsert_nodes(sample_store.iter_nodes(), statement=bench.node_create)
        rels = backend.upsert_edges(sample_store.iter_edges(), statement=bench.edge_create)
        assert (nodes, rels) == bench.store_size(sample_store)
        after_floor = backend.count()
        assert sum(v for k, v in after_floor.items() if k.isupper()) == rels  # every relationship found its ends
        # the push MERGEs on the ids: it finds every node and relationship the floor made, and adds none
        push_to_neo4j(sample_store, neo4j_server.uri, backend=backend)
        assert backend.count() == after_floor
    finally:
        # the database holds the sample as pushed, as the other backend tests leave it
        backend.close()
