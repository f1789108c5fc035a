"""Property types for exports, read from the graph schema, and how text formats carry them.

GraphML, GEXF, node-link JSON and CSV cannot all hold every Python value the graph has,
so each writer encodes and each reader decodes with the helpers here:

- dates (`DATE`) travel as ISO strings `YYYY-MM-DD` (GEXF additionally puts them on the
  node's time interval, where Gephi's timeline reads them);
- lists (`STRING[]`: sources, aliases) travel as JSON arrays inside a string;
- `None` is left out (none of these formats has a null); readers give back only the
  properties that have a value, so a round trip compares graphs without their `None`s.

The type of a property comes from `coalition_graph.schema.graph_schema` (by node label or
relationship type); a property the schema does not know is typed by its Python value.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Any, Iterable

import networkx as nx

from coalition_graph.schema import graph_schema

STRING, DOUBLE, INT64, BOOLEAN, DATE, STRING_LIST = "STRING", "DOUBLE", "INT64", "BOOLEAN", "DATE", "STRING[]"

# Attributes every node / edge has besides its props.
NODE_LABEL_ATTR = "label"
EDGE_TYPE_ATTR = "type"


def node_types(label: str) -> dict[str, str]:
    """Typed props of a node label (empty for a label the schema does not know)."""
    return graph_schema.node_props(label) if label in graph_schema.NODE_PROPS else {}


def edge_types(rel_type: str) -> dict[str, str]:
    return graph_schema.rel_props(rel_type) if rel_type in graph_schema.REL_TYPES else {}


def type_of_value(value: Any) -> str:
    """The schema type a Python value would have (for props the schema does not list)."""
    if isinstance(value, bool):
        return BOOLEAN
    if isinstance(value, int):
        return INT64
    if isinstance(value, float):
        return DOUBLE
    if isinstance(value, dt.date):
        return DATE
    if isinstance(value, (list, tuple)):
        return STRING_LIST
    return STRING


def prop_type(known: dict[str, str], name: str, value: Any) -> str:
    return known.get(name) or type_of_value(value)


def coerce(value: Any, typ: str) -> Any:
    """A value as the schema type says it is (amounts stored as 2 become 2.0)."""
    if value is None:
        return None
    if typ == DOUBLE and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if typ == STRING_LIST:
        return [str(v) for v in value]
    return value


def to_text(value: Any, typ: str) -> Any:
    """Encode for a format with only scalars: dates → ISO string, lists → JSON string; numbers stay."""
    if typ == DATE:
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if typ == STRING_LIST:
        return json.dumps(list(value), ensure_ascii=False)
    return coerce(value, typ)


def from_text(value: Any, typ: str) -> Any:
    """Decode what `to_text` wrote (and what a reader parsed) back to the schema type."""
    if value is None:
        return None
    if typ == DATE:
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    if typ == STRING_LIST:
        return list(value) if isinstance(value, list) else [str(v) for v in json.loads(value)]
    if typ == DOUBLE:
        return float(value)
    if typ == INT64:
        return int(value)
    if typ == BOOLEAN:
        return value if isinstance(value, bool) else str(value).lower() in ("true", "1")
    return value


def encode_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attribute values are all scalars (str, int, float, bool), `None`s dropped."""
    out = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        known = node_types(data.get(NODE_LABEL_ATTR, ""))
        out.add_node(node, **{k: to_text(v, prop_type(known, k, v)) for k, v in data.items() if v is not None})
    for u, v, key, data in graph.edges(keys=True, data=True):
        known = edge_types(data.get(EDGE_TYPE_ATTR, ""))
        out.add_edge(u, v, key=key, **{k: to_text(x, prop_type(known, k, x)) for k, x in data.items() if x is not None})
    return out


def decode_graph(graph: nx.MultiDiGraph, *, guess: dict[str, str] | None = None) -> nx.MultiDiGraph:
    """The inverse of `encode_graph`: give every prop its schema type back, in place.

    `guess` types props the schema does not know, by name (e.g. from a file's own key declarations).
    """
    guess = guess or {}
    for _, data in graph.nodes(data=True):
        known = node_types(data.get(NODE_LABEL_ATTR, ""))
        _decode_attrs(data, known, guess)
    for _, _, data in graph.edges(data=True):
        known = edge_types(data.get(EDGE_TYPE_ATTR, ""))
        _decode_attrs(data, known, guess)
    return graph


def _decode_attrs(data: dict[str, Any], known: dict[str, str], guess: dict[str, str]) -> None:
    for key in list(data):
        if data[key] is None:
            del data[key]
            continue
        typ = known.get(key) or guess.get(key)
        if typ:
            data[key] = from_text(data[key], typ)


def without_none(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of the graph without `None`-valued props (what the text formats can carry)."""
    out = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        known = node_types(data.get(NODE_LABEL_ATTR, ""))
        out.add_node(node, **{k: coerce(v, prop_type(known, k, v)) for k, v in data.items() if v is not None})
    for u, v, key, data in graph.edges(keys=True, data=True):
        known = edge_types(data.get(EDGE_TYPE_ATTR, ""))
        out.add_edge(u, v, key=key, **{k: coerce(x, prop_type(known, k, x)) for k, x in data.items() if x is not None})
    return out


def columns_for(records: Iterable[dict[str, Any]], known: dict[str, str], skip: Iterable[str] = ()) -> dict[str, str]:
    """Typed columns for a set of records: the schema's first, then any extra props seen (sorted)."""
    skip = set(skip)
    cols = {k: t for k, t in known.items() if k not in skip}
    extra: dict[str, str] = {}
    for data in records:
        for k, v in data.items():
            if k not in cols and k not in skip and v is not None:
                extra.setdefault(k, type_of_value(v))
    return {**cols, **dict(sorted(extra.items()))}
