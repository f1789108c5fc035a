"""The page's first view: meetings on a time axis, the people who attended above it, the countries and
organisations below, and the other facts (pledges, statements, articles) further down, each by its own date.

A node with a date sits at its date; one without sits at the mean date of its dated neighbours (a person at
the meetings they attended). Within a band, nodes that would overlap are stacked in lanes, each node with
room for its label to its right; when a band has all its lanes in use, a node moves right to the first
place free. So the layout is O(n log n) (a sort and two heaps per band) and never needs the whole graph's
pairwise distances, whatever the size of the store.
"""
from __future__ import annotations

import datetime as dt
import heapq
import math
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from coalition_graph.graph.export.filters import node_dates

PX_PER_DAY = 6.0  # a month is ~180 page pixels at zoom 1
CHAR_PX = 6.8     # width of an average character of a 12-pixel label, a little generous
GAP = 14.0
# (labels drawn in the band, height of one lane, most lanes before nodes move right); meetings on the axis
BANDS: tuple[tuple[tuple[str, ...], float, int], ...] = (
    (("Person",), 36.0, 7),
    (("Meeting",), 52.0, 8),
    (("Country", "Organization"), 36.0, 5),
    (("Pledge", "Statement", "Article"), 36.0, 8),
)
AXIS_GAP = 40.0  # between the axis and the lanes on either side


@dataclass
class Timeline:
    positions: dict[str, tuple[float, float]]
    ticks: list[tuple[float, str]]  # (x, "2025-03") at each month's first day
    axis: tuple[float, float, float]  # x from, x to, y
    parked: list[str] = field(default_factory=list)  # nodes with no date anywhere near them, in a grid on the left


def label_width(label: str, size: float) -> float:
    """Page pixels a node and its label to the right take, from the longest line of the label."""
    longest = max((len(line) for line in label.split("\n")), default=0)
    return size + 6 + longest * CHAR_PX


def timeline_layout(graph: nx.MultiDiGraph, labels: dict[str, str], sizes: dict[str, float]) -> Timeline | None:
    """Positions for the time-axis view, or None when no meeting has a date (the page opens on the network)."""
    day0: dt.date | None = None
    own: dict[str, float] = {}
    for node, data in graph.nodes(data=True):
        first, last = node_dates(data)
        if first:
            day0 = first if day0 is None or first < day0 else day0
            own[node] = (first.toordinal() + (last - first).days / 2)
    if day0 is None or not any(graph.nodes[n].get("label") == "Meeting" for n in own):
        return None
    x_of = {node: (ordinal - day0.toordinal()) * PX_PER_DAY for node, ordinal in own.items()}
    # undated nodes: the mean x of dated neighbours, then (one more round) of neighbours placed so
    undirected = graph.to_undirected(as_view=True)
    for _ in range(2):
        found = {}
        for node in graph.nodes:
            if node in x_of:
                continue
            xs = [x_of[m] for m in undirected.neighbors(node) if m in x_of]
            if xs:
                found[node] = sum(xs) / len(xs)
        x_of.update(found)
    positions: dict[str, tuple[float, float]] = {}
    band_of = {label: i for i, (labels_in, _, _) in enumerate(BANDS) for label in labels_in}
    members: list[list[str]] = [[] for _ in BANDS]
    parked = sorted((n for n in graph.nodes if n not in x_of), key=str)
    for node in x_of:
        members[band_of.get(graph.nodes[node].get("label", ""), len(BANDS) - 1)].append(node)
    # the person band grows upwards from the axis, every other band downwards after the one before
    y_next = AXIS_GAP
    for i, (_, lane_height, max_lanes) in enumerate(BANDS):
        lanes = _pack(members[i], x_of, labels, sizes, max_lanes)
        used = 1 + max((lane for _, lane in lanes.values()), default=-1)
        for node, (x, lane) in lanes.items():
            if i == 0:
                positions[node] = (round(x, 1), round(-AXIS_GAP - lane * lane_height, 1))
            else:
                positions[node] = (round(x, 1), round(y_next + lane * lane_height, 1))
        if i > 0:
            y_next += used * lane_height + (AXIS_GAP / 2 if used else 0)
    xs = [x for x, _ in positions.values()] or [0.0]
    left = min(xs)
    cols = max(1, math.ceil(math.sqrt(len(parked))))
    for i, node in enumerate(parked):  # left of the axis, in a grid
        positions[node] = (round(left - 260 - (cols - 1 - i % cols) * 200, 1), round(AXIS_GAP + (i // cols) * 36, 1))
    last_day = day0 + dt.timedelta(days=max(xs) / PX_PER_DAY)
    ticks = []
    month = dt.date(day0.year, day0.month, 1)
    while month <= last_day:
        ticks.append((round((month.toordinal() - day0.toordinal()) * PX_PER_DAY, 1), month.isoformat()[:7]))
        month = dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return Timeline(positions, ticks, (round(min(left, ticks[0][0]), 1), round(max(xs) + 200, 1), 0.0), parked)


def _pack(nodes: list[str], x_of: dict[str, float], labels: dict[str, str], sizes: dict[str, float],
          max_lanes: int) -> dict[str, tuple[float, int]]:
    """node → (x, lane): the lowest free lane at the node's x, else the lane that frees first (x moved right)."""
    busy: list[tuple[float, int]] = []  # (x where the lane is free again, lane)
    free: list[int] = []                # lanes free at the current x
    out: dict[str, tuple[float, int]] = {}
    lanes = 0
    for node in sorted(nodes, key=lambda n: (x_of[n], str(n))):
        x = x_of[node]
        while busy and busy[0][0] <= x:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            lane = heapq.heappop(free)
        elif lanes < max_lanes:
            lane, lanes = lanes, lanes + 1
        else:
            x, lane = heapq.heappop(busy)
        out[node] = (x, lane)
        heapq.heappush(busy, (x + label_width(labels[node], sizes[node]) + GAP, lane))
    return out


def timeline_data(graph: nx.MultiDiGraph, labels: dict[str, str], sizes: dict[str, float]) -> dict[str, Any] | None:
    """What the page needs of the timeline: positions by node, month ticks and the axis."""
    timeline = timeline_layout(graph, labels, sizes)
    if timeline is None:
        return None
    return {"positions": timeline.positions, "ticks": timeline.ticks, "axis": timeline.axis}
