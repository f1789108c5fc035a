"""Rows to text: an aligned table for people, JSON and CSV for programs."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any, Sequence

FORMATS = ("table", "json", "csv")

# The columns a table shows for each named query (JSON and CSV carry every field).
TABLE_COLUMNS = {
    "meetings": ["start", "name", "kind", "city", "country", "id"],
    "attendance": ["meeting.start", "meeting.name", "person.name", "country", "organization", "role", "status"],
    "pledges": ["announced", "donor.name", "recipient.name", "amount", "currency", "amount_eur", "kind", "what"],
    "statements": ["date", "speaker.name", "direct", "text"],
}
MAX_CELL = 70


def jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def _is_graph_element(value: dict) -> bool:
    """A whole node or relationship returned by a query (LadybugDB's shape: `_ID`, `_LABEL`) stays one cell."""
    return "_LABEL" in value or "_label" in value


def flatten(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and not _is_graph_element(value):
            flat.update(flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        shown = {k: v for k, v in value.items() if k not in ("_ID", "_SRC", "_DST") and v not in (None, [])}
        return json.dumps(jsonable(shown), ensure_ascii=False)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def render(columns: Sequence[str] | None, rows: list, fmt: str, named: str | None = None) -> str:
    """`rows` are lists (with `columns`) or dicts (named queries)."""
    records = [dict(zip(columns, r)) for r in rows] if columns is not None else list(rows)
    if fmt == "json":
        return json.dumps(jsonable(records), ensure_ascii=False, indent=1) + "\n"
    # Rows of one's own query keep their columns whole (a map stays one cell); named queries flatten.
    flat = [jsonable(r) for r in records] if columns is not None else [flatten(jsonable(r)) for r in records]
    if columns is not None:
        header = list(columns)
    elif fmt == "table" and named in TABLE_COLUMNS:
        header = TABLE_COLUMNS[named]
    else:
        header = list(dict.fromkeys(k for r in flat for k in r))
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        for r in flat:
            writer.writerow([_cell(r.get(h)) if isinstance(r.get(h), (list, dict)) else ("" if r.get(h) is None else r.get(h)) for h in header])
        return out.getvalue()
    if not flat:
        return "(no rows)\n"
    cells = [[_cell(r.get(h)) for h in header] for r in flat]
    cells = [[c if len(c) <= MAX_CELL else c[:MAX_CELL - 1] + "…" for c in row] for row in cells]
    widths = [max(len(h), *(len(row[i]) for row in cells)) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines) + f"\n({len(cells)} rows)\n"
