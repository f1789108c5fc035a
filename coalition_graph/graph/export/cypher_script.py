"""A Cypher script that recreates the graph: one MERGE on `id` per node and per relationship.

Dialects:
- `ladybug` (default): starts with the schema's `CREATE NODE/REL TABLE IF NOT EXISTS` statements, so it
  runs on a fresh embedded LadybugDB (or Kuzu) database, and on a store's Cypher view;
- `neo4j`: starts with `CREATE CONSTRAINT ... IF NOT EXISTS` uniqueness constraints on `id` instead.
The statements themselves are the common subset of both dialects: `MERGE (n:Label {id: '…'}) SET n.p = …`,
literals only (strings with backslash escapes, `date('YYYY-MM-DD')`, lists `['a', 'b']`), no list
comprehensions and no parameters. Re-running the script changes nothing.
"""
from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any, TextIO

import networkx as nx

from coalition_graph.graph.export import typed
from coalition_graph.schema import graph_schema

DIALECTS = ("ladybug", "neo4j")


def literal(value: Any) -> str:
    """A Cypher literal for a property value."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return "NULL"
        return repr(value).replace("e+", "e")
    if isinstance(value, dt.date):
        return f"date('{value.isoformat()}')"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    text = str(value).replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r")
    return f"'{text}'"


def _props_to_set(var: str, data: dict[str, Any], known: dict[str, str], skip: tuple[str, ...]) -> str:
    # a label the schema knows gets exactly its columns (an embedded engine rejects unknown ones)
    names = [k for k in known if k not in skip] if known else [k for k in data if k not in skip]
    sets = [f"{var}.{name} = {literal(typed.coerce(data.get(name), known.get(name, '')))}"
            for name in names if data.get(name) is not None]
    return (" SET " + ", ".join(sets)) if sets else ""


def schema_statements(dialect: str) -> list[str]:
    if dialect == "ladybug":
        from coalition_graph.graph.cypher_view import ddl

        return ddl()
    return [f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
            for label in graph_schema.NODE_PROPS]


def write_cypher(graph: nx.MultiDiGraph, out: TextIO, *, dialect: str = "ladybug") -> None:
    if dialect not in DIALECTS:
        raise ValueError(f"unknown Cypher dialect {dialect!r}: use one of {', '.join(DIALECTS)}")
    out.write(f"// Coalition Graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} relationships.\n"
              f"// Cypher for {dialect}; every statement is a MERGE on id, so running it twice changes nothing.\n")
    out.write("// schema\n")
    for statement in schema_statements(dialect):
        out.write(statement + ";\n")
    out.write("// nodes\n")
    for node, data in sorted(graph.nodes(data=True), key=lambda item: (item[1]["label"], item[0])):
        label = data["label"]
        known = typed.node_types(label)
        out.write(f"MERGE (n:{label} {{id: {literal(node)}}}){_props_to_set('n', data, known, ('id', 'label'))};\n")
    out.write("// relationships\n")
    for u, v, key, data in sorted(graph.edges(keys=True, data=True), key=lambda item: (item[3]["type"], item[2])):
        rel = data["type"]
        known = typed.edge_types(rel)
        out.write(f"MATCH (a:{graph.nodes[u]['label']} {{id: {literal(u)}}}) MATCH (b:{graph.nodes[v]['label']} {{id: {literal(v)}}}) "
                  f"MERGE (a)-[r:{rel} {{id: {literal(key)}}}]->(b){_props_to_set('r', data, known, ('id', 'type'))};\n")


def write_cypher_file(graph: nx.MultiDiGraph, out: Path, *, dialect: str = "ladybug") -> None:
    with open(out, "w", encoding="utf-8") as fh:
        write_cypher(graph, fh, dialect=dialect)
