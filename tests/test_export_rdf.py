"""JSON-LD, Turtle and N-Triples exports: isomorphic to the RDF mapping of the same records, and SHACL-valid."""
from __future__ import annotations

import pyshacl
import pytest
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic

from coalition_graph.graph.export import GraphFilter, export_graph, filter_graph
from coalition_graph.graph.export.rdf import for_tools, read_rdf
from coalition_graph.schema.rdf import ontology_graph, records_to_graph, shapes_graph
from tests.graph_fixtures import small_graph, small_records

RDF_FORMATS = {"jsonld": ".jsonld", "turtle": ".ttl", "ntriples": ".nt"}


def conforms(rdf) -> tuple[bool, str]:
    ok, _, text = pyshacl.validate(rdf, shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inference="none")
    return ok, text


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_rdf_export_is_the_mapping_of_the_records(tmp_path, fmt):
    out = tmp_path / f"graph{RDF_FORMATS[fmt]}"
    export_graph(small_graph(), fmt, out)
    got = read_rdf(out, fmt)
    expected = for_tools(records_to_graph(*small_records()))
    assert len(got) == len(expected) > 300
    assert isomorphic(got, expected)
    ok, report = conforms(got)
    assert ok, report


def test_isomorphism_notices_a_missing_triple(tmp_path):
    out = tmp_path / "g.nt"
    export_graph(small_graph(), "ntriples", out)
    got = read_rdf(out, "ntriples")
    got.remove((None, None, Literal("France")))
    assert not isomorphic(got, for_tools(records_to_graph(*small_records())))


def test_filtered_rdf_export_holds_only_the_subgraph(tmp_path):
    graph = small_graph()
    sub = filter_graph(graph, GraphFilter(meeting="Paris"))
    out = tmp_path / "paris.ttl"
    export_graph(sub, "turtle", out)
    got = read_rdf(out, "turtle")
    subjects = {str(s) for s in got.subjects() if isinstance(s, URIRef)}
    assert any(s.endswith("meeting/2025-03-27/summit/paris") for s in subjects)
    assert not any(s.endswith("meeting/2025-04-11/contact-group/brussels") for s in subjects)
    assert conforms(got)[0]


def test_sample_store_rdf_exports_conform(sample_store, tmp_path):
    from coalition_graph.graph.nx_view import records_from_networkx

    graph = sample_store.networkx()
    expected = for_tools(records_to_graph(list(sample_store.iter_nodes()), list(sample_store.iter_edges())))
    for fmt, suffix in RDF_FORMATS.items():
        out = tmp_path / f"sample{suffix}"
        export_graph(graph, fmt, out)
        got = read_rdf(out, fmt)
        assert isomorphic(got, expected), fmt
    ok, report = conforms(got)
    assert ok, report
    assert records_from_networkx(graph)[0]  # the records an export goes through are the store's


def test_rdf_export_reads_well_without_a_reasoner(sample_store, tmp_path):
    """A schema:Event query finds the meetings, amounts are schema:MonetaryAmount, the context binds no `id`."""
    import json

    from rdflib import Graph

    out = tmp_path / "g.jsonld"
    export_graph(sample_store.networkx(), "jsonld", out)
    assert "id" not in json.loads(out.read_text())["@context"]
    got = Graph().parse(str(out), format="json-ld")
    events = {str(r[0]) for r in got.query("SELECT ?m WHERE { ?m a <https://schema.org/Event> }")}
    meetings = {str(r[0]) for r in got.query(
        "SELECT ?m WHERE { ?m a <https://w3id.org/coalition-graph/ontology#Meeting> }")}
    assert meetings and events == meetings
    money = list(got.query("PREFIX schema: <https://schema.org/> SELECT ?v ?c WHERE { ?p schema:amount ?a . "
                           "?a a schema:MonetaryAmount ; schema:value ?v ; schema:currency ?c }"))
    assert money and {str(c) for _, c in money} >= {"EUR", "GBP"}
    assert any(True for _ in got.triples((None, None, None)) if "subClassOf" in str(_[1]))
