"""CSV for `neo4j-admin database import full`: one file per node label and per relationship type.

    nodes_Person.csv                 id:ID(Person),:LABEL,name,aliases:string[],wikidata,sources:string[]
    rels_ATTENDED_Person_Meeting.csv :START_ID(Person),:END_ID(Meeting),:TYPE,id,role,status,...
    import.sh                        the neo4j-admin command line that loads them

Each label is its own ID space (`id:ID(Person)`), so a relationship file names the labels of
its ends; a relationship type whose ends have several labels (ATTENDED from Person, Country or
Organization) is written as one file per pair of end labels. Arrays use `;` (neo4j-admin's
default array delimiter); dates are `:date`, amounts `:double`, offsets `:long`; an empty
field is a missing property.
"""
from __future__ import annotations

import csv
import datetime as dt
import shlex
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx

from coalition_graph.errors import CoalitionError
from coalition_graph.graph.export import typed
from coalition_graph.graph.export.style import display_name

# Labels whose nodes have neither `name` nor `title`: they get a `caption` property, which Neo4j Browser and
# Bloom show on the node (what was pledged, the start of what was said)
CAPTIONED = {"Pledge", "Statement"}
CAPTION = "caption"

ARRAY_DELIMITER = ";"
NEO4J_TYPES = {typed.STRING: "", typed.DOUBLE: ":double", typed.INT64: ":long", typed.BOOLEAN: ":boolean",
               typed.DATE: ":date", typed.STRING_LIST: ":string[]"}
_FROM_NEO4J = {v.lstrip(":"): k for k, v in NEO4J_TYPES.items() if v}
_FROM_NEO4J.update({"int": typed.INT64, "float": typed.DOUBLE, "string": typed.STRING})


class ExportError(CoalitionError):
    """The graph holds something the target format cannot carry."""


def _cell(value: Any, typ: str) -> str:
    if value is None:
        return ""
    if typ == typed.STRING_LIST:
        items = [str(v) for v in value]
        bad = [v for v in items if ARRAY_DELIMITER in v]
        if bad:
            raise ExportError(f"cannot write a list item containing {ARRAY_DELIMITER!r} to neo4j-admin CSV: {bad[0]!r}")
        return ARRAY_DELIMITER.join(items)
    if typ == typed.DATE:
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if typ == typed.BOOLEAN:
        return "true" if value else "false"
    if typ == typed.DOUBLE:
        return repr(float(value))
    return str(value)


def write_neo4j_csv(graph: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """Write the CSV files and import.sh into `out_dir` (created); returns the paths written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    by_label: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for node, data in graph.nodes(data=True):
        by_label[data["label"]].append((node, data))
    node_files: list[tuple[str, str]] = []
    for label, items in sorted(by_label.items()):
        cols = typed.columns_for((d for _, d in items), typed.node_types(label), skip=("id", "label"))
        if label in CAPTIONED:  # a caption for Browser and Bloom where the node has no name or title
            cols[CAPTION] = typed.STRING
        path = out_dir / f"nodes_{label}.csv"
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow([f"id:ID({label})", ":LABEL"] + [f"{c}{NEO4J_TYPES[t]}" for c, t in cols.items()])
            for node, data in sorted(items, key=lambda item: item[0]):
                shown = {**data, CAPTION: display_name(node, data)} if label in CAPTIONED else data
                w.writerow([node, label] + [_cell(shown.get(c), t) for c, t in cols.items()])
        written.append(path)
        node_files.append((label, path.name))
    by_rel: dict[tuple[str, str, str], list[tuple[str, str, str, dict]]] = defaultdict(list)
    for u, v, key, data in graph.edges(keys=True, data=True):
        by_rel[(data["type"], graph.nodes[u]["label"], graph.nodes[v]["label"])].append((u, v, key, data))
    rel_files: list[tuple[str, str]] = []
    for (rel, src, dst), items in sorted(by_rel.items()):
        cols = typed.columns_for((d for *_, d in items), typed.edge_types(rel), skip=("id", "type"))
        path = out_dir / f"rels_{rel}_{src}_{dst}.csv"
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow([f":START_ID({src})", f":END_ID({dst})", ":TYPE", "id"]
                       + [f"{c}{NEO4J_TYPES[t]}" for c, t in cols.items()])
            for u, v, key, data in sorted(items, key=lambda item: item[2]):
                w.writerow([u, v, rel, key] + [_cell(data.get(c), t) for c, t in cols.items()])
        written.append(path)
        rel_files.append((rel, path.name))
    constraints = out_dir / "constraints.cypher"
    constraints.write_text("".join(
        f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE;\n"
        for label, _ in node_files), encoding="utf-8")
    written.append(constraints)
    script = out_dir / "import.sh"
    script.write_text(_import_script(node_files, rel_files), encoding="utf-8")
    script.chmod(0o755)
    written.append(script)
    return written


def _import_script(node_files: list[tuple[str, str]], rel_files: list[tuple[str, str]]) -> str:
    args = [f"--nodes={label}={name}" for label, name in node_files]
    args += [f"--relationships={rel}={name}" for rel, name in rel_files]
    lines = " \\\n    ".join(shlex.quote(a) for a in args)
    return (
        "#!/bin/sh\n"
        "# Load these CSV files into a Neo4j database, then give it a uniqueness constraint on id per label\n"
        "# (constraints.cypher: the MERGE key of `coalition push`).\n"
        "#\n"
        "# Usage: NEO4J_PASSWORD=... ./import.sh [DATABASE]        (default database: neo4j)\n"
        "#   1. neo4j-admin database import full writes the database offline (stop Neo4j first; an existing\n"
        "#      database of that name is overwritten).\n"
        "#   2. With NEO4J_PASSWORD set, import.sh starts Neo4j (`neo4j start`, unless `neo4j status` says it\n"
        "#      runs; NEO4J_START=no if you start it yourself), waits for it to answer (NEO4J_WAIT, 120 s) and\n"
        "#      runs constraints.cypher with cypher-shell (user NEO4J_USER, default neo4j; NEO4J_ADDRESS if not local).\n"
        "#      A Neo4j that was never started needs its password first: neo4j-admin dbms set-initial-password.\n"
        "#   Without NEO4J_PASSWORD it stops after step 1 and says what to run once Neo4j is up.\n"
        'cd "$(dirname "$0")" || exit 1\n'
        'db="${1:-neo4j}"\n'
        'neo4j-admin database import full "$db" --overwrite-destination=true \\\n'
        f"    --array-delimiter='{ARRAY_DELIMITER}' --multiline-fields=true \\\n"
        f"    {lines} || exit 1\n"
        'later="start Neo4j, then run: cypher-shell -d $db -f constraints.cypher"\n'
        'if [ -z "${NEO4J_PASSWORD:-}" ]; then\n'
        '    echo "imported; the uniqueness constraints need a running Neo4j: $later" >&2\n'
        "    exit 0\n"
        "fi\n"
        'if ! command -v cypher-shell >/dev/null 2>&1; then\n'
        '    echo "import.sh: cypher-shell is not on PATH; $later" >&2\n'
        "    exit 1\n"
        "fi\n"
        'if [ "${NEO4J_START:-yes}" != no ] && ! neo4j status >/dev/null 2>&1; then\n'
        '    neo4j start || { echo "import.sh: neo4j start failed; $later" >&2; exit 1; }\n'
        "fi\n"
        'shell() { cypher-shell -d "$db" -u "${NEO4J_USER:-neo4j}" -p "$NEO4J_PASSWORD" "$@"; }\n'
        "waited=0\n"
        "until shell 'RETURN 1' >/dev/null 2>&1; do\n"
        '    waited=$((waited + 1))\n'
        '    if [ "$waited" -ge "${NEO4J_WAIT:-120}" ]; then\n'
        '        echo "import.sh: Neo4j did not answer within ${NEO4J_WAIT:-120} s; $later" >&2\n'
        "        exit 1\n"
        "    fi\n"
        "    sleep 1\n"
        "done\n"
        'shell -f constraints.cypher || { echo "import.sh: the constraints failed; $later" >&2; exit 1; }\n'
        'echo "uniqueness constraints on id created in $db"\n'
    )


def _parse_header(header: list[str]) -> list[tuple[str, str]]:
    """[(name, schema type)] with name ':START_ID' etc. for the special columns."""
    cols = []
    for field in header:
        if field.startswith(":") or ":ID(" in field or field.endswith(":ID"):
            cols.append((field.split("(")[0], "special"))
            continue
        name, _, kind = field.partition(":")
        cols.append((name, _FROM_NEO4J.get(kind, typed.STRING) if kind else typed.STRING))
    return cols


def _value(text: str, typ: str) -> Any:
    if typ == typed.STRING_LIST:  # an empty cell is an empty list: neo4j-admin cannot tell them apart
        return text.split(ARRAY_DELIMITER) if text else []
    if text == "":
        return None
    return typed.from_text(text, typ)


def read_neo4j_csv(out_dir: Path) -> nx.MultiDiGraph:
    """Read back a directory written by `write_neo4j_csv` (for round-trip tests and notebooks)."""
    out_dir = Path(out_dir)
    graph = nx.MultiDiGraph()
    for path in sorted(out_dir.glob("nodes_*.csv")):
        with open(path, newline="", encoding="utf-8") as fh:
            rows = csv.reader(fh)
            cols = _parse_header(next(rows))
            for row in rows:
                node_id, label = row[0], row[1]
                props = {n: _value(cell, t) for (n, t), cell in zip(cols[2:], row[2:])}
                if label in CAPTIONED:
                    props.pop(CAPTION, None)  # presentation only, made from the other properties
                graph.add_node(node_id, label=label, **{k: v for k, v in props.items() if v is not None})
    for path in sorted(out_dir.glob("rels_*.csv")):
        with open(path, newline="", encoding="utf-8") as fh:
            rows = csv.reader(fh)
            cols = _parse_header(next(rows))
            for row in rows:
                src, dst, rel, key = row[0], row[1], row[2], row[3]
                props = {n: _value(cell, t) for (n, t), cell in zip(cols[4:], row[4:])}
                graph.add_edge(src, dst, key=key, type=rel, **{k: v for k, v in props.items() if v is not None})
    return graph
