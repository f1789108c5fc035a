"""Exports of the graph (or a filtered subgraph) for the tools analysts already use.

    from coalition_graph.graph.export import export_graph, GraphFilter, filter_graph
    sub = filter_graph(store.networkx(), GraphFilter(country="FRA"))
    export_graph(sub, "gexf", Path("france.gexf"))

One module per family: nx_formats (graphml, gexf, node-link), rdf (jsonld, turtle, ntriples),
neo4j_csv (csv: a directory), cypher_script (cypher), html (one self-contained page).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import networkx as nx

from coalition_graph.graph.export.filters import FilterError, GraphFilter, filter_graph

FORMATS = ("graphml", "gexf", "node-link", "jsonld", "turtle", "ntriples", "csv", "cypher", "html")
# file name extension for each format (csv writes a directory)
EXTENSIONS = {"graphml": ".graphml", "gexf": ".gexf", "node-link": ".json", "jsonld": ".jsonld", "turtle": ".ttl",
              "ntriples": ".nt", "csv": "", "cypher": ".cypher", "html": ".html"}

Evidence = Callable[[str], list[dict[str, Any]]]

__all__ = ["FORMATS", "EXTENSIONS", "GraphFilter", "FilterError", "filter_graph", "export_graph"]


def export_graph(graph: nx.MultiDiGraph, fmt: str, out: Path, *, evidence: Evidence | None = None,
                 dialect: str = "ladybug", title: str = "Coalition Graph") -> list[Path]:
    """Write `graph` as `fmt` to `out` (a directory for csv); returns the paths written.

    `evidence(id)` (e.g. `store.evidence`) adds the evidence sentences of every node and edge to the
    HTML page; without it the page shows what the graph holds (sources, SOURCED_FROM sentences).
    """
    out = Path(out)
    if fmt == "graphml":
        from coalition_graph.graph.export.nx_formats import write_graphml as write
    elif fmt == "gexf":
        from coalition_graph.graph.export.nx_formats import write_gexf as write
    elif fmt == "node-link":
        from coalition_graph.graph.export.nx_formats import write_node_link as write
    elif fmt in ("jsonld", "turtle", "ntriples"):
        from coalition_graph.graph.export.rdf import write_rdf

        write_rdf(graph, out, fmt)
        return [out]
    elif fmt == "csv":
        from coalition_graph.graph.export.neo4j_csv import write_neo4j_csv

        return write_neo4j_csv(graph, out)
    elif fmt == "cypher":
        from coalition_graph.graph.export.cypher_script import write_cypher_file

        write_cypher_file(graph, out, dialect=dialect)
        return [out]
    elif fmt == "html":
        from coalition_graph.graph.export.html import write_html

        write_html(graph, out, evidence=evidence, title=title)
        return [out]
    else:
        raise FilterError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    write(graph, out)
    return [out]
