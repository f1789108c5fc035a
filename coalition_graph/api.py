"""The Python API: open a store, ingest, run the named queries, get typed rows.

    from coalition_graph.api import open_store, attendance, pledges

    with open_store("my-store", create=True) as store:
        store.ingest(["articles/"])
        for row in attendance(store, meeting="paris"):
            print(row.meeting.name, row.person.name if row.person else row.country, row.role)
        total = sum(p.amount_eur or 0 for p in pledges(store, donor="FRA", since="2025-01-01"))

Each function takes a `Store` (answered by its embedded Cypher engine, or SPARQL with
`engine="sparql"`) or any backend (Neo4j, a SPARQL server: see coalition_graph.graph.backends).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from coalition_graph.graph.backends.base import Backend
from coalition_graph.graph.store import IngestReport, Store
from coalition_graph.queries import run_named
from coalition_graph.queries.rows import ROW_TYPES, AttendanceRow, MeetingRow, PledgeRow, StatementRow

__all__ = ["Store", "IngestReport", "MeetingRow", "AttendanceRow", "PledgeRow", "StatementRow", "open_store", "meetings", "attendance", "pledges", "statements", "named_query"]


def open_store(path: str | Path, *, create: bool = False) -> Store:
    return Store.open(path, create=create)


def named_query(source: Store | Backend, name: str, engine: str = "cypher", **filters: Any) -> list:
    backend = source.backend(engine) if isinstance(source, Store) else source
    row_type = ROW_TYPES[name]
    return [row_type.model_validate(row) for row in run_named(backend, name, **filters)]


def meetings(source: Store | Backend, *, engine: str = "cypher") -> list[MeetingRow]:
    return named_query(source, "meetings", engine)


def attendance(source: Store | Backend, *, meeting: str | None = None, person: str | None = None,
               country: str | None = None, engine: str = "cypher") -> list[AttendanceRow]:
    return named_query(source, "attendance", engine, meeting=meeting, person=person, country=country)


def pledges(source: Store | Backend, *, donor: str | None = None, since: Any = None, until: Any = None,
            engine: str = "cypher") -> list[PledgeRow]:
    return named_query(source, "pledges", engine, donor=donor, since=since, until=until)


def statements(source: Store | Backend, *, speaker: str | None = None, engine: str = "cypher") -> list[StatementRow]:
    return named_query(source, "statements", engine, speaker=speaker)
