"""GraphML, GEXF and node-link JSON round trips: what the file holds equals the graph (by meaning)."""
from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from coalition_graph.graph.export import export_graph, typed
from coalition_graph.graph.export.nx_formats import read_gexf, read_graphml, read_node_link
from tests.graph_fixtures import small_graph

READERS = {"graphml": read_graphml, "gexf": read_gexf, "node-link": read_node_link}


def assert_same_graph(expected: nx.MultiDiGraph, got: nx.MultiDiGraph) -> None:
    """Isomorphic with matching attributes, and more: the same ids carry the same typed values."""
    assert nx.is_isomorphic(expected, got, node_match=lambda a, b: a == b, edge_match=lambda a, b: a == b)
    assert dict(got.nodes(data=True)) == dict(expected.nodes(data=True))
    edges = lambda g: {(u, v, k): d for u, v, k, d in g.edges(keys=True, data=True)}  # noqa: E731
    assert edges(got) == edges(expected)


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_round_trip_keeps_every_node_edge_and_typed_value(tmp_path, fmt):
    graph = small_graph()
    out = tmp_path / f"graph.{fmt}"
    export_graph(graph, fmt, out)
    back = READERS[fmt](out)
    assert_same_graph(typed.without_none(graph), back)
    # the types came back, not just the text
    meeting = back.nodes["meeting/2025-03-27/summit/paris"]
    assert meeting["start_date"] == dt.date(2025, 3, 27)
    assert back.nodes["person/keir-starmer"]["aliases"] == ["Starmer", "Sir Keir Starmer"]
    assert back.nodes["pledge/GBR/2025-03-02/1600000000-GBP"]["amount"] == 1.6e9
    assert back.nodes["statement/5f0c1d2e3a4b5c6d"]["direct"] is True
    assert back.edges["pledge/DEU/2025-04-11/11000000000-EUR", "article/udcg-april", "sourced_from/6"]["start_offset"] == 330


def test_round_trip_notices_a_changed_value(tmp_path):
    graph = small_graph()
    out = tmp_path / "graph.graphml"
    export_graph(graph, "graphml", out)
    changed = typed.without_none(graph)
    changed.nodes["country/FRA"]["name"] = "French Republic"
    with pytest.raises(AssertionError):
        assert_same_graph(changed, read_graphml(out))


def test_graphml_declares_typed_keys(tmp_path):
    out = tmp_path / "g.graphml"
    export_graph(small_graph(), "graphml", out)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in ET.parse(out).getroot().findall("g:key", ns)}
    assert keys[("node", "amount")] == "double"
    assert keys[("node", "direct")] == "boolean"
    assert keys[("edge", "start_offset")] in ("int", "long")
    assert keys[("node", "start_date")] == "string"  # ISO dates: GraphML has no date type


def test_gexf_has_typed_attributes_date_intervals_and_viz(tmp_path):
    out = tmp_path / "g.gexf"
    export_graph(small_graph(), "gexf", out)
    root = ET.parse(out).getroot()
    ns = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
    graph_el = root.find("g:graph", ns)
    assert graph_el.get("timeformat") == "date"
    types = {a.get("title"): a.get("type") for a in graph_el.findall("g:attributes[@class='node']/g:attribute", ns)}
    assert types["amount_eur"] == "double" and types["direct"] == "boolean"
    paris = graph_el.find("g:nodes/g:node[@id='meeting/2025-03-27/summit/paris']", ns)
    assert paris.get("label") == "Paris summit of the coalition of the willing"
    assert (paris.get("start"), paris.get("end")) == ("2025-03-27", "2025-03-27")
    assert paris.find("viz:color", ns) is not None
    edge = graph_el.find("g:edges/g:edge[@id='attended/1']", ns)
    assert edge.get("label") == "ATTENDED"


def test_node_link_is_plain_json_with_lists(tmp_path):
    out = tmp_path / "g.json"
    export_graph(small_graph(), "node-link", out)
    data = json.loads(out.read_text())
    starmer = next(n for n in data["nodes"] if n["id"] == "person/keir-starmer")
    assert starmer["aliases"] == ["Starmer", "Sir Keir Starmer"] and starmer["label"] == "Person"
    assert len(data["edges"]) == 45 and {"source", "target", "key", "type"} <= set(data["edges"][0])


def test_sample_store_round_trips(sample_store, tmp_path):
    graph = sample_store.networkx()
    assert graph.number_of_nodes() > 50
    for fmt, reader in READERS.items():
        out = tmp_path / f"sample.{fmt}"
        export_graph(graph, fmt, out)
        assert_same_graph(typed.without_none(graph), reader(out))


def test_graphml_and_gexf_follow_gephis_caption_convention(sample_store, tmp_path):
    """`label` is the human name Gephi shows, `type` the node type; GEXF dates are typed as dates."""
    import xml.etree.ElementTree as ET

    graph = sample_store.networkx()
    export_graph(graph, "graphml", tmp_path / "g.graphml")
    raw = nx.read_graphml(str(tmp_path / "g.graphml"))
    paris = raw.nodes["meeting/2025-03-27/summit/paris"]
    assert paris["type"] == "Meeting" and paris["label"] == graph.nodes["meeting/2025-03-27/summit/paris"]["name"]
    assert {d["type"] for _, d in raw.nodes(data=True)} >= {"Person", "Pledge", "Country"}
    assert all(d["label"] not in ("Person", "Pledge") for _, d in raw.nodes(data=True))
    export_graph(graph, "gexf", tmp_path / "g.gexf")
    ns = {"g": "http://gexf.net/1.3"}
    attrs = ET.parse(tmp_path / "g.gexf").getroot().findall("g:graph/g:attributes[@class='node']/g:attribute", ns)
    titles = {a.get("title"): a.get("type") for a in attrs}
    assert "type" in titles and "label" not in titles and titles["start_date"] == "date"
