"""pandas DataFrames of the named queries' rows, for notebooks (pandas is the optional `frames` extra).

Nested fields become dotted columns (`donor.name`), as in the CSV; date columns are pandas datetimes.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

from coalition_graph.errors import MissingDependency

INSTALL_HINT = "pip install 'coalition-graph[frames]' (or: pip install pandas)"


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise MissingDependency(f"DataFrames need pandas: {INSTALL_HINT}") from None
    return pandas


def to_dataframe(rows: Iterable[Any]) -> Any:
    """Rows (pydantic models or dicts) as one DataFrame with a flat, typed column per field."""
    from coalition_graph.output import flat_records

    pd = _pandas()
    records = [r.model_dump(mode="python") if hasattr(r, "model_dump") else dict(r) for r in rows]
    header, flat = flat_records(records)
    frame = pd.DataFrame([{h: r.get(h) for h in header} for r in flat], columns=header)
    for column in header:
        values = [v for v in frame[column] if v is not None and not (isinstance(v, float) and v != v)]
        if values and all(isinstance(v, dt.date) for v in values):
            frame[column] = pd.to_datetime(frame[column])
        elif values and all(isinstance(v, bool) for v in values):
            frame[column] = frame[column].astype("boolean")
    return frame
