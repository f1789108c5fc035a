"""The RDF view: every exported graph satisfies the SHACL shapes and uses only the ontology's terms."""
from __future__ import annotations

from pyshacl import validate
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import OWL

from coalition_graph.graph.records import NodeRecord
from coalition_graph.graph.store import Store
from coalition_graph.schema.rdf import CG, ontology_graph, records_to_graph, shapes_graph


def test_sample_graph_conforms_to_the_shapes(sample_store: Store):
    data = records_to_graph(sample_store.iter_nodes(), sample_store.iter_edges())
    conforms, _, report = validate(data, shacl_graph=shapes_graph(), inference="none")
    assert conforms, report


def test_the_embedded_sparql_store_holds_exactly_the_mapped_graph(sample_store: Store):
    expected = records_to_graph(sample_store.iter_nodes(), sample_store.iter_edges())
    stored = Graph()
    for s, p, o in sample_store.sparql.rdflib_graph:
        # RDF 1.1: a plain literal is an xsd:string; Oxigraph says so explicitly, rdflib does not.
        if isinstance(o, Literal) and o.datatype == XSD.string:
            o = Literal(str(o))
        stored.add((s, p, o))
    assert len(stored) == len(expected)
    assert set(stored) == set(expected)


def test_a_broken_graph_violates_the_shapes():
    # a meeting with no name, no sources and an invalid kind
    bad = records_to_graph([NodeRecord("meeting/x", "Meeting", {"kind": "party", "sources": []})], [])
    conforms, _, _ = validate(bad, shacl_graph=shapes_graph(), inference="none")
    assert not conforms


def test_every_cg_term_used_is_declared_in_the_ontology(sample_store: Store):
    data = records_to_graph(sample_store.iter_nodes(), sample_store.iter_edges())
    ontology = ontology_graph()
    declared = set(ontology.subjects(RDF.type, None))
    used = {p for p in data.predicates() if str(p).startswith(str(CG))}
    used |= {o for o in data.objects(None, RDF.type) if str(o).startswith(str(CG))}
    assert used and used <= declared, used - declared
    assert (URIRef("https://w3id.org/coalition-graph/ontology"), RDF.type, OWL.Ontology) in ontology
