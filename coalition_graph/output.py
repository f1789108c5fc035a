"""Rows to text: a table that fits the terminal for people; JSON, NDJSON, CSV and TSV, typed, for programs.

Programs read what we write as typed values: booleans are `true`/`false`, whole amounts have no `.0`,
and CSV/TSV have one flat header (`recipient.id`, never a stray `recipient` beside it).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from typing import Any, Iterable, Sequence

from coalition_graph.errors import UsageError

FORMATS = ("table", "json", "ndjson", "csv", "tsv")

# The columns a table shows for each named query (the other formats carry every field; --columns picks).
TABLE_COLUMNS = {
    "meetings": ["start", "name", "kind", "id"],
    "attendance": ["meeting.start", "meeting.name", "person.name", "country", "organization", "role", "status"],
    "pledges": ["announced", "donor.name", "amount", "currency", "amount_eur", "kind", "what"],
    "statements": ["date", "speaker.name", "direct", "text"],
}
# Columns kept on one line whatever the width: ids are meant to be copied into `coalition explain`.
NO_WRAP = {"id", "meeting.id", "person.id", "donor.id", "recipient.id", "speaker.id", "start", "meeting.start",
           "announced", "date", "eur_rate_date", "end"}
AMOUNT_COLUMNS = {"amount", "amount_eur", "total_eur"}
# Short headings for a narrow terminal; --columns, --sort and the other formats use the field names.
HEADINGS = {"meeting.start": "date", "meeting.name": "meeting", "person.name": "person", "donor.name": "donor",
            "recipient.name": "recipient", "speaker.name": "speaker", "organization": "org.", "currency": "cur.",
            "amount_eur": "in EUR", "announced": "date", "date_precision": "precision"}


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """`1 row`, `2 rows`, `0 articles`."""
    return f"{count} {noun if count == 1 else (plural_form or noun + 's')}"


def jsonable(value: Any) -> Any:
    """Plain JSON values; a whole number stored as a float is written as an integer (2000000000, not 2e9 or .0)."""
    if isinstance(value, bool) or value is None or isinstance(value, (str, int)):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return str(value)


def _is_graph_element(value: dict) -> bool:
    """A whole node or relationship returned by a query (LadybugDB's shape: `_ID`, `_LABEL`) stays one cell."""
    return "_LABEL" in value or "_label" in value


def _nested_keys(rows: Iterable[dict[str, Any]], prefix: str = "") -> set[str]:
    """The keys that hold an object in at least one row: they flatten to `key.field` in every row."""
    keys: set[str] = set()
    for row in rows:
        for key, value in row.items():
            if isinstance(value, dict) and not _is_graph_element(value):
                keys.add(prefix + key)
                keys |= _nested_keys([value], prefix + key + ".")
    return keys


def flatten(row: dict[str, Any], prefix: str = "", nested: set[str] | None = None) -> dict[str, Any]:
    """`{"donor": {"id": …}}` → `{"donor.id": …}`; a missing object (None) gives no stray `donor` column."""
    nested = _nested_keys([row]) if nested is None else nested
    flat: dict[str, Any] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and not _is_graph_element(value):
            flat.update(flatten(value, name + ".", nested))
        elif value is None and name in nested:
            continue
        else:
            flat[name] = value
    return flat


def flat_records(rows: list[dict[str, Any]]) -> tuple[list[str], list[dict[str, Any]]]:
    """One header for all rows (the union of their flattened keys, in first-seen order) and the flat rows."""
    nested = _nested_keys(rows)
    flat = [flatten(r, nested=nested) for r in rows]
    header = list(dict.fromkeys(k for r in flat for k in r))
    return header, flat


# ---------------------------------------------------------------- picking, sorting, limiting
def select(rows: list[dict[str, Any]], *, sort: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Rows sorted by one flat column (`-col` for descending; empty values last) and cut to `limit`."""
    if sort:
        descending = sort.startswith("-")
        column = sort.lstrip("-")
        header, flat = flat_records(rows)
        if rows and column not in header:
            raise UsageError(f"--sort {column}: no such column; there are: {', '.join(header)}")
        present = [(f.get(column), r) for f, r in zip(flat, rows) if f.get(column) not in (None, "")]
        missing = [r for f, r in zip(flat, rows) if f.get(column) in (None, "")]
        present.sort(key=lambda pair: _sort_key(pair[0]), reverse=descending)
        rows = [r for _, r in present] + missing
    return rows[:limit] if limit is not None else rows


def _sort_key(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (0, value, "")
    return (1, 0, str(value).lower())


def parse_columns(text: str | None) -> list[str] | None:
    return [c.strip() for c in text.split(",") if c.strip()] if text else None


# ---------------------------------------------------------------- rendering
def render(columns: Sequence[str] | None, rows: list, fmt: str, named: str | None = None, *,
           show: Sequence[str] | None = None, width: int | None = None, noun: str = "row",
           date_precision: dict[str, str] | None = None) -> str:
    """`rows` are lists (with `columns`, one's own query) or dicts (named queries: they flatten).

    `show` picks and orders the columns; `date_precision` maps a meeting id to its precision, so a
    month-precision date is written `2025-03` in a table.
    """
    records = [dict(zip(columns, r)) for r in rows] if columns is not None else list(rows)
    if show and fmt in ("json", "ndjson"):  # picked fields: flat objects with just those keys
        header, flat = flat_records(jsonable(records)) if columns is None else (list(columns), records)
        _check_columns(show, header, flat)
        records = [{c: r.get(c) for c in show} for r in flat]
    if fmt == "json":
        return json.dumps(jsonable(records), ensure_ascii=False, indent=1) + "\n"
    if fmt == "ndjson":
        return "".join(json.dumps(jsonable(r), ensure_ascii=False) + "\n" for r in records)
    if columns is not None:  # one's own query keeps its columns whole (a map stays one cell)
        header, flat = list(columns), [jsonable(r) for r in records]
    else:
        header, flat = flat_records(jsonable(records))
        if fmt == "table" and named in TABLE_COLUMNS and not show:
            header = [h for h in TABLE_COLUMNS[named] if any(r.get(h) not in (None, "", []) for r in flat)]
    if show:
        _check_columns(show, header, flat)
        header = list(show)
    if fmt in ("csv", "tsv"):
        return delimited(header, flat, "," if fmt == "csv" else "\t")
    if fmt != "table":
        raise UsageError(f"unknown format {fmt!r}; there are: {', '.join(FORMATS)}")
    if not flat:
        return "(no rows)\n"
    flat = [_with_precision(r, date_precision or {}) for r in flat]
    cells = [[table_cell(r.get(h), h) for h in header] for r in flat]
    return table(header, cells, width=width) + f"({plural(len(cells), noun)})\n"


def _check_columns(show: Sequence[str], header: Sequence[str], flat: list[dict[str, Any]]) -> None:
    unknown = [c for c in show if c not in header and flat and not any(c in r for r in flat)]
    if unknown:
        raise UsageError(f"--columns {','.join(unknown)}: no such column; there are: {', '.join(header)}")


def _with_precision(row: dict[str, Any], precisions: dict[str, str]) -> dict[str, Any]:
    row = dict(row)
    for prefix in ("", "meeting."):
        precision = row.get(prefix + "date_precision") or precisions.get(row.get(prefix + "id") or "")
        for key in ("start", "end"):
            value = row.get(prefix + key)
            if isinstance(value, str) and len(value) >= 10 and precision in ("month", "year"):
                row[prefix + key] = value[:7] if precision == "month" else value[:4]
    return row


def delimited(header: Sequence[str], rows: list[dict[str, Any]], delimiter: str) -> str:
    if delimiter == "\t":  # TSV as most tools read it (IANA): no quoting or escapes, tabs and newlines in a cell become spaces
        clean = lambda text: " ".join(text.split()) if "\t" in text or "\n" in text or "\r" in text else text  # noqa: E731
        lines = ["\t".join(header)] + ["\t".join(clean(typed_text(row.get(h))) for h in header) for row in rows]
        return "".join(line + "\n" for line in lines)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([typed_text(row.get(h)) for h in header])
    return out.getvalue()


def typed_text(value: Any) -> str:
    """A value as CSV/TSV text other tools read as typed: true/false, 2000000000, 2025-03-27, a;b."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (list, tuple)):
        return ";".join(typed_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(jsonable(value), ensure_ascii=False)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def table_cell(value: Any, column: str = "") -> str:
    """A value as a person reads it in a table: 1.6bn, yes/no, lists one per line."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)) and column.split(".")[-1] in AMOUNT_COLUMNS:
        return compact_amount(value)
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "\n".join(table_cell(v) for v in value)
    if isinstance(value, dict):
        shown = {k: v for k, v in value.items() if k not in ("_ID", "_SRC", "_DST") and v not in (None, [])}
        return json.dumps(jsonable(shown), ensure_ascii=False)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def compact_amount(value: float) -> str:
    """2000000000 → 2bn, 1938688961.59 → 1.94bn, 85000000 → 85m, 12500 → 12,500."""
    for size, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:,.0f}"


def terminal_width() -> int:
    """The terminal's width ($COLUMNS wins), 80 when there is no terminal."""
    return shutil.get_terminal_size((80, 24)).columns


def table(header: Sequence[str], cells: list[list[str]], *, width: int | None = None, title: str | None = None,
          numeric: Sequence[bool] | None = None) -> str:
    """An aligned table no wider than `width`: long cells wrap inside their column, ids stay whole."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    width = width or terminal_width()
    numeric = numeric or [bool(cells) and all(_looks_numeric(row[i]) for row in cells if row[i]) and
                          any(row[i] for row in cells) for i in range(len(header))]
    grid = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="",
                 collapse_padding=True, padding=(0, 1))
    headings = [HEADINGS.get(h, h) for h in header]
    longest = _longest(headings, cells)
    sizes = column_widths(header, longest, width)
    id_columns = {k: False for k, h in enumerate(header) if h == "id" or h.endswith(".id")}  # k: is it stacked
    stacked = _stack_ids(header, headings, cells, longest, sizes, width)
    if stacked:
        header, headings, cells, numeric = stacked[0], stacked[1], stacked[2], [numeric[i] for i in stacked[3]]
        longest = _longest(headings, cells)
        sizes = stacked[4]
        id_columns = {stacked[5]: True}
    # An id longer than its column is never folded: its cell holds a one-character mark, and the id is written
    # whole over the mark's line once the table is drawn (it runs on into the blank space beside it).
    long_ids: list[str] = []
    if any(sizes[k] < longest[k] for k in id_columns):
        cells = [list(row) for row in cells]
        for row in cells:
            for k, is_stacked in id_columns.items():
                lines = row[k].split("\n")
                if (len(lines[-1]) > sizes[k]) if is_stacked or len(lines) == 1 else False:
                    long_ids.append(lines[-1])
                    row[k] = "\n".join(lines[:-1] + [_ID_MARK])
        longest = _longest(headings, cells)
    for i, heading in enumerate(headings):
        grid.add_column(heading, justify="right" if numeric[i] else "left", overflow="fold", width=None)
    for column, size in zip(grid.columns, sizes):
        column.width = size
        column.no_wrap = size >= longest[grid.columns.index(column)]
    for row in cells:
        grid.add_row(*row)
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, force_terminal=False, legacy_windows=False,
                      soft_wrap=False, emoji=False, markup=False, highlight=False)
    console.print(grid)
    lines = [line.rstrip() for line in out.getvalue().splitlines()]
    if long_ids:
        lines = _write_long_ids(lines, long_ids, width)
    return "\n".join(([title] if title else []) + lines) + "\n"


_ID_MARK = "\ue000"  # a private-use character: never in a cell's text


def _write_long_ids(lines: list[str], ids: list[str], width: int) -> list[str]:
    """Each mark (in row order) replaced by its whole id: at the mark's place, or further left so it ends within
    `width`, where that stretch of the line is blank; else on a line of its own just under the mark's line."""
    queue = iter(ids)
    out: list[str] = []
    for line in lines:
        extra: list[str] = []
        while _ID_MARK in line:
            at = line.index(_ID_MARK)
            ident = next(queue)
            blank = line[:at] + " " + line[at + 1:]
            start = max(0, min(at, width - len(ident)))
            padded = blank.ljust(start + len(ident))
            if not padded[start:start + len(ident)].strip():
                line = (padded[:start] + ident + padded[start + len(ident):]).rstrip()
            else:
                line = blank.rstrip()
                extra.append(" " * start + ident)
        out.append(line)
        out.extend(extra)
    return out


def _longest(headings: Sequence[str], cells: list[list[str]]) -> list[int]:
    return [max([len(h)] + [max((len(line) for line in row[i].split("\n")), default=0) for row in cells])
            for i, h in enumerate(headings)]


def _stack_ids(header: Sequence[str], headings: Sequence[str], cells: list[list[str]], longest: list[int],
               sizes: list[int], width: int) -> tuple | None:
    """Where an id would fold (or squeeze a name under 24 characters), it goes on its own line under the
    first text column instead, whole and copyable (`name / id`; one longer than the column runs on into the
    blank space beside it, see `_write_long_ids`). None when the table fits as it is, or the stacked column
    would be too narrow."""
    ids = [i for i, h in enumerate(header) if h == "id" or h.endswith(".id")]
    texts = [i for i, h in enumerate(header) if i not in ids and h not in NO_WRAP and longest[i] > 13]
    if len(ids) != 1 or not texts:
        return None
    i, j = ids[0], texts[0]
    if sizes[i] >= longest[i] and sizes[j] >= min(longest[j], 24):
        return None
    keep = [k for k in range(len(header)) if k != i]
    new_header = [header[k] for k in keep]
    new_headings = [f"{headings[j]} / {headings[i]}" if k == j else headings[k] for k in keep]
    new_cells = [[f"{row[j]}\n{row[i]}" if k == j and row[i] else row[k] for k in keep] for row in cells]
    new_longest = _longest(new_headings, new_cells)
    new_sizes = column_widths(new_header, new_longest, width)
    at = keep.index(j)
    short = longest[i] - new_sizes[at]
    if short > 0:  # the stacked column must hold a whole id: the other text columns give way
        for k in range(len(new_sizes)):
            if k != at and new_header[k] not in NO_WRAP and new_longest[k] > 13:
                give = min(short, new_sizes[k] - 10)
                if give > 0:
                    new_sizes[k] -= give
                    new_sizes[at] += give
                    short -= give
    if new_sizes[at] < 24:
        return None
    return new_header, new_headings, new_cells, keep, new_sizes, at


def column_widths(header: Sequence[str], longest: Sequence[int], width: int) -> list[int]:
    """Each column's width so the table fits `width` (2 spaces between columns).

    Dates, codes and kinds (up to 13 characters) keep their width; ids too, up to the room that leaves the
    others at least 24 characters (a longer id folds onto the next line, it is never cut); names and text share
    what is left in proportion to their length, none narrower than its heading.
    """
    room = width - 2 * (len(header) - 1)
    sizes = list(longest)
    if sum(sizes) <= room:
        return sizes
    n = range(len(header))
    is_id = [(h == "id" or h.endswith(".id")) for h in header]
    fixed = [not is_id[i] and (header[i] in NO_WRAP or longest[i] <= 13) for i in n]
    flexible = [i for i in n if not fixed[i] and not is_id[i]]
    floor = {i: max(len(HEADINGS.get(header[i], header[i])), min(longest[i], 10)) for i in flexible}
    id_cap = max(room - sum(longest[i] for i in n if fixed[i]) - sum(floor.values()) - 4 * bool(flexible), 16)
    for i in n:
        if is_id[i]:
            sizes[i] = min(longest[i], id_cap)
    for i in flexible:
        sizes[i] = floor[i]
    spare = room - sum(sizes)
    while spare > 0:  # share what is left among the text columns, in proportion to their length
        growing = [i for i in flexible if sizes[i] < longest[i]]
        if not growing:
            break
        total = sum(longest[i] for i in growing)
        given = 0
        for i in growing:
            extra = min(longest[i] - sizes[i], max(1, spare * longest[i] // total), spare - given)
            sizes[i] += extra
            given += extra
        spare -= given
        if given == 0:
            break
    return sizes


def _looks_numeric(text: str) -> bool:
    stripped = text.replace(",", "").replace(".", "", 1)
    for suffix in ("tn", "bn", "m"):
        if stripped.endswith(suffix):
            stripped = stripped[: -len(suffix)]
            break
    return stripped.isdigit()
