"""JSON-LD, Turtle and N-Triples: the graph as RDF with the ontology's IRIs (the lead's mapping in schema/rdf.py).

The subgraph goes back to node and edge records and through `records_to_graph`, so an export holds
exactly the triples the SPARQL view holds for the same records, and satisfies schema/shapes.ttl.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

RDF_FORMATS = {"jsonld": "json-ld", "turtle": "turtle", "ntriples": "nt"}


def graph_to_rdf(graph: nx.MultiDiGraph):
    """The rdflib Graph of a networkx graph in the store's shape."""
    from coalition_graph.graph.nx_view import records_from_networkx
    from coalition_graph.schema.rdf import records_to_graph

    nodes, edges = records_from_networkx(graph)
    return records_to_graph(nodes, edges)


def for_tools(rdf):
    """What an export adds to the mapping so RDF tools without a reasoner read it well:

    - the ontology's own triples travel with the data;
    - each typed resource also has its superclasses as types (a cg:Meeting is found as a schema:Event);
    - a pledge's amount is also a schema:MonetaryAmount (`schema:amount`, with value and currency).
    """
    from rdflib import RDF, RDFS, Literal, URIRef
    from rdflib.namespace import XSD

    from coalition_graph.schema.rdf import CG, SDO, ontology_graph

    ontology = ontology_graph()
    out = rdf + ontology
    for subject, cls in list(rdf.subject_objects(RDF.type)):
        for parent in ontology.transitive_objects(cls, RDFS.subClassOf):
            if parent != cls and str(parent).startswith(str(SDO)):
                out.add((subject, RDF.type, parent))
    for pledge in list(rdf.subjects(RDF.type, CG.Pledge)):
        amount, currency = rdf.value(pledge, CG.amount), rdf.value(pledge, CG.currency)
        if amount is None or currency is None:
            continue
        node = URIRef(f"{pledge}/amount")
        out.add((pledge, SDO.amount, node))
        out.add((node, RDF.type, SDO.MonetaryAmount))
        out.add((node, SDO.value, Literal(amount.toPython(), datatype=XSD.double)))
        out.add((node, SDO.currency, Literal(str(currency))))
    from coalition_graph.schema.rdf import bind_prefixes

    return bind_prefixes(out)


def write_rdf(graph: nx.MultiDiGraph, out: Path, fmt: str) -> None:
    rdf = for_tools(graph_to_rdf(graph))
    if fmt == "jsonld":
        from coalition_graph.schema.rdf import PREFIXES

        # a compact context with the ontology's prefixes keeps the JSON-LD readable; `id` is not bound as a
        # prefix there, since "id:…" beside JSON-LD's own "@id" misleads (node IRIs are written in full)
        context = {prefix: str(ns) for prefix, ns in PREFIXES.items() if prefix != "id"}
        rdf.serialize(destination=str(out), format="json-ld", context=context, indent=1)
    elif fmt == "turtle":
        _write_turtle(rdf, out)
    else:
        rdf.serialize(destination=str(out), format=RDF_FORMATS[fmt], encoding="utf-8")


def _write_turtle(rdf, out: Path) -> None:
    """Turtle through Oxigraph's serializer, which keeps every literal's lexical form.

    (rdflib's Turtle writer shortens xsd:double to six significant digits: 1938688961.59 → 1.938689e+09.)
    """
    import pyoxigraph as ox

    from coalition_graph.schema.rdf import PREFIXES, to_oxigraph

    triples = sorted((ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in rdf), key=str)
    ox.serialize(triples, str(out), ox.RdfFormat.TURTLE, prefixes={k: str(v) for k, v in PREFIXES.items()})


def read_rdf(path: Path, fmt: str):
    from rdflib import Graph

    out = Graph()
    out.parse(str(path), format=RDF_FORMATS[fmt])
    return out
