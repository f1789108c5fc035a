"""Named queries on SPARQL backends, shaped for speed: the filters written into the query, then the sources.

First the filters with an `#anchor` (the person, the meeting, the donor, the speaker) find the things
they match, with a small query each (over the names of the class they must be, compared by `sameTerm`
with an id). Then the .rq file runs with only the lines its filters need (`#if NAME` / `#unless NAME` at
the end of a line), the filter values written in as literals and the things found as VALUES where it says
#ANCHORS, so the join starts from them and no filter waits behind an OPTIONAL (a filter inside the main
query made Oxigraph join every attendance first). After an anchor the rows are few: the main query looks
up each OPTIONAL row by row and returns no sources; a last query fetches the sources of the rows
returned (`VALUES` of their IRIs), as it does after a filter without an anchor (a country, dates).
Without any filter the rows are every record of the class: each OPTIONAL of one pattern becomes a
subquery joined by hash (`hash_optionals`), and the sources of each record come in the same query,
grouped by record in a subquery (`with_sources`), so no row is repeated a source. Any SPARQL 1.1
endpoint runs every step.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from coalition_graph.graph.backends.base import Backend

ID = "https://w3id.org/coalition-graph/id/"
CG = "https://w3id.org/coalition-graph/ontology#"
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
IRI_BATCH = 2000  # IRIs in one VALUES block of the sources query
IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')  # what an IRI cannot hold unescaped
NO_RECORD = "urn:x-coalition-graph:no-record"  # an IRI no record of ours has (ours all start with ID)
ONE_PATTERN_OPTIONAL = re.compile(r"OPTIONAL \{ (?P<s>\?\w+) (?P<p>[^\s?{}]+) (?P<o>\?\w+) \}")

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


def id_iri(value: str) -> str:
    """The IRI a record of this id has, written for a query (`sameTerm(?x, <…>)` compares stored terms; `STR(?x) =`
    made the engine spell out every IRI it scanned). A value no IRI can spell (a space, a quote) is no record's
    id: it becomes an IRI that no record has."""
    return f"<{ID}{value}>" if value and not IRI_UNSAFE.search(value) else f"<{NO_RECORD}>"


def _write_in(text: str, params: dict[str, str], dates: set[str]) -> str:
    for name in sorted(params, key=len, reverse=True):  # ?_since before ?_s…: longest first
        value = params[name]
        literal = f"{sparql_string(value)}^^<{XSD_DATE}>" if name in dates else sparql_string(value)
        # SPARQL's LCASE/UCASE of a constant, done here: the engine then matches a constant, not an expression
        text = (text.replace(f"?_{name}_iri", id_iri(value)).replace(f"?_{name}_lower", sparql_string(value.lower()))
                .replace(f"?_{name}_upper", sparql_string(value.upper())).replace(f"?_{name}", literal))
    return text


def hash_optionals(text: str) -> str:
    """Each `OPTIONAL { ?s p ?o }` of one triple pattern as `OPTIONAL { SELECT ?s ?o WHERE { ?s p ?o } }`: the
    same solutions (a subquery of one pattern, projected on both its variables), but evaluated once and
    joined by hash, where Oxigraph otherwise looks the pattern up again for every row (for every meeting of
    the unfiltered list, seven look-ups a row). For queries without a filter only: after one the rows may
    be few, and the look-ups cheaper than reading the whole property."""
    return ONE_PATTERN_OPTIONAL.sub(lambda m: f"OPTIONAL {{ SELECT {m['s']} {m['o']} WHERE {{ {m['s']} {m['p']} {m['o']} }} }}", text)


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


def sources_query(iris: list[str]) -> str:
    """The sources of these records (IRIs)."""
    values = " ".join(f"<{iri}>" for iri in iris)
    return f"SELECT ?s ?source WHERE {{ VALUES ?s {{ {values} }} ?s <{CG}source> ?source }}"


def with_sources(query: str, sourced: tuple[tuple[str, str, str], ...]) -> str:
    """The query with the sources of its records as one more column each (tab-separated), for queries without a
    filter: one subquery a class, grouped by record and joined by hash, so no row is repeated a source and no
    record's IRI is read twice (a second query gave every source with its record's IRI again)."""
    head, brace, tail = query.rpartition("}")
    subqueries = "".join(
        f'\n  OPTIONAL {{ SELECT ?{col} (GROUP_CONCAT(?source{k}; separator="\\t") AS ?{target}) '
        f"WHERE {{ ?{col} a <{CG}{cls}> ; <{CG}source> ?source{k} }} GROUP BY ?{col} }}"
        for k, (col, target, cls) in enumerate(sourced))
    head = head.replace("SELECT DISTINCT ", f"SELECT DISTINCT {' '.join(f'?{target}' for _, target, _ in sourced)} ", 1)
    return f"{head}{subqueries}\n{brace}{tail}"


def run_sparql_named(backend: Backend, name: str, text: str, params: dict[str, str], defaults: dict[str, str],
                     dates: set[str]) -> list[dict[str, Any]]:
    """Flat rows of a named query from a SPARQL backend, with the columns the Cypher file returns."""
    query, anchors = specialise(text, params, defaults, dates)
    everything = all(params[k] == defaults[k] for k in params)  # no filter: every record of the query's class
    if anchors:
        prefixes = "".join(line + "\n" for line in query.splitlines() if line.startswith("PREFIX "))
        values = anchor_values(backend, prefixes, anchors)
        if values is None:
            return []
        query = query.replace("#ANCHORS", values)
    elif everything:
        query = with_sources(hash_optionals(query), SOURCED[name])
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
    if everything:  # the sources came with the rows (with_sources), tab-separated
        for row in rows:
            for _, target, _ in SOURCED[name]:
                row[target] = row[target].split("\t") if row.get(target) else []
        return rows
    sourced = SOURCED[name]
    wanted = sorted({row[col] for row in rows for col, _, _ in sourced if row.get(col)})
    found: dict[str, list[str]] = defaultdict(list)
    for n in range(0, len(wanted), IRI_BATCH):
        for record, source in backend.query(sources_query([ID + i for i in wanted[n:n + IRI_BATCH]])).rows:
            found[_strip(record)].append(source)
    for row in rows:
        for col, target, _ in sourced:
            row[target] = found.get(row[col], [])
    return rows
