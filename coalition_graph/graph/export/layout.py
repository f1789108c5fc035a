"""A force-directed layout computed once at export time, so a page with thousands of nodes opens drawn.

Fruchterman-Reingold, vectorised with numpy in float32 (no scipy). Up to EXACT_LIMIT nodes the repulsion
is exact over row blocks (~1.5 s for 3,000 nodes on one core, where networkx's dense version takes ~30 s);
a larger component gets it from a mesh (particle-mesh: the nodes' density on a grid, convolved by FFT with
the repulsion kernel), O(n + G² log G) an iteration instead of O(n²), and overlaps are pushed apart among
neighbours in a spatial order rather than among all pairs. Deterministic for a given graph and seed.
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np

BLOCK_CELLS = 1_000_000  # pairwise cells per block: bounds memory at ~4 MB per temporary
EXACT_LIMIT = 2_000  # nodes of a component laid out with exact repulsion; beyond, the mesh
MESH = 128  # grid cells a side for the mesh repulsion
WINDOW = 48  # neighbours in spatial order compared when pushing overlaps apart in a large component


SPACING = 120.0  # roughly the distance between neighbours, in page pixels


def layout(graph: nx.Graph, *, iterations: int = 60, seed: int = 0) -> dict[str, tuple[float, float]]:
    """Node → (x, y): each connected component laid out on its own, then packed in rows, biggest first,
    with isolated nodes in a grid after them (a force layout of the whole would fling them far away)."""
    undirected = nx.Graph(graph)
    components = sorted(nx.connected_components(undirected), key=lambda c: (-len(c), min(map(str, c))))
    placed: list[tuple[dict[str, tuple[float, float]], float, float]] = []
    isolated = [next(iter(c)) for c in components if len(c) == 1]
    for component in (c for c in components if len(c) > 1):
        pos = force_layout(undirected.subgraph(component), iterations=iterations, seed=seed)
        width = max(x for x, _ in pos.values()) + SPACING
        height = max(y for _, y in pos.values()) + SPACING
        placed.append((pos, width, height))
    if isolated:
        cols = max(1, math.ceil(math.sqrt(len(isolated))))
        grid = {node: ((i % cols) * SPACING / 2, (i // cols) * SPACING / 2) for i, node in enumerate(sorted(isolated, key=str))}
        placed.append((grid, cols * SPACING / 2 + SPACING, math.ceil(len(isolated) / cols) * SPACING / 2 + SPACING))
    # shelf packing: rows no wider than the widest block or the square root of the total area
    row_width = max([w for _, w, _ in placed] + [math.sqrt(sum(w * h for _, w, h in placed)) * 1.3]) if placed else 0
    out: dict[str, tuple[float, float]] = {}
    x0 = y0 = row_height = 0.0
    for pos, width, height in placed:
        if x0 > 0 and x0 + width > row_width:
            x0, y0, row_height = 0.0, y0 + row_height, 0.0
        out.update({node: (round(x + x0, 1), round(y + y0, 1)) for node, (x, y) in pos.items()})
        x0 += width
        row_height = max(row_height, height)
    return out


def force_layout(graph: nx.Graph, *, iterations: int = 60, seed: int = 0, scale: float | None = None) -> dict[str, tuple[float, float]]:
    """Node → (x, y), spread over a square of side `scale` (default grows with sqrt(n))."""
    nodes = sorted(graph.nodes, key=str)  # a stable order: the same graph gets the same picture
    n = len(nodes)
    if n == 0:
        return {}
    side = scale if scale is not None else SPACING * math.sqrt(n)
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = {(min(index[u], index[v]), max(index[u], index[v])) for u, v in graph.edges() if u != v}
    ends = np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    u, v = ends[:, 0], ends[:, 1]
    rng = np.random.default_rng(seed)
    x = rng.random(n).astype(np.float32)
    y = rng.random(n).astype(np.float32)
    k2 = np.float32(1.0 / n)  # optimal distance k = sqrt(area / n) on the unit square
    k = math.sqrt(float(k2))
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    block = max(1, BLOCK_CELLS // n)
    mesh_kernel = _mesh_kernel(MESH) if n > EXACT_LIMIT else None
    for _ in range(iterations):
        fx = np.empty(n, np.float32)
        fy = np.empty(n, np.float32)
        if mesh_kernel is not None:
            fx[:], fy[:] = _mesh_repulsion(x, y, k2, mesh_kernel, MESH)
        for start in range(0, n if mesh_kernel is None else 0, block):
            dx = x[start:start + block, None] - x[None, :]
            dy = y[start:start + block, None] - y[None, :]
            w = dx * dx
            w += dy * dy
            np.maximum(w, np.float32(1e-6), out=w)
            np.divide(k2, w, out=w)  # repulsion k²/d along the unit vector = d⃗·k²/d²
            dx *= w
            dy *= w
            fx[start:start + block] = dx.sum(axis=1)
            fy[start:start + block] = dy.sum(axis=1)
        if len(u):
            ex, ey = x[u] - x[v], y[u] - y[v]
            pull = np.sqrt(ex * ex + ey * ey) / k  # attraction d²/k along the unit vector = d⃗·d/k
            ax, ay = ex * pull, ey * pull
            fx -= np.bincount(u, ax, n).astype(np.float32)
            fx += np.bincount(v, ax, n).astype(np.float32)
            fy -= np.bincount(u, ay, n).astype(np.float32)
            fy += np.bincount(v, ay, n).astype(np.float32)
        length = np.maximum(np.sqrt(fx * fx + fy * fy), np.float32(1e-9))
        step = np.minimum(length, np.float32(temperature)) / length
        x += fx * step
        y += fy * step
        temperature -= cooling
    x -= x.min()
    y -= y.min()
    span = max(float(x.max()), float(y.max()), 1e-9)
    factor = np.float32(side / span)
    x *= factor
    y *= factor
    if n > EXACT_LIMIT:
        _separate_neighbours(x, y, min_distance=SPACING / 3)
    else:
        _separate(x, y, min_distance=SPACING / 3)
    x -= x.min()
    y -= y.min()
    return {node: (round(float(x[i]), 1), round(float(y[i]), 1)) for i, node in enumerate(nodes)}


def _separate(x: np.ndarray, y: np.ndarray, *, min_distance: float, rounds: int = 12) -> None:
    """Push apart nodes closer than `min_distance`, in place, so that no two draw on top of each other."""
    n = len(x)
    block = max(1, BLOCK_CELLS // n)
    for _ in range(rounds):
        moved = False
        px = np.zeros(n, np.float32)
        py = np.zeros(n, np.float32)
        for start in range(0, n, block):
            dx = x[start:start + block, None] - x[None, :]
            dy = y[start:start + block, None] - y[None, :]
            d = np.sqrt(dx * dx + dy * dy)
            rows = np.arange(start, min(start + block, n))
            d[rows - start, rows] = np.inf  # a node does not push itself
            close = d < min_distance
            if not close.any():
                continue
            moved = True
            # exactly coincident nodes get a direction from their index difference
            same = close & (d < 1e-3)
            if same.any():
                dx[same] = (rows[:, None] - np.arange(n)[None, :])[same].astype(np.float32)
                dy[same] = 0.0
                d[same] = np.abs(dx[same])
            with np.errstate(invalid="ignore"):  # inf - inf on the diagonal, masked out by `close`
                push = np.where(close, (min_distance - d) / (2 * np.maximum(d, 1e-3)), 0.0).astype(np.float32)
            px[start:start + block] = (dx * push).sum(axis=1)
            py[start:start + block] = (dy * push).sum(axis=1)
        if not moved:
            return
        x += px
        y += py


def _mesh_kernel(cells: int) -> tuple[np.ndarray, np.ndarray]:
    """FFT of the repulsion kernel d⃗/d² on a (2·cells)² grid of unit cells (zero-padded: no wrap-around)."""
    offsets = np.fft.fftfreq(2 * cells) * 2 * cells  # 0, 1, …, cells-1, -cells, …, -1
    dx, dy = np.meshgrid(offsets, offsets, indexing="ij")
    d2 = dx * dx + dy * dy
    d2[0, 0] = np.inf  # nodes in one cell do not push each other here (the overlap pass does)
    return np.fft.rfft2(dx / d2), np.fft.rfft2(dy / d2)


def _mesh_repulsion(x: np.ndarray, y: np.ndarray, k2: np.float32, kernel: tuple[np.ndarray, np.ndarray],
                    cells: int) -> tuple[np.ndarray, np.ndarray]:
    """Repulsion k²/d on every node from every other, through the density on a grid of `cells`² cells."""
    x0, y0 = float(x.min()), float(y.min())
    h = max(float(x.max()) - x0, float(y.max()) - y0, 1e-6) * 1.0001 / cells
    ix = np.minimum(((x - x0) / h).astype(np.int64), cells - 1)
    iy = np.minimum(((y - y0) / h).astype(np.int64), cells - 1)
    density = np.zeros((2 * cells, 2 * cells))
    density[:cells, :cells] = np.bincount(ix * cells + iy, minlength=cells * cells).reshape(cells, cells)
    spectrum = np.fft.rfft2(density)
    scale = float(k2) / h  # the kernel is in cell units: k²·(i·h)/(i·h)² = (k²/h)·i/i²
    field_x = np.fft.irfft2(spectrum * kernel[0], density.shape)[:cells, :cells]
    field_y = np.fft.irfft2(spectrum * kernel[1], density.shape)[:cells, :cells]
    return (field_x[ix, iy] * scale).astype(np.float32), (field_y[ix, iy] * scale).astype(np.float32)


def _separate_neighbours(x: np.ndarray, y: np.ndarray, *, min_distance: float, rounds: int = 12) -> None:
    """`_separate` for a large component: each node is compared with its WINDOW neighbours in an order that
    keeps nearby nodes together (columns of width `min_distance`, top to bottom), not with every node."""
    n = len(x)
    for _ in range(rounds):
        order = np.lexsort((y, np.floor(x / min_distance)))
        moved = False
        px = np.zeros(n, np.float32)
        py = np.zeros(n, np.float32)
        for step in range(1, min(WINDOW, n - 1) + 1):
            a, b = order[:-step], order[step:]
            dx, dy = x[a] - x[b], y[a] - y[b]
            d = np.sqrt(dx * dx + dy * dy)
            close = d < min_distance
            if not close.any():
                continue
            moved = True
            same = close & (d < 1e-3)
            dx = np.where(same, np.float32(1.0), dx)
            d = np.where(same, np.float32(1.0), d)
            push = np.where(close, (min_distance - d) / (2 * np.maximum(d, 1e-3)), 0.0).astype(np.float32)
            np.add.at(px, a, dx * push)
            np.add.at(py, a, dy * push)
            np.add.at(px, b, -dx * push)
            np.add.at(py, b, -dy * push)
        if not moved:
            return
        x += px
        y += py
