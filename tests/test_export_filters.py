"""The one subgraph filter every export, plot and stat uses."""
from __future__ import annotations

import datetime as dt

import pytest

from coalition_graph.errors import NotFound
from coalition_graph.graph.export import FilterError, GraphFilter, filter_graph
from tests.graph_fixtures import small_graph


def labels(graph):
    return {n: d["label"] for n, d in graph.nodes(data=True)}


def test_no_filter_is_the_whole_graph():
    graph = small_graph()
    assert filter_graph(graph, GraphFilter()) is graph


def test_meeting_focus_keeps_attendees_pledges_and_their_donors():
    sub = filter_graph(small_graph(), GraphFilter(meeting="Brussels"))
    nodes = set(sub)
    assert "meeting/2025-04-11/contact-group/brussels" in nodes
    assert {"person/john-healey", "person/boris-pistorius", "country/BEL"} <= nodes  # attendees
    assert "pledge/DEU/2025-04-11/11000000000-EUR" in nodes and "country/DEU" in nodes  # pledge and its donor
    assert "article/udcg-april" in nodes
    assert not any(n.startswith("meeting/2025-03") for n in nodes)
    assert "person/emmanuel-macron" not in nodes
    # edges only between kept nodes
    assert all(u in nodes and v in nodes for u, v in sub.edges())


def test_country_focus():
    sub = filter_graph(small_graph(), GraphFilter(country="DEU"))
    nodes = set(sub)
    assert {"country/DEU", "person/boris-pistorius", "pledge/DEU/2025-04-11/11000000000-EUR"} <= nodes
    assert "meeting/2025-04-11/contact-group/brussels" in nodes  # Pistorius attended for Germany
    assert "meeting/2025-03-02/summit/london" not in nodes


def test_date_range_keeps_dated_nodes_in_range_and_what_touches_them():
    sub = filter_graph(small_graph(), GraphFilter(since=dt.date(2025, 3, 20), until=dt.date(2025, 3, 31)))
    kinds = labels(sub)
    assert [n for n, l in kinds.items() if l == "Meeting"] == ["meeting/2025-03-27/summit/paris"]
    assert "person/emmanuel-macron" in kinds and "person/john-healey" not in kinds
    assert not [n for n, l in kinds.items() if l == "Pledge"]


def test_types_take_labels_and_relationship_types():
    sub = filter_graph(small_graph(), GraphFilter(types=("person,meeting", "ATTENDED")))
    assert set(labels(sub).values()) == {"Person", "Meeting"}
    assert {d["type"] for _, _, d in sub.edges(data=True)} == {"ATTENDED"}
    assert sub.number_of_edges() == 9  # Belgium's attendance goes with the Country nodes


def test_bad_filters_are_user_errors():
    with pytest.raises(FilterError):
        filter_graph(small_graph(), GraphFilter(types=("Leader",)))
    with pytest.raises(NotFound):
        filter_graph(small_graph(), GraphFilter(meeting="Atlantis"))
    with pytest.raises(FilterError):
        filter_graph(small_graph(), GraphFilter(since=dt.date(2025, 5, 1), until=dt.date(2025, 4, 1)))
