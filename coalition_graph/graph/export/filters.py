"""One way to cut a subgraph out of the graph, shared by every export format, plot and view.

    filter_graph(graph, GraphFilter(since=..., until=..., types=..., meeting=..., country=...))

- `meeting` / `country` / `donor` focus on one thing and what is said about it: the focus node,
  its neighbours, and the neighbours of the pledges and statements among them (a pledge's donor,
  recipient and sources come along with it);
- `since` / `until` keep the dated nodes (meetings, pledges, statements, articles) in the range
  and the undated ones (people, countries, organisations) that touch one of them;
- `types` names node labels and/or relationship types to keep (case-insensitive).
Filters combine: a node is kept when every given filter keeps it; an edge when both ends are
kept and its type passes.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

import networkx as nx

from coalition_graph.errors import CoalitionError, NotFound
from coalition_graph.schema.graph_schema import NODE_PROPS, REL_TYPES

# Where each dated label keeps its date(s): (first, last) props.
DATE_SPAN = {
    "Meeting": ("start_date", "end_date"),
    "Pledge": ("announced", "announced"),
    "Statement": ("date", "date"),
    "Article": ("published", "published"),
}
# Facts whose own neighbours come along when one of them is in focus.
EXPANDED_LABELS = ("Pledge", "Statement")


class FilterError(CoalitionError):
    """A filter that cannot be applied (unknown type name, bad date)."""


@dataclass
class GraphFilter:
    since: dt.date | None = None
    until: dt.date | None = None
    types: tuple[str, ...] = ()
    meeting: str | None = None
    country: str | None = None
    donor: str | None = None

    def is_empty(self) -> bool:
        return not (self.since or self.until or self.types or self.meeting or self.country or self.donor)


def node_dates(data: dict) -> tuple[dt.date | None, dt.date | None]:
    """(first, last) date of a node, or (None, None) for an undated one."""
    span = DATE_SPAN.get(data.get("label", ""))
    if not span:
        return None, None
    first, last = data.get(span[0]), data.get(span[1])
    first = first or last
    last = last or first
    return _as_date(first), _as_date(last)


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def parse_types(types: Iterable[str] | str | None) -> tuple[set[str], set[str]]:
    """Split a list of type names into (node labels, relationship types), spelt as the schema spells them."""
    if not types:
        return set(), set()
    if isinstance(types, str):
        types = [types]
    labels = {name.lower(): name for name in NODE_PROPS}
    rels = {name.lower(): name for name in REL_TYPES}
    node_labels, rel_types = set(), set()
    for token in (t.strip() for item in types for t in item.split(",")):
        if not token:
            continue
        key = token.lower()
        if key in labels:
            node_labels.add(labels[key])
        elif key in rels:
            rel_types.add(rels[key])
        else:
            raise FilterError(f"unknown type {token!r}: use node labels ({', '.join(NODE_PROPS)}) "
                              f"or relationship types ({', '.join(REL_TYPES)})")
    return node_labels, rel_types


def find_meetings(graph: nx.MultiDiGraph, text: str) -> list[str]:
    """Meetings whose id is `text`, else whose id, name or city contains it (case-insensitive)."""
    meetings = [n for n, d in graph.nodes(data=True) if d.get("label") == "Meeting"]
    if text in meetings:
        return [text]
    needle = text.lower()
    found = [n for n in meetings
             if any(needle in str(graph.nodes[n].get(k) or "").lower() for k in ("name", "city")) or needle in n.lower()]
    if not found:
        raise NotFound(f"no meeting matches {text!r}")
    return found


def find_actor(graph: nx.MultiDiGraph, text: str) -> str:
    """A country by ISO3 (or id), else an organisation by key, id or name."""
    candidates = [text, f"country/{text.upper()}", f"org/{text.lower()}"]
    for candidate in candidates:
        if candidate in graph and graph.nodes[candidate].get("label") in ("Country", "Organization"):
            return candidate
    for node, data in graph.nodes(data=True):
        if data.get("label") in ("Country", "Organization") and str(data.get("name", "")).lower() == text.lower():
            return node
    raise NotFound(f"no country or organization {text!r} in the graph")


def focus_nodes(graph: nx.MultiDiGraph, centres: Iterable[str], *, iso3: str | None = None) -> set[str]:
    """The centres, their neighbours, and the neighbours of the pledges and statements among them."""
    keep: set[str] = set()
    for centre in centres:
        keep.add(centre)
        keep.update(nx.all_neighbors(graph, centre))
    if iso3:  # people who attended a meeting on the country's behalf, and that meeting
        for u, v, data in graph.edges(data=True):
            if data.get("type") == "ATTENDED" and data.get("country") == iso3:
                keep.update((u, v))
    for node in list(keep):
        if graph.nodes[node].get("label") in EXPANDED_LABELS:
            keep.update(nx.all_neighbors(graph, node))
    return keep


def donor_nodes(graph: nx.MultiDiGraph, donor: str) -> set[str]:
    """A donor, its pledges and everything said about them (recipients, meetings, announcers, sources)."""
    keep = {donor}
    for _, pledge, data in graph.out_edges(donor, data=True):
        if data.get("type") == "PLEDGED":
            keep.add(pledge)
            keep.update(nx.all_neighbors(graph, pledge))
    return keep


def filter_graph(graph: nx.MultiDiGraph, flt: GraphFilter | None) -> nx.MultiDiGraph:
    """The subgraph `flt` selects (a new graph; attributes are shared with `graph`, copy before editing)."""
    if flt is None or flt.is_empty():
        return graph
    keep = set(graph.nodes)
    if flt.meeting:
        keep &= focus_nodes(graph, find_meetings(graph, flt.meeting))
    if flt.country:
        actor = find_actor(graph, flt.country)
        keep &= focus_nodes(graph, [actor], iso3=graph.nodes[actor].get("iso3"))
    if flt.donor:
        keep &= donor_nodes(graph, find_actor(graph, flt.donor))
    if flt.since or flt.until:
        keep &= _in_date_range(graph, flt.since or dt.date.min, flt.until or dt.date.max)
    node_labels, rel_types = parse_types(flt.types)
    if node_labels:
        keep = {n for n in keep if graph.nodes[n].get("label") in node_labels}
    out = nx.MultiDiGraph()
    out.add_nodes_from((n, graph.nodes[n]) for n in graph.nodes if n in keep)
    out.add_edges_from(
        (u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True)
        if u in keep and v in keep and (not rel_types or d.get("type") in rel_types)
    )
    return out


def _in_date_range(graph: nx.MultiDiGraph, since: dt.date, until: dt.date) -> set[str]:
    if since > until:
        raise FilterError(f"--since {since} is after --until {until}")
    dated_in, undated = set(), []
    for node, data in graph.nodes(data=True):
        first, last = node_dates(data)
        if first is None:
            undated.append(node)
        elif first <= until and last >= since:
            dated_in.add(node)
    keep = set(dated_in)
    keep.update(n for n in undated if any(m in dated_in for m in nx.all_neighbors(graph, n)))
    return keep
