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


def write_rdf(graph: nx.MultiDiGraph, out: Path, fmt: str) -> None:
    rdf = graph_to_rdf(graph)
    if fmt == "jsonld":
        from coalition_graph.schema.rdf import PREFIXES

        # a compact context with the ontology's prefixes keeps the JSON-LD readable
        context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
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
