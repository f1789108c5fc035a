"""The HTML export's layout: exact for small components, a mesh for large ones, both readable."""
from __future__ import annotations

import math
import random

import networkx as nx
import numpy as np

from coalition_graph.graph.export import layout as layout_module
from coalition_graph.graph.export.layout import force_layout


def _clustered(n_clusters: int, size: int, seed: int = 1) -> nx.Graph:
    """Dense clusters joined by a few links: a good layout keeps each cluster together."""
    rng = random.Random(seed)
    graph = nx.Graph()
    for c in range(n_clusters):
        members = [f"c{c}/{i}" for i in range(size)]
        for i, node in enumerate(members):
            graph.add_edge(node, members[(i + 1) % size])
            graph.add_edge(node, rng.choice(members))
        if c:
            graph.add_edge(members[0], f"c{c - 1}/0")
    return graph


def _quality(graph: nx.Graph, pos: dict) -> tuple[float, float]:
    xy = {n: np.array(p) for n, p in pos.items()}
    linked = np.mean([np.linalg.norm(xy[u] - xy[v]) for u, v in graph.edges()])
    rng = random.Random(0)
    nodes = list(graph)
    apart = np.mean([np.linalg.norm(xy[rng.choice(nodes)] - xy[rng.choice(nodes)]) for _ in range(2000)])
    return linked, apart


def test_a_large_component_is_laid_out_by_the_mesh_and_stays_readable(monkeypatch):
    graph = _clustered(30, 100)  # 3,000 nodes in one component
    monkeypatch.setattr(layout_module, "EXACT_LIMIT", 500)  # the mesh path, at a size the exact path can check
    mesh = force_layout(graph, seed=3)
    assert set(mesh) == set(graph) and all(math.isfinite(x) and math.isfinite(y) for x, y in mesh.values())
    linked, apart = _quality(graph, mesh)
    assert linked * 4 < apart  # linked nodes are drawn near each other, the clusters apart
    distinct = {(round(x / 10), round(y / 10)) for x, y in mesh.values()}
    assert len(distinct) > 0.9 * len(mesh)  # hardly any two nodes drawn on top of each other
    monkeypatch.setattr(layout_module, "EXACT_LIMIT", 10_000)
    exact_linked, exact_apart = _quality(graph, force_layout(graph, seed=3))
    assert linked / apart < 2 * exact_linked / exact_apart  # about as good as exact repulsion
