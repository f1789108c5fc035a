"""Filters that know the gazetteer: `--donor UK`, `--country France`, `--person Zelenski`, `--meeting 2025-03-27`.

The named queries match a filter literally (an id, an ISO3 code, part of a name). Before they run, each filter
the user typed is read as a person would mean it: a country's short form or demonym becomes its id, a person's
alias or a near spelling becomes that person, a date picks the meetings held that day. A filter that names
nothing in the graph is kept as typed (it gives no rows) and `warn` is told the nearest names.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any, Callable

from coalition_graph.graph.backends.base import Backend

DATE_TEXT = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


# The one rule for the EU and its Commission as donors (README, "The EU and the Commission as donors").
EU_DONORS = {"org/european-union": ("org/european-union", "org/european-commission")}


@dataclass(frozen=True)
class Candidate:
    id: str
    name: str
    iso3: str | None = None
    start: str | None = None
    end: str | None = None
    city: str | None = None
    aliases: tuple[str, ...] = ()  # other names the gazetteer knows it by ("Britain", "UK"): for suggestions


# (query, filter) → (which named query lists the candidates, what kind of thing the filter names)
FILTER_KINDS = {
    ("pledges", "donor"): ("pledges", "donor"),
    ("attendance", "country"): ("attendance", "country"),
    ("attendance", "person"): ("attendance", "person"),
    ("attendance", "meeting"): ("meetings", "meeting"),
    ("statements", "speaker"): ("statements", "person"),
}


def candidates(backend: Backend, source: str, kind: str) -> list[Candidate]:
    """The things in the graph a filter of this kind can name (from the unfiltered named query)."""
    from coalition_graph.queries.named import run_named

    found: dict[str, Candidate] = {}
    for row in run_named(backend, source):
        if kind == "donor" and row.get("donor") and row["donor"]["id"] not in found:
            d = row["donor"]
            found[d["id"]] = Candidate(d["id"], d.get("name") or d["id"], d.get("iso3"), aliases=_aliases(d["id"]))
        elif kind == "country" and row.get("country") and row["country"] not in found:
            iso3 = row["country"]
            found[iso3] = Candidate(iso3, _country_name(iso3), iso3, aliases=_aliases(f"country/{iso3}"))
        elif kind == "person":
            p = row.get("person") or row.get("speaker")
            if p and p.get("id"):
                found.setdefault(p["id"], Candidate(p["id"], p.get("name") or p["id"]))
        elif kind == "meeting":
            found.setdefault(row["id"], Candidate(row["id"], row.get("name") or row["id"], start=row.get("start"),
                                                  end=row.get("end"), city=row.get("city")))
    return list(found.values())


def _literal_match(value: str, kind: str, options: list[Candidate]) -> bool:
    """Whether the named query, given `value` as typed, finds something (the queries' own matching rules)."""
    low = value.lower()
    for c in options:
        if value == c.id or (c.iso3 and low == c.iso3.lower()):
            return True
        if kind == "country":
            continue
        if low in c.name.lower() or (kind == "meeting" and c.city and low == c.city.lower()):
            return True
    return False


def _gazetteer_country(value: str) -> str | None:
    """ISO3 of a country the user named by name, short form, demonym or code ("UK", "Britain", "British")."""
    from coalition_graph.loaders.gazetteer import fold, load_gazetteer

    gaz = load_gazetteer()
    if value.upper() in gaz.countries:
        return value.upper()
    wanted = fold(value)
    for table in (gaz.country_names, gaz.country_demonyms):
        for surface, iso3 in table.items():
            if fold(surface) == wanted:
                return iso3
    return None


def _gazetteer_org(value: str) -> str | None:
    from coalition_graph.loaders.gazetteer import fold, load_gazetteer

    wanted = fold(value)
    for surface, key in load_gazetteer().org_names.items():
        if fold(surface) == wanted:
            return f"org/{key}"
    return None


def _country_name(iso3: str) -> str:
    from coalition_graph.loaders.gazetteer import load_gazetteer

    return load_gazetteer().country_name(iso3)


def _org_name(org_id: str) -> str:
    from coalition_graph.loaders.gazetteer import load_gazetteer

    return load_gazetteer().org_name(org_id.removeprefix("org/"))


def _aliases(node_id: str) -> tuple[str, ...]:
    """The gazetteer's other names for a country or organization node (short forms, demonyms, aliases)."""
    return _alias_index().get(node_id, ())


_ALIASES: dict[str, tuple[str, ...]] = {}


def _alias_index() -> dict[str, tuple[str, ...]]:
    from coalition_graph.loaders.gazetteer import load_gazetteer

    if not _ALIASES:
        gaz = load_gazetteer()
        index: dict[str, list[str]] = {}
        for table, prefix in ((gaz.country_names, "country/"), (gaz.country_demonyms, "country/"),
                              (gaz.org_names, "org/")):
            for surface, key in table.items():
                index.setdefault(prefix + key, []).append(surface)
        _ALIASES.update({k: tuple(dict.fromkeys(v)) for k, v in index.items()})
    return _ALIASES


def _gazetteer_person_names(value: str) -> list[str]:
    """The canonical names the gazetteer knows for an alias or a surname ("Zelensky" → Volodymyr Zelenskyy)."""
    from coalition_graph.loaders.gazetteer import fold, load_gazetteer

    gaz = load_gazetteer()
    wanted = fold(value)
    keys = [key for surface, key in gaz.person_names.items() if fold(surface) == wanted]
    keys += gaz.surnames.get(wanted, [])
    return list(dict.fromkeys(gaz.people[k].name for k in keys if k in gaz.people))


def _nearest(value: str, options: list[Candidate], cutoff: float) -> list[Candidate]:
    """Candidates whose name or another name of theirs, or one word of it (a surname), is spelt close to `value`."""
    from coalition_graph.loaders.gazetteer import fold

    wanted = fold(value)
    scored = []
    for c in options:
        forms = [form for name in (c.name, *c.aliases) for form in [fold(name), *fold(name).split()]]
        best = max(difflib.SequenceMatcher(None, wanted, form).ratio() for form in forms)
        if best >= cutoff:
            scored.append((best, c))
    scored.sort(key=lambda pair: (-pair[0], pair[1].name))
    return [c for _, c in scored]


def _meetings_on(value: str, options: list[Candidate]) -> list[Candidate]:
    """Meetings held on a day (start ≤ day ≤ end) or, for YYYY-MM, in a month."""
    found = []
    for c in options:
        start = c.start or (c.id.split("/")[1] if c.id.count("/") >= 2 else "")
        end = c.end or start
        if len(value) == 7 and (start[:7] == value or start[:7] <= value <= end[:7]):
            found.append(c)
        elif len(value) == 10 and start and start[:10] <= value <= (end or start)[:10]:
            found.append(c)
    return found


def _nearest_in_date(value: str, options: list[Candidate]) -> list[Candidate]:
    """Dated meetings, the nearest to the day (or the first of the month) `value` first; ties by date, name."""
    import datetime as dt

    try:
        day = dt.date.fromisoformat(value if len(value) == 10 else value + "-01")
    except ValueError:
        return []
    dated = []
    for c in options:
        try:
            start = dt.date.fromisoformat((c.start or "")[:10])
        except ValueError:
            continue
        end = start
        if c.end:
            try:
                end = max(start, dt.date.fromisoformat(c.end[:10]))
            except ValueError:
                pass
        gap = 0 if start <= day <= end else min(abs((start - day).days), abs((end - day).days))
        dated.append((gap, c.start or "", c.name, c))
    dated.sort(key=lambda item: item[:3])
    return [c for *_, c in dated]


def resolve(backend: Backend, query: str, key: str, value: str,
            warn: Callable[[str], None] | None = None) -> list[str]:
    """What the filter `key=value` of named query `query` means, as values the query matches literally.

    Usually one value; a date that several meetings share gives each of their ids.
    """
    source, kind = FILTER_KINDS[(query, key)]
    options = candidates(backend, source, kind)
    ids = {c.id for c in options}
    if kind in ("donor", "country"):
        iso3 = _gazetteer_country(value)
        org = _gazetteer_org(value) if kind == "donor" else None
        if iso3 and (kind == "country" or f"country/{iso3}" in ids or not options or not org):
            # a country the gazetteer knows is that country, never a name that contains the letters ("UK")
            meant = iso3 if kind == "country" else f"country/{iso3}"
            if warn and options and kind == "donor" and meant not in ids:
                warn(f"Warning: {_country_name(iso3)} pledged nothing in the graph")
            return [meant]
        if org:
            # the EU's pledges include those its Commission makes from the EU budget; the Commission's are its own
            meant = [o for o in EU_DONORS.get(org, (org,)) if o in ids]
            if meant:
                return meant
            if warn and options:
                warn(f"Warning: {_org_name(org)} pledged nothing in the graph")
            return [org]
    if kind == "meeting" and DATE_TEXT.match(value):
        on_day = _meetings_on(value, options)
        if on_day:
            return [c.id for c in on_day]
    if _literal_match(value, kind, options):
        return [value]
    if kind == "person":
        for name in _gazetteer_person_names(value):
            match = [c for c in options if c.name == name]
            if match:
                return [match[0].id]
        near = _nearest(value, options, cutoff=0.8)
        if near:
            return [near[0].id]
    if warn:
        if kind == "meeting" and DATE_TEXT.match(value):
            suggestions = [f"{c.name} ({c.start})" for c in _nearest_in_date(value, options)[:3]]
        else:
            suggestions = [c.name for c in _nearest(value, options, cutoff=0.45)[:3]]
        hint = f"; nearest: {', '.join(suggestions)}" if suggestions else ""
        warn(f"Warning: no {'meeting' if kind == 'meeting' else kind} in the graph matches {value!r}{hint}")
    return [value]


def resolve_filters(backend: Backend, query: str, filters: dict[str, Any],
                    warn: Callable[[str], None] | None = None) -> list[dict[str, Any]]:
    """The filter sets to run for what the user typed (several when a date names several meetings)."""
    runs: list[dict[str, Any]] = [dict(filters)]
    for key, value in filters.items():
        if (query, key) not in FILTER_KINDS or not isinstance(value, str) or not value.strip():
            continue
        meant = resolve(backend, query, key, value.strip(), warn)
        runs = [{**run, key: m} for run in runs for m in meant]
    return runs


def run_resolved(backend: Backend, query: str, warn: Callable[[str], None] | None = None,
                 **filters: Any) -> list[dict[str, Any]]:
    """Run a named query with its filters read as a person means them; rows of every reading, once each."""
    from coalition_graph.queries.named import run_named

    runs = resolve_filters(backend, query, filters, warn)
    if len(runs) == 1:
        return run_named(backend, query, **runs[0])
    seen: dict[str, dict[str, Any]] = {}
    for run in runs:
        for row in run_named(backend, query, **run):
            seen.setdefault(row["id"], row)
    return list(seen.values())

