"""The page's first view, computed at export time: meetings at their dates, people above, others below,
no two nodes of a band (with their labels) on top of each other."""
from __future__ import annotations

import datetime as dt

import networkx as nx

from coalition_graph.graph.export.timeline import PX_PER_DAY, label_width, timeline_layout
from tests.graph_fixtures import small_graph, synthetic_graph


def layout_of(graph: nx.MultiDiGraph):
    labels = {n: d.get("name") or n for n, d in graph.nodes(data=True)}
    sizes = {n: 12.0 for n in graph.nodes}
    return timeline_layout(graph, labels, sizes), labels, sizes


def test_meetings_sit_at_their_dates_people_above_and_the_rest_below():
    graph = small_graph()
    timeline, _, _ = layout_of(graph)
    pos = timeline.positions
    assert set(pos) == set(graph.nodes)
    meetings = sorted((d["start_date"], n) for n, d in graph.nodes(data=True) if d["label"] == "Meeting")
    first = meetings[0][0]
    for day, node in meetings:
        assert pos[node][0] >= (day - first).days * PX_PER_DAY - 0.5 and pos[node][1] > 0
    xs = [pos[n][0] for _, n in meetings]
    assert xs == sorted(xs)  # in date order along the axis
    for node, data in graph.nodes(data=True):
        if data["label"] == "Person":
            assert pos[node][1] < 0
        elif data["label"] != "Meeting":
            assert pos[node][1] > max(pos[n][1] for _, n in meetings)
    assert [label for _, label in timeline.ticks][:2] == ["2025-03", "2025-04"]


def test_no_two_nodes_of_a_band_overlap_with_their_labels():
    graph = synthetic_graph(600)
    timeline, labels, sizes = layout_of(graph)
    rows: dict[float, list[tuple[float, float]]] = {}
    for node, (x, y) in timeline.positions.items():
        if node in timeline.parked:
            continue
        rows.setdefault(y, []).append((x, x + label_width(labels[node], sizes[node])))
    assert len(rows) > 3
    for spans in rows.values():  # one lane: each node and its label end before the next starts
        spans.sort()
        assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))


def test_no_dated_meeting_means_no_timeline():
    graph = small_graph()
    for node, data in graph.nodes(data=True):
        for key in ("start_date", "end_date", "announced", "date", "published", "eur_rate_date"):
            data.pop(key, None)
    assert layout_of(graph)[0] is None
    graph = nx.MultiDiGraph()
    graph.add_node("meeting/x", label="Meeting", name="A summit", start_date=dt.date(2025, 3, 2))
    assert layout_of(graph)[0].positions["meeting/x"] == (0.0, 40.0)
