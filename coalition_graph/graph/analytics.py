"""Graph analytics with networkx: counts, who attends most, who pledges most, who sits at the centre.

    from coalition_graph.graph.analytics import graph_stats
    graph_stats(store.networkx(), top=10)

Attendance counts `ATTENDED` relationships with status "attended" (not "expected" or "absent").
Pledge totals add `amount_eur` of the pledges a country made, leaving out the items of a package
(`PART_OF`), which the package's amount already holds, and pledges without a euro amount.
The co-attendance network links two people who attended the same meeting (weight = meetings shared).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations
from typing import Any

import networkx as nx


def counts(graph: nx.MultiDiGraph) -> dict[str, dict[str, int]]:
    nodes = Counter(d.get("label") for _, d in graph.nodes(data=True))
    rels = Counter(d.get("type") for _, _, d in graph.edges(data=True))
    return {"nodes": dict(sorted(nodes.items())), "relationships": dict(sorted(rels.items()))}


def meetings_attended(graph: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Person id → ids of the meetings they attended."""
    out: dict[str, set[str]] = defaultdict(set)
    for u, v, d in graph.edges(data=True):
        if (d.get("type") == "ATTENDED" and d.get("status", "attended") == "attended"
                and graph.nodes[u].get("label") == "Person" and graph.nodes[v].get("label") == "Meeting"):
            out[u].add(v)
    return out


def top_attendees(graph: nx.MultiDiGraph, top: int = 10) -> list[dict[str, Any]]:
    """The people who attended the most meetings."""
    rows = [{"id": p, "name": graph.nodes[p].get("name", p), "meetings": len(ms)}
            for p, ms in meetings_attended(graph).items()]
    rows.sort(key=lambda r: (-r["meetings"], r["name"]))
    return rows[:top]


def package_items(graph: nx.MultiDiGraph) -> set[str]:
    """Pledges that are items of a package (their amount is inside the package's)."""
    return {u for u, _, d in graph.edges(data=True) if d.get("type") == "PART_OF"}


def top_donors(graph: nx.MultiDiGraph, top: int = 10) -> list[dict[str, Any]]:
    """The countries with the largest total pledges in euros."""
    items = package_items(graph)
    totals: dict[str, float] = defaultdict(float)
    n_pledges: Counter = Counter()
    for u, v, d in graph.edges(data=True):
        if d.get("type") != "PLEDGED" or graph.nodes[u].get("label") != "Country" or v in items:
            continue
        amount = graph.nodes[v].get("amount_eur")
        if amount is None:
            continue
        totals[u] += float(amount)
        n_pledges[u] += 1
    rows = [{"id": c, "iso3": graph.nodes[c].get("iso3"), "name": graph.nodes[c].get("name", c),
             "total_eur": round(total, 2), "pledges": n_pledges[c]} for c, total in totals.items()]
    rows.sort(key=lambda r: (-r["total_eur"], r["name"]))
    return rows[:top]


def co_attendance(graph: nx.MultiDiGraph) -> nx.Graph:
    """People linked when they attended the same meeting; edge weight = number of meetings shared."""
    by_meeting: dict[str, set[str]] = defaultdict(set)
    for person, meetings in meetings_attended(graph).items():
        for m in meetings:
            by_meeting[m].add(person)
    net = nx.Graph()
    for person in {p for ps in by_meeting.values() for p in ps}:
        net.add_node(person, name=graph.nodes[person].get("name", person))
    for people in by_meeting.values():
        for a, b in combinations(sorted(people), 2):
            w = net[a][b]["weight"] + 1 if net.has_edge(a, b) else 1
            net.add_edge(a, b, weight=w)
    return net


def central_leaders(graph: nx.MultiDiGraph, top: int = 10) -> list[dict[str, Any]]:
    """The co-attendance network's most central people: degree (people met) and betweenness (brokerage)."""
    net = co_attendance(graph)
    if net.number_of_nodes() == 0:
        return []
    degree = nx.degree_centrality(net)
    betweenness = nx.betweenness_centrality(net, normalized=True)
    rows = [{"id": p, "name": net.nodes[p]["name"], "degree": net.degree(p),
             "degree_centrality": round(degree[p], 4), "betweenness": round(betweenness[p], 4)} for p in net]
    rows.sort(key=lambda r: (-r["degree"], -r["betweenness"], r["name"]))
    return rows[:top]


def graph_stats(graph: nx.MultiDiGraph, top: int = 10) -> dict[str, Any]:
    return {
        "counts": counts(graph),
        "top_attendees": top_attendees(graph, top),
        "top_donors": top_donors(graph, top),
        "central_leaders": central_leaders(graph, top),
    }


SECTION_TITLES = {
    "nodes": "Nodes by label",
    "relationships": "Relationships by type",
    "top_attendees": "Leaders who attended the most meetings",
    "top_donors": "Countries with the largest total pledges",
    "central_leaders": "Most central leaders (co-attendance network)",
}


def stats_records(stats: dict[str, Any]) -> list[dict[str, Any]]:
    """The stats as one flat list of rows, each naming its `section` (for CSV, TSV and NDJSON)."""
    rows: list[dict[str, Any]] = []
    for section in ("nodes", "relationships"):
        rows += [{"section": section, "name": k, "count": v} for k, v in stats["counts"][section].items()]
    for section in ("top_attendees", "top_donors", "central_leaders"):
        rows += [{"section": section, "rank": i, **r} for i, r in enumerate(stats[section], start=1)]
    return rows


def format_stats_table(stats: dict[str, Any], width: int | None = None) -> str:
    """The stats as tables for a terminal, one per section, each fitting its width."""
    from coalition_graph.output import compact_amount, table

    c = stats["counts"]
    sections = [
        ("nodes", ["label", "count"], [[k, str(v)] for k, v in c["nodes"].items()]),
        ("relationships", ["type", "count"], [[k, str(v)] for k, v in c["relationships"].items()]),
        ("top_attendees", ["name", "meetings"], [[r["name"], str(r["meetings"])] for r in stats["top_attendees"]]),
        ("top_donors", ["country", "iso3", "total EUR", "pledges"],
         [[r["name"], r["iso3"] or "", compact_amount(r["total_eur"]), str(r["pledges"])] for r in stats["top_donors"]]),
        ("central_leaders", ["name", "degree", "betweenness"],
         [[r["name"], str(r["degree"]), f"{r['betweenness']:.3f}"] for r in stats["central_leaders"]]),
    ]
    parts = []
    for key, headers, rows in sections:
        body = table(headers, rows, width=width, title=SECTION_TITLES[key]) if rows else f"{SECTION_TITLES[key]}\n  (none)\n"
        parts.append(body)
    return "\n".join(parts)
