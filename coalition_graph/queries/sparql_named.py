"""Named queries on SPARQL backends, shaped for speed: the filters written into the query, then the sources.

First the filters with an `#anchor` (the person, the meeting, the donor, the speaker) find the things
they match, with a small query each. Then the .rq file runs with only the lines its filters need (`#if
NAME` / `#unless NAME` at the end of a line), the filter values written in as literals and the things
found as VALUES where it says #ANCHORS, so the join starts from them and no filter waits behind an
OPTIONAL (a filter inside the main query made Oxigraph join every attendance first). It returns no
sources: a last query fetches the sources of the rows returned, all at once (`VALUES` of their IRIs, or
every record of the class when nothing was filtered). A `GROUP BY` over sources in one query multiplies
each row by its sources and its meeting's; this way the rows are the same at the cost of the rows
returned. Any SPARQL 1.1 endpoint runs every step.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from coalition_graph.graph.backends.base import Backend

ID = "https://w3id.org/coalition-graph/id/"
CG = "https://w3id.org/coalition-graph/ontology#"
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
IRI_BATCH = 2000  # IRIs in one VALUES block of the sources query

# name → columns holding an IRI of ours (given back as ids), and the records whose sources the rows list:
# (column with the record's IRI, row column the sources go to, class of those records)
ID_COLUMNS = {
    "meetings": ("id",),
    "attendance": ("id", "meeting_id", "attendee"),
    "pledges": ("id", "donor_id", "recipient_id", "meeting", "announced_by_id", "part_of"),
    "statements": ("id", "speaker_id", "meeting"),
}
SOURCED = {
    "meetings": (("id", "sources", "Meeting"),),
    "attendance": (("id", "sources", "Attendance"), ("meeting_id", "meeting_sources", "Meeting")),
    "pledges": (("id", "sources", "Pledge"),),
    "statements": (("id", "sources", "Statement"),),
}


def sparql_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f'"{escaped}"'


def _write_in(text: str, params: dict[str, str], dates: set[str]) -> str:
    for name in sorted(params, key=len, reverse=True):  # ?_since before ?_s…: longest first
        value = params[name]
        literal = f"{sparql_string(value)}^^<{XSD_DATE}>" if name in dates else sparql_string(value)
        # SPARQL's LCASE/UCASE of a constant, done here: the engine then matches a constant, not an expression
        text = (text.replace(f"?_{name}_iri", sparql_string(ID + value)).replace(f"?_{name}_lower", sparql_string(value.lower()))
                .replace(f"?_{name}_upper", sparql_string(value.upper())).replace(f"?_{name}", literal))
    return text


def specialise(text: str, params: dict[str, str], defaults: dict[str, str], dates: set[str]) -> tuple[str, dict[str, tuple[str, str]]]:
    """The query for these filter values (the lines the set filters need, the values written in), and the
    anchors of the set filters: filter name → (variable, pattern over ?x finding the things it matches)."""
    active = {name for name, value in params.items() if value != defaults[name]}
    lines, anchors, anchor = [], {}, None
    for line in text.splitlines():
        if line.startswith("#anchor "):
            name, _, rest = line.removeprefix("#anchor ").partition(" ")
            variable, _, pattern = rest.partition(":")
            anchor = name
            anchors[name] = (variable.strip(), pattern.strip())
            continue
        if line.startswith("#   ") and anchor:  # the anchor's pattern goes on
            variable, pattern = anchors[anchor]
            anchors[anchor] = (variable, f"{pattern} {line[4:].strip()}")
            continue
        anchor = None
        body, marker, names = line.rpartition("#if ") if "#if " in line else line.rpartition("#unless ")
        if marker:
            wanted = set(names.strip().split("|"))
            if (marker == "#if ") != bool(wanted & active):
                continue
            line = body.rstrip()
        lines.append(line)
    anchors = {name: (var, _write_in(pattern, params, dates)) for name, (var, pattern) in anchors.items() if name in active}
    return _write_in("\n".join(lines), params, dates), anchors


def anchor_values(backend: Backend, prefixes: str, anchors: dict[str, tuple[str, str]]) -> str | None:
    """VALUES rows for the things each anchored filter finds; None where one finds nothing (no rows at all)."""
    blocks = []
    for variable, pattern in anchors.values():
        found = backend.query(f"{prefixes}SELECT DISTINCT ?x WHERE {{ {pattern} }}").rows
        if not found:
            return None
        blocks.append(f"VALUES {variable} {{ {' '.join(f'<{iri}>' for (iri,) in found)} }}")
    return " ".join(blocks)


def _strip(value: Any) -> Any:
    return value[len(ID):] if isinstance(value, str) and value.startswith(ID) else value


def sources_query(iris: list[str] | None, classes: list[str]) -> str:
    """The sources of these records (IRIs), or of every record of `classes` where `iris` is None."""
    if iris is None:
        pattern = " UNION ".join(f"{{ ?s a <{CG}{cls}> ; <{CG}source> ?source }}" for cls in classes)
        return f"SELECT ?s ?source WHERE {{ {pattern} }}"
    values = " ".join(f"<{iri}>" for iri in iris)
    return f"SELECT ?s ?source WHERE {{ VALUES ?s {{ {values} }} ?s <{CG}source> ?source }}"


def run_sparql_named(backend: Backend, name: str, text: str, params: dict[str, str], defaults: dict[str, str],
                     dates: set[str]) -> list[dict[str, Any]]:
    """Flat rows of a named query from a SPARQL backend, with the columns the Cypher file returns."""
    query, anchors = specialise(text, params, defaults, dates)
    if anchors:
        prefixes = "".join(line + "\n" for line in query.splitlines() if line.startswith("PREFIX "))
        values = anchor_values(backend, prefixes, anchors)
        if values is None:
            return []
        query = query.replace("#ANCHORS", values)
    result = backend.query(query.replace("#ANCHORS", ""))
    columns = result.columns
    id_positions = [columns.index(c) for c in ID_COLUMNS[name] if c in columns]
    rows = []
    for values in result.rows:
        row = dict(zip(columns, values))
        for i in id_positions:
            row[columns[i]] = _strip(values[i])
        rows.append(row)
    if name == "attendance":
        for row in rows:  # the attendee is a person's id only where it is a person (it has a person's name)
            attendee = row.pop("attendee")
            row["person_id"] = attendee if row.get("person_name") is not None else None
    sourced = SOURCED[name]
    filtered = any(params[k] != defaults[k] for k in params)
    wanted = sorted({row[col] for row in rows for col, _, _ in sourced if row.get(col)})
    found: dict[str, list[str]] = defaultdict(list)
    if rows:
        batches = [[ID + i for i in wanted[n:n + IRI_BATCH]] for n in range(0, len(wanted), IRI_BATCH)] if filtered else [None]
        for batch in batches:
            for record, source in backend.query(sources_query(batch, [cls for _, _, cls in sourced])).rows:
                found[_strip(record)].append(source)
    for row in rows:
        for col, target, _ in sourced:
            row[target] = found.get(row[col], [])
    return rows
