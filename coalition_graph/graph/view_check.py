"""Do the query engines hold exactly what the source of truth says? (a part of `Store.verify`)"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from coalition_graph.schema.graph_schema import NODE_PROPS, REL_TYPES

SHOWN = 3  # differences named per view; the rest are counted


def _differences(view: str, what: str, expected: set, found: set) -> list[str]:
    out = [f"{view} view lacks {what} {item}" for item in sorted(map(str, expected - found))[:SHOWN]]
    out += [f"{view} view has {what} {item} that the source of truth does not" for item in sorted(map(str, found - expected))[:SHOWN]]
    hidden = len(expected ^ found) - len(out)
    return out + ([f"{view} view: {hidden} more differences"] if hidden > 0 else [])


def cypher_problems(store: Any) -> list[str]:
    """Every node and relationship id of each label and type, in the Cypher view and in SQLite."""
    view = store.cypher
    expected: dict[str, set[str]] = defaultdict(set)
    for node in store.iter_nodes():
        expected[node.label].add(node.id)
    for edge in store.iter_edges():
        expected[edge.type].add(edge.id)
    problems: list[str] = []
    for label in NODE_PROPS:
        found = {row[0] for row in view.query(f"MATCH (n:{label}) RETURN n.id").rows}
        problems += _differences("Cypher", label, expected[label], found)
    for rel in REL_TYPES.values():
        found = {row[0] for row in view.query(f"MATCH ()-[e:{rel.name}]->() RETURN e.id").rows}
        problems += _differences("Cypher", rel.name, expected[rel.name], found)
    return problems


def sparql_problems(store: Any) -> list[str]:
    """Every triple of the SPARQL view against the triples the source of truth maps to."""
    from coalition_graph.graph.sparql_view import expected_quads

    view = store.sparql
    expected = set(expected_quads(store.iter_nodes(), store.iter_edges()))
    return _differences("SPARQL", "triple", expected, set(view.quads()))


def view_problems(store: Any) -> list[str]:
    return cypher_problems(store) + sparql_problems(store)
