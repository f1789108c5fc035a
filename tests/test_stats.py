"""`coalition stats`: counts, top attendees, top donors and central leaders, checked against the named queries."""
from __future__ import annotations

import json
from collections import defaultdict

import networkx as nx
from click.testing import CliRunner

from coalition_graph.cli import cli
from coalition_graph.graph import analytics
from coalition_graph.queries.named import run_named
from tests.graph_fixtures import small_graph


def test_stats_on_the_fixture_graph():
    stats = analytics.graph_stats(small_graph(), top=3)
    assert stats["counts"]["nodes"]["Person"] == 6 and stats["counts"]["relationships"]["ATTENDED"] == 10
    top = stats["top_attendees"]
    assert [(r["name"], r["meetings"]) for r in top[:3]] == [("Emmanuel Macron", 2), ("Keir Starmer", 2),
                                                             ("Volodymyr Zelenskyy", 2)]
    donors = {r["iso3"]: r["total_eur"] for r in stats["top_donors"]}
    # Germany's IRIS-T item is part of its €11bn package: not counted twice
    assert donors == {"DEU": 11e9, "GBR": 1.93e9 + 0.525e9}
    # Macron, Starmer, Zelenskyy and Rutte all met each other in London; Healey and Pistorius only each other
    central = analytics.central_leaders(small_graph(), top=10)
    assert [(r["name"], r["degree"]) for r in central] == [
        ("Emmanuel Macron", 3), ("Keir Starmer", 3), ("Mark Rutte", 3), ("Volodymyr Zelenskyy", 3),
        ("Boris Pistorius", 1), ("John Healey", 1)]
    assert all(r["betweenness"] == 0 for r in central)


def test_co_attendance_network():
    net = analytics.co_attendance(small_graph())
    assert net["person/keir-starmer"]["person/emmanuel-macron"]["weight"] == 2
    assert net["person/john-healey"]["person/boris-pistorius"]["weight"] == 1
    assert not net.has_edge("person/john-healey", "person/keir-starmer")


def test_stats_agree_with_the_named_queries(sample_store):
    graph = sample_store.networkx()
    stats = analytics.graph_stats(graph, top=100)
    attended = defaultdict(set)
    for row in run_named(sample_store.cypher, "attendance"):
        if row["person"] and row["status"] == "attended":
            attended[row["person"]["id"]].add(row["meeting"]["id"])
    assert {r["id"]: r["meetings"] for r in stats["top_attendees"]} == {p: len(m) for p, m in attended.items()}
    totals = defaultdict(float)
    for row in run_named(sample_store.cypher, "pledges"):
        donor = row["donor"] or {}
        if donor.get("iso3") and row["amount_eur"] is not None and not row["part_of"]:
            totals[donor["iso3"]] += row["amount_eur"]
    assert {r["iso3"]: r["total_eur"] for r in stats["top_donors"]} == {k: round(v, 2) for k, v in totals.items()}
    # centrality is networkx's, on the co-attendance network built from the same attendance
    net = nx.Graph()
    for person, meetings in attended.items():
        net.add_node(person)
        for other, theirs in attended.items():
            if other != person and meetings & theirs:
                net.add_edge(person, other)
    betweenness = nx.betweenness_centrality(net)
    for row in stats["central_leaders"]:
        assert row["degree"] == net.degree(row["id"])
        assert abs(row["betweenness"] - betweenness[row["id"]]) < 1e-3


def test_stats_cli_json_and_table(sample_store_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["stats", "--format", "json", "--top", "3", "--store", str(sample_store_path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"counts", "top_attendees", "top_donors", "central_leaders"}
    assert len(data["top_attendees"]) == 3 and data["counts"]["nodes"]["Meeting"] > 5
    result = runner.invoke(cli, ["stats", "--store", str(sample_store_path)])
    assert result.exit_code == 0
    assert "Leaders who attended the most meetings" in result.output and "Volodymyr Zelenskyy" in result.output
