"""GraphML, GEXF and node-link JSON: the graph for Gephi, Cytoscape, yEd and Jupyter, with readers back.

All three keep node ids and edge ids (edge keys). Property types follow `typed`:
- GraphML: typed `<key>`s (string, double, long, boolean); dates are ISO `YYYY-MM-DD` strings
  (GraphML has no date type) and lists (sources, aliases) are JSON arrays in strings.
- GEXF 1.3: typed attributes likewise; a dated node (meeting, pledge, statement, article) also
  gets `start`/`end` on the node with `timeformat="date"`, so Gephi's timeline can play it. The XML
  `label` of a node is its display name and of an edge its type; dates are GEXF `date` attributes.
  Nodes carry viz colours by type.
- Gephi's convention in both: a node's `label` is its caption (the human name) and its node type is the
  `type` attribute (in the store and in networkx the type is `label`; the readers put it back).
- node-link JSON (`networkx.node_link_data`, edges under "edges"): lists stay JSON lists; dates are ISO strings.
Readers return a MultiDiGraph of the same shape as `store.networkx()` (without `None` props).
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx

from coalition_graph.graph.export import typed
from coalition_graph.graph.export.filters import node_dates
from coalition_graph.graph.export.style import display_name, rgb, style_of

# ---------------------------------------------------------------- GraphML


def write_graphml(graph: nx.MultiDiGraph, out: Path) -> None:
    encoded = typed.encode_graph(graph)
    for node, data in encoded.nodes(data=True):  # Gephi's caption convention: label = name, type = node type
        data["type"] = data.get("label", "")
        data["label"] = display_name(node, graph.nodes[node])
    encoded.graph["description"] = "Coalition Graph export: dates are ISO strings, lists are JSON arrays in strings"
    nx.write_graphml(encoded, str(out), named_key_ids=True, infer_numeric_types=True)


def read_graphml(path: Path) -> nx.MultiDiGraph:
    graph = nx.read_graphml(str(path), force_multigraph=True)
    graph.graph.clear()
    for _, data in graph.nodes(data=True):
        data["label"] = data.pop("type", data.get("label"))
    for _, _, data in graph.edges(data=True):
        data.pop("id", None)  # the edge id is the key already
    return typed.decode_graph(nx.MultiDiGraph(graph))


# ---------------------------------------------------------------- GEXF 1.3

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
_GEXF_TYPES = {typed.STRING: "string", typed.DOUBLE: "double", typed.INT64: "long", typed.BOOLEAN: "boolean",
               typed.DATE: "date", typed.STRING_LIST: "string"}
_GEXF_TO_SCHEMA = {"double": typed.DOUBLE, "float": typed.DOUBLE, "long": typed.INT64, "integer": typed.INT64,
                   "boolean": typed.BOOLEAN}


def _attr_columns(items: list[tuple[str, dict[str, Any]]], kind: str) -> dict[str, str]:
    """Attribute name → schema type, over every node (or edge) of the graph."""
    columns: dict[str, str] = {}
    for owner, data in items:
        known = typed.node_types(owner) if kind == "node" else typed.edge_types(owner)
        for key, value in data.items():
            if value is not None:
                columns.setdefault(key, typed.prop_type(known, key, value))
    return columns


def write_gexf(graph: nx.MultiDiGraph, out: Path) -> None:
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("viz", VIZ_NS)
    root = ET.Element(f"{{{GEXF_NS}}}gexf", version="1.3")
    meta = ET.SubElement(root, f"{{{GEXF_NS}}}meta")
    ET.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "coalition-graph"
    ET.SubElement(meta, f"{{{GEXF_NS}}}description").text = (
        "Coalition Graph export. Dates are ISO strings (and node time intervals); lists are JSON arrays in strings.")
    g = ET.SubElement(root, f"{{{GEXF_NS}}}graph", defaultedgetype="directed", mode="static", timeformat="date")
    node_cols = _attr_columns([(d.get("label", ""), d) for _, d in graph.nodes(data=True)], "node")
    edge_cols = _attr_columns([(d.get("type", ""), d) for _, _, d in graph.edges(data=True)], "edge")
    for cls, cols in (("node", node_cols), ("edge", edge_cols)):
        attrs = ET.SubElement(g, f"{{{GEXF_NS}}}attributes", {"class": cls, "mode": "static"})
        for name, typ in cols.items():
            title = "type" if (cls, name) == ("node", "label") else name  # Gephi: the XML label is the caption
            ET.SubElement(attrs, f"{{{GEXF_NS}}}attribute", id=f"{cls}:{name}", title=title, type=_GEXF_TYPES[typ])
    nodes_el = ET.SubElement(g, f"{{{GEXF_NS}}}nodes")
    degree = dict(graph.degree())
    for node, data in graph.nodes(data=True):
        el = ET.SubElement(nodes_el, f"{{{GEXF_NS}}}node", id=str(node), label=display_name(node, data))
        first, last = node_dates(data)
        if first is not None:  # the node's time interval, in Gephi's date format
            el.set("start", first.isoformat())
            el.set("end", last.isoformat())
        _attvalues(el, data, node_cols, "node")
        r, gr, b = rgb(style_of(data.get("label", ""))["color"])
        ET.SubElement(el, f"{{{VIZ_NS}}}color", r=str(r), g=str(gr), b=str(b))
        ET.SubElement(el, f"{{{VIZ_NS}}}size", value=str(4 + 2 * degree[node] ** 0.5))
    edges_el = ET.SubElement(g, f"{{{GEXF_NS}}}edges")
    for u, v, key, data in graph.edges(keys=True, data=True):
        el = ET.SubElement(edges_el, f"{{{GEXF_NS}}}edge", id=str(key), source=str(u), target=str(v),
                           label=str(data.get("type", "")), kind=str(data.get("type", "")))
        _attvalues(el, data, edge_cols, "edge")
    ET.indent(root)
    ET.ElementTree(root).write(str(out), encoding="utf-8", xml_declaration=True)


def _attvalues(el: ET.Element, data: dict[str, Any], cols: dict[str, str], cls: str) -> None:
    values = ET.SubElement(el, f"{{{GEXF_NS}}}attvalues")
    for key, value in data.items():
        if value is None:
            continue
        text = typed.to_text(value, cols[key])
        if isinstance(text, bool):
            text = "true" if text else "false"
        ET.SubElement(values, f"{{{GEXF_NS}}}attvalue", {"for": f"{cls}:{key}", "value": str(text)})


def read_gexf(path: Path) -> nx.MultiDiGraph:
    """Read a GEXF file written by `write_gexf` (attributes only; XML labels and viz are presentation)."""
    tree = ET.parse(str(path))
    ns = {"g": GEXF_NS}
    g = tree.getroot().find("g:graph", ns)
    titles: dict[str, tuple[str, str]] = {}
    for attrs in g.findall("g:attributes", ns):
        for attr in attrs.findall("g:attribute", ns):
            title = "label" if (attrs.get("class"), attr.get("title")) == ("node", "type") else attr.get("title")
            titles[attr.get("id")] = (title, attr.get("type"))
    guess: dict[str, str] = {}
    graph = nx.MultiDiGraph()

    def values(el: ET.Element) -> dict[str, Any]:
        out = {}
        for av in el.findall("g:attvalues/g:attvalue", ns):
            title, gtype = titles[av.get("for")]
            out[title] = av.get("value")
            if gtype in _GEXF_TO_SCHEMA:
                guess[title] = _GEXF_TO_SCHEMA[gtype]
        return out

    for el in g.findall("g:nodes/g:node", ns):
        graph.add_node(el.get("id"), **values(el))
    for el in g.findall("g:edges/g:edge", ns):
        graph.add_edge(el.get("source"), el.get("target"), key=el.get("id"), **values(el))
    # typed numbers by the file's own declarations where the schema does not know the prop
    return typed.decode_graph(_typed_numbers(graph, guess), guess=guess)


def _typed_numbers(graph: nx.MultiDiGraph, guess: dict[str, str]) -> nx.MultiDiGraph:
    for data in [d for _, d in graph.nodes(data=True)] + [d for _, _, d in graph.edges(data=True)]:
        for key, typ in guess.items():
            if key in data:
                data[key] = typed.from_text(data[key], typ)
    return graph


# ---------------------------------------------------------------- node-link JSON


def node_link(graph: nx.MultiDiGraph) -> dict[str, Any]:
    data = nx.node_link_data(graph, edges="edges")
    return json.loads(json.dumps(data, ensure_ascii=False, default=_json_default))


def write_node_link(graph: nx.MultiDiGraph, out: Path) -> None:
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(nx.node_link_data(graph, edges="edges"), fh, ensure_ascii=False, indent=1, default=_json_default)


def read_node_link(path: Path) -> nx.MultiDiGraph:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    graph = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    return typed.decode_graph(nx.MultiDiGraph(graph))


def _json_default(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
