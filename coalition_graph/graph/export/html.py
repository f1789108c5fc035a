"""One self-contained HTML page: the graph drawn with Cytoscape.js, opening from disk with no network.

The page inlines the vendored library (coalition_graph/graph/html/vendor, MIT, copyright header kept),
its own script and style, and the graph as JSON: nodes with two sets of positions computed here (the time
axis of `timeline.timeline_layout`, the view the page opens on, and the force layout of `layout.layout`, one
component at a time), short labels broken between words, sizes by degree, types' colours and shapes,
properties, sources and evidence sentences.
"""
from __future__ import annotations

import datetime as dt
import html as html_lib
import json
import math
import re
from importlib import resources
from pathlib import Path
from typing import Any, Callable

import networkx as nx

from coalition_graph.graph.export.filters import node_dates
from coalition_graph.graph.export.layout import layout
from coalition_graph.graph.export.style import NODE_STYLE, display_name, wrap_label
from coalition_graph.graph.export.timeline import timeline_data

Evidence = Callable[[str], list[dict[str, Any]]]
VENDOR_SCRIPTS = ("cytoscape.min.js",)


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    return value


def page_data(graph: nx.MultiDiGraph, *, evidence: Evidence | None = None, title: str = "Coalition Graph") -> dict[str, Any]:
    """What the page draws: nodes (with layout, size, dates), edges, articles by source, evidence by id."""
    positions = layout(graph)
    degree = dict(graph.degree())
    names = {node: display_name(node, data) for node, data in graph.nodes(data=True)}
    labels = {node: _label(names[node], data) for node, data in graph.nodes(data=True)}
    timeline_sizes = {node: _timeline_size(degree[node]) for node in graph.nodes}
    timeline = timeline_data(graph, labels, timeline_sizes)
    nodes, dates = [], []
    articles: dict[str, dict[str, Any]] = {}
    for node, data in graph.nodes(data=True):
        first, last = node_dates(data)
        if first:
            dates += [first, last]
        x, y = positions[node]
        props = {k: _json_value(v) for k, v in data.items() if k != "label"}
        entry = {
            "id": node, "label": data.get("label", ""), "name": names[node], "lbl": labels[node],
            "x": x, "y": y, "size": round(12 + 5 * math.sqrt(degree[node]), 1), "degree": degree[node],
            "date_from": first.isoformat() if first else None, "date_to": last.isoformat() if last else None,
            "date_precision": data.get("date_precision"), "props": props,
        }
        if timeline:
            entry["tx"], entry["ty"] = timeline["positions"][node]
            entry["tsize"] = timeline_sizes[node]
        nodes.append(entry)
        if data.get("label") == "Article":
            info = {"title": data.get("title"), "url": data.get("url"), "publisher": data.get("publisher"),
                    "published": _json_value(data.get("published"))}
            for key in [data.get("url"), node, *(data.get("sources") or [])]:
                if key:
                    articles.setdefault(key, info)
    edges = []
    found: dict[str, list[dict[str, Any]]] = {}
    for u, v, key, data in graph.edges(keys=True, data=True):
        edges.append({"id": key, "source": u, "target": v, "type": data.get("type", ""),
                      "props": {k: _json_value(x) for k, x in data.items() if k != "type"}})
        if evidence is None and data.get("type") == "SOURCED_FROM" and data.get("evidence"):
            art = graph.nodes[v]
            found.setdefault(u, []).append({"sentence": data["evidence"], "source": art.get("url") or v})
    if evidence is not None:
        for record_id in [n["id"] for n in nodes] + [e["id"] for e in edges]:
            for item in evidence(record_id):
                source = item.get("url") or item.get("article_id")
                found.setdefault(record_id, []).append({"sentence": item.get("sentence"), "source": source})
                if source and source not in articles:
                    articles[source] = {"title": item.get("title"), "url": item.get("url"),
                                        "publisher": item.get("publisher"), "published": _json_value(item.get("published"))}
    return {
        "title": title,
        "generated": dt.date.today().isoformat(),
        "types": {label: {"color": s["color"], "shape": s["shape"]} for label, s in NODE_STYLE.items()},
        "nodes": nodes, "edges": edges, "articles": articles, "evidence": found,
        "timeline": {"ticks": timeline["ticks"], "axis": timeline["axis"]} if timeline else None,
        "date_min": min(dates).isoformat() if dates else None,
        "date_max": max(dates).isoformat() if dates else None,
    }


def _label(name: str, data: dict[str, Any]) -> str:
    """The text drawn beside a node: its name in at most two lines, and a meeting's date on a third."""
    text = wrap_label(name)
    first, last = node_dates(data)
    if data.get("label") == "Meeting":
        day = first.isoformat()[:7] if first and data.get("date_precision") == "month" else (first.isoformat() if first else "undated")
        text += "\n" + (day if not last or last == first else f"{day} – {last.isoformat()}")
    return text


def _timeline_size(degree: int) -> float:
    """Nodes on the time axis stay small enough for their lanes, still larger for more links."""
    return round(min(24.0, 10 + 2.5 * math.sqrt(degree)), 1)


def _asset(name: str) -> str:
    return resources.files("coalition_graph.graph.html").joinpath(name).read_text(encoding="utf-8")


def _vendor() -> str:
    vendor = resources.files("coalition_graph.graph.html").joinpath("vendor")
    scripts = [vendor.joinpath(name).read_text(encoding="utf-8") for name in VENDOR_SCRIPTS]
    return "\n".join(s.replace("</script", "<\\/script") for s in scripts)


def render_html(graph: nx.MultiDiGraph, *, evidence: Evidence | None = None, title: str = "Coalition Graph") -> str:
    data = json.dumps(page_data(graph, evidence=evidence, title=title), ensure_ascii=False, separators=(",", ":"))
    parts = {
        "TITLE": html_lib.escape(title),
        "STYLE": _asset("page.css"),
        # "<" escaped so no string in the data can close the script element
        "DATA": data.replace("<", "\\u003c"),
        "VENDOR": _vendor(),
        "APP": _asset("page.js").replace("</script", "<\\/script"),
    }
    # one pass over the template, so nothing inserted is scanned for placeholders again
    return re.sub(r"__(TITLE|STYLE|DATA|VENDOR|APP)__", lambda m: parts[m.group(1)], _asset("template.html"))


def write_html(graph: nx.MultiDiGraph, out: Path, *, evidence: Evidence | None = None, title: str = "Coalition Graph") -> None:
    Path(out).write_text(render_html(graph, evidence=evidence, title=title), encoding="utf-8")
