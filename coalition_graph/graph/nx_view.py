"""The graph in memory as networkx, for analytics and exports."""
from __future__ import annotations

from typing import Iterable

import networkx as nx

from coalition_graph.graph.records import EdgeRecord, NodeRecord


def to_networkx(nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord]) -> nx.MultiDiGraph:
    """Node key = node id, attributes `label` + props; edge key = edge id, attributes `type` + props."""
    graph = nx.MultiDiGraph()
    for node in nodes:
        graph.add_node(node.id, label=node.label, **node.props)
    for edge in edges:
        graph.add_edge(edge.src, edge.dst, key=edge.id, type=edge.type, **edge.props)
    return graph


def records_from_networkx(graph: nx.MultiDiGraph) -> tuple[list[NodeRecord], list[EdgeRecord]]:
    """The inverse of to_networkx (used by exports of a filtered subgraph)."""
    nodes = [NodeRecord(n, d["label"], {k: v for k, v in d.items() if k != "label"}) for n, d in graph.nodes(data=True)]
    labels = {n.id: n.label for n in nodes}
    edges = [
        EdgeRecord(k, d["type"], u, labels[u], v, labels[v], {kk: vv for kk, vv in d.items() if kk != "type"})
        for u, v, k, d in graph.edges(keys=True, data=True)
    ]
    return nodes, edges
