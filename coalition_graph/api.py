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

from coalition_graph.errors import UsageError
from coalition_graph.graph.backends.base import Backend, QueryResult
from coalition_graph.graph.store import IngestReport, Store
from coalition_graph.queries.lookup import run_resolved
from coalition_graph.queries.rows import (ROW_TYPES, AttendanceRow, Evidence, Explanation, MeetingRow, PledgeRow, Rows,
                                          StatementRow)

__all__ = ["Store", "IngestReport", "MeetingRow", "AttendanceRow", "PledgeRow", "StatementRow", "Rows", "Evidence",
           "Explanation", "QueryResult", "open_store", "meetings", "attendance", "pledges", "statements", "named_query",
           "query", "frame", "explain"]


def open_store(path: str | Path, *, create: bool = False) -> Store:
    return Store.open(path, create=create)


def named_query(source: Store | Backend, name: str, engine: str = "cypher", **filters: Any) -> Rows:
    """Typed rows of a named query. Filters are read as a person means them (`donor="UK"`, `person="Zelensky"`,
    `meeting="2025-03-27"`); one that names nothing in the graph gives no rows and a UserWarning with the
    nearest names. Dates may be partial: `since="2025-03"` is the first of March, `until="2025"` the last of 2025."""
    import warnings

    if name not in ROW_TYPES:
        raise UsageError(f"no named query {name!r}; there are: {', '.join(ROW_TYPES)}")
    backend = source.backend(engine) if isinstance(source, Store) else source
    row_type = ROW_TYPES[name]
    rows = run_resolved(backend, name, warn=lambda text: warnings.warn(text, UserWarning, stacklevel=3), **filters)
    return Rows(row_type.model_validate(row) for row in rows)


def query(source: Store | Backend, text: str, params: dict[str, Any] | None = None, *,
          engine: str = "cypher") -> QueryResult:
    """Your own Cypher or SPARQL query (`engine` picks the store's engine; a backend speaks its own language).
    Queries only read: several statements, writes, schema changes, files, LOAD, CALL, SERVICE and updates
    raise errors.QueryError, on the store and on a server alike; on Neo4j it also runs read-only."""
    from coalition_graph.queries.guard import run_user_query
    from coalition_graph.queries.params import prepare

    backend = source.backend(engine) if isinstance(source, Store) else source
    text, bound = prepare(text, backend.language, dict(params or {}))
    return run_user_query(backend, text, bound)


def frame(source: Store | Backend, name: str, engine: str = "cypher", **filters: Any) -> Any:
    """A named query's rows as a pandas DataFrame (needs the `frames` extra): dotted columns, dates as datetimes.
    An unknown name raises errors.UsageError listing the named queries."""
    return named_query(source, name, engine, **filters).to_dataframe()


def explain(store: Store, fact_id: str) -> Explanation:
    """A node or relationship with its typed evidence: sentence, offsets, rule, article."""
    return Explanation.model_validate(store.explain(fact_id).__dict__)


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
