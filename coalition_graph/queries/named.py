"""Named queries: each one a .cypher and a .rq file in this folder, giving the same rows.

The files return flat columns; `shape_rows` turns them into the JSON contract every
front end (CLI, Python API, scorer) reads, the same way for every backend.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from importlib import resources
from typing import Any, Callable

from coalition_graph.errors import UsageError
from coalition_graph.graph.backends.base import Backend
from coalition_graph.queries.sparql_named import sparql_string

OPEN_SINCE, OPEN_UNTIL = "0001-01-01", "9999-12-31"
ISO_DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")  # fromisoformat alone also takes 20250301 and 2025-W10-1

# name → the filters it takes and their "no filter" values (never null: engines differ on null parameters)
PARAMETERS: dict[str, dict[str, str]] = {
    "meetings": {},
    "attendance": {"meeting": "", "person": "", "country": ""},
    "pledges": {"donor": "", "since": OPEN_SINCE, "until": OPEN_UNTIL},
    "statements": {"speaker": ""},
}
DATE_PARAMETERS = {"since", "until"}
NAMES = tuple(PARAMETERS)


def query_text(name: str, language: str) -> str:
    if name not in PARAMETERS:
        raise UsageError(f"no named query {name!r}; there are: {', '.join(NAMES)}")
    suffix = {"cypher": "cypher", "sparql": "rq"}[language]
    return resources.files("coalition_graph.queries").joinpath(f"{name}.{suffix}").read_text(encoding="utf-8")


def bind_sparql(text: str, params: dict[str, str]) -> str:
    """Put the parameters into the query as a VALUES row, so any SPARQL 1.1 endpoint can run it."""
    if not params:
        return text.replace("#PARAMS", "")
    names = " ".join(f"?_{k}" for k in params)
    values = " ".join(
        f'{sparql_string(v)}^^<http://www.w3.org/2001/XMLSchema#date>' if k in DATE_PARAMETERS else sparql_string(v)
        for k, v in params.items())
    return text.replace("#PARAMS", f"VALUES ({names}) {{ ({values}) }}")


def _filters(name: str, filters: dict[str, Any]) -> dict[str, str]:
    params = dict(PARAMETERS[name])
    for key, value in filters.items():
        if key not in params:
            raise UsageError(f"named query {name!r} takes no filter {key!r} (it takes: {', '.join(params) or 'none'})")
        if value is None:
            continue
        if key in DATE_PARAMETERS:
            value = day_of(key, value)
        params[key] = str(value)
    return params


def day_of(key: str, value: Any) -> str:
    """A date filter as one ISO day; a partial date is its first day for `since`, its last for `until`."""
    import calendar

    text = value.isoformat() if isinstance(value, dt.date) else str(value).strip()
    try:
        if not ISO_DAY.match(text):
            raise ValueError(text)
        parts = [int(p) for p in text.split("-")]
        year, month = parts[0], parts[1] if len(parts) > 1 else (1 if key == "since" else 12)
        day = parts[2] if len(parts) > 2 else (1 if key == "since" else calendar.monthrange(year, month)[1])
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise UsageError(f"{key}: expected a date as YYYY-MM-DD (or YYYY-MM, YYYY), got {text!r}") from None


def run_named(backend: Backend, name: str, **filters: Any) -> list[dict[str, Any]]:
    """Run a named query on any backend and return its rows in the JSON contract, sorted."""
    params = _filters(name, filters)
    text = query_text(name, backend.language)
    if backend.language == "sparql":
        from coalition_graph.queries.sparql_named import run_sparql_named

        return SHAPERS[name](run_sparql_named(backend, name, text, params, PARAMETERS[name], DATE_PARAMETERS))
    return SHAPERS[name](backend.query(text, params).dicts())


# ---------------------------------------------------------------- shaping
def _date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)[:10]


def _sources(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):  # SPARQL's GROUP_CONCAT
        value = value.split("\t") if value else []
    return sorted(set(value))


def _float(value: Any) -> float | None:
    return None if value is None or value == "" else float(value)


def _bool(value: Any) -> bool | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.lower() == "true"
    return bool(value)


def _actor(actor_id: Any, name: Any, iso3: Any) -> dict[str, Any] | None:
    if actor_id is None and name is None:
        return None
    return {"id": actor_id, "name": name, "iso3": iso3 or None}


def _meeting(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    get = lambda key: row.get(prefix + key)  # noqa: E731
    return {
        "id": get("id"),
        "name": get("name"),
        "kind": get("kind"),
        "start": _date(get("start_date") if not prefix else get("start")),
        "end": _date(get("end_date") if not prefix else get("end")),
        "city": get("city"),
        "country": get("country"),
        "sources": _sources(get("sources")),
    }


def _unique(rows: list[dict[str, Any]], key: Callable[[dict], Any]) -> list[dict[str, Any]]:
    """Optional matches can repeat a row (a pledge announced by two people); keep one per id, then sort.

    Engines return such repeats in different orders, so the one kept is the smallest, not the first.
    """
    seen: dict[Any, list[dict]] = {}
    for row in rows:
        seen.setdefault(row["id"], []).append(row)
    # only the few ids that repeat pay for a full comparison
    kept = [same[0] if len(same) == 1 else min(same, key=lambda r: json.dumps(r, sort_keys=True, default=str))
            for same in seen.values()]
    return sorted(kept, key=key)


def _sort_date(value: str | None) -> str:
    return value or "9999-99-99"


# Meetings are listed by date as the table prints it (undated last; `2025-03`, a month-precision date, before
# `2025-03-01`), then by id: the same order in every format and on every backend, so `--limit` gives the same
# rows whatever the format (and the scorer's ties fall the same way every run).
PRECISION_RANK = {"year": 0, "month": 1}


def shape_meetings(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        meeting = _meeting(row)
        meeting.update(mode=row.get("mode"), date_precision=row.get("date_precision"))
        out.append(meeting)
    return _unique(out, key=lambda m: (_sort_date(m["start"]), PRECISION_RANK.get(m["date_precision"] or "", 2),
                                       m["id"]))


def shape_attendance(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        person = {"id": row["person_id"], "name": row["person_name"]} if row.get("person_id") else None
        out.append({
            "id": row["id"],
            "meeting": _meeting(row, prefix="meeting_"),
            "person": person,
            "country": row.get("country") or None,
            "organization": row.get("organization") or None,
            "role": row.get("role"),
            "status": row.get("status"),
            "sources": _sources(row.get("sources")),
        })
    return _unique(out, key=lambda a: (_sort_date(a["meeting"]["start"]), a["meeting"]["id"],
                                       (a["person"] or {}).get("name") or "", a["country"] or "", a["id"]))


def shape_pledges(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        who = {"id": row["announced_by_id"], "name": row["announced_by_name"]} if row.get("announced_by_id") else None
        out.append({
            "id": row["id"],
            "donor": _actor(row.get("donor_id"), row.get("donor_name"), row.get("donor_iso3")),
            "recipient": _actor(row.get("recipient_id"), row.get("recipient_name"), row.get("recipient_iso3")),
            "amount": _float(row.get("amount")),
            "currency": row.get("currency"),
            "amount_eur": _float(row.get("amount_eur")),
            "eur_rate_date": _date(row.get("eur_rate_date")),
            "what": row.get("what"),
            "kind": row.get("kind"),
            "announced": _date(row.get("announced")),
            "status": row.get("status"),
            "meeting": row.get("meeting") or None,
            "announced_by": who,
            "part_of": row.get("part_of") or None,
            "sources": _sources(row.get("sources")),
        })
    return _unique(out, key=lambda p: (_sort_date(p["announced"]), p["id"]))


def shape_statements(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = [{
        "id": row["id"],
        "speaker": {"id": row["speaker_id"], "name": row["speaker_name"]},
        "text": row.get("text"),
        "date": _date(row.get("date")),
        "direct": _bool(row.get("direct")),
        "meeting": row.get("meeting") or None,
        "sources": _sources(row.get("sources")),
    } for row in rows]
    return _unique(out, key=lambda s: (_sort_date(s["date"]), s["id"]))


SHAPERS: dict[str, Callable[[list[dict[str, Any]]], list[dict[str, Any]]]] = {
    "meetings": shape_meetings,
    "attendance": shape_attendance,
    "pledges": shape_pledges,
    "statements": shape_statements,
}


def shape_rows(name: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Flat rows of a named query (as dicts) → the JSON contract."""
    return SHAPERS[name](rows)
