"""`coalition export`, `coalition plot` and `coalition stats`: the graph for other tools, pictures and numbers.

The lead's cli.py registers these commands on the `coalition` group, whose error handling turns a
CoalitionError into a one-line message and an exit code.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
import tempfile
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import click

from coalition_graph.cli_common import open_store, store_option
from coalition_graph.errors import CoalitionError
from coalition_graph.output import FORMATS, jsonable, render
from coalition_graph.output_path import careful_output, check_output, output_options


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}") from None


def _size(ctx: click.Context, param: click.Parameter, value: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in value.lower().split("x"))
        if width < 100 or height < 100 or width > 10000 or height > 10000:
            raise ValueError
    except ValueError:
        raise click.BadParameter(f"expected WIDTHxHEIGHT in pixels (100 to 10000), got {value!r}") from None
    return width, height


def filter_options(func):
    """--since/--until/--types/--meeting/--country: one subgraph filter for every format and plot."""
    for option in reversed([
        click.option("--since", callback=_date, metavar="DATE", help="Keep what is dated on or after DATE (YYYY-MM-DD)."),
        click.option("--until", callback=_date, metavar="DATE", help="Keep what is dated on or before DATE."),
        click.option("--types", metavar="T1,T2", multiple=True,
                     help="Node labels and/or relationship types to keep (e.g. Person,Meeting,ATTENDED)."),
        click.option("--meeting", metavar="TEXT", help="One meeting (id, or part of its name or city) and what is said about it."),
        click.option("--country", metavar="ISO3", help="One country (or organization) and what is said about it."),
    ]):
        func = option(func)
    return func


def _graph_filter(since, until, types, meeting, country, donor=None):
    from coalition_graph.graph.export import GraphFilter

    return GraphFilter(since=since, until=until, types=tuple(types or ()), meeting=meeting, country=country, donor=donor)


# ---------------------------------------------------------------- export
@click.command()
@click.option("--format", "fmt", required=True,
              type=click.Choice(["graphml", "gexf", "node-link", "jsonld", "turtle", "ntriples", "csv", "cypher", "html"]),
              help="graphml/gexf (Gephi, Cytoscape, yEd), node-link (networkx JSON), jsonld/turtle/ntriples (RDF), "
                   "csv (neo4j-admin import; --out is a directory), cypher (a script that recreates the graph), "
                   "html (one self-contained interactive page).")
@click.option("--out", type=click.Path(path_type=Path), help="Output file (a directory for csv); default: standard output.")
@filter_options
@click.option("--dialect", type=click.Choice(["ladybug", "neo4j"]), default="ladybug", show_default=True,
              help="Schema statements at the top of a cypher script: LadybugDB tables or Neo4j constraints.")
@click.option("--title", default="Coalition Graph", show_default=True, help="Title of the html page.")
@output_options
@store_option
def export(fmt: str, out: Path | None, since, until, types, meeting, country, dialect: str, title: str,
           force: bool, parents: bool, follow_symlinks: bool, store_path: Path) -> None:
    """Export the graph, or the part the filters select, for other tools."""
    from coalition_graph.graph.export import export_graph, filter_graph

    if out is not None:  # before any work: a bad --out is one line, at once
        check_output(out, force=force, parents=parents, follow_symlinks=follow_symlinks, directory=fmt == "csv")
    with open_store(store_path) as store:
        graph = filter_graph(store.networkx(), _graph_filter(since, until, types, meeting, country))
        evidence = store.evidence if fmt == "html" else None
        if out is None:
            if fmt == "csv":
                raise CoalitionError("--format csv writes one file per label and type: give a directory with --out")
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / f"export.{fmt}"
                export_graph(graph, fmt, path, evidence=evidence, dialect=dialect, title=title)
                with open(path, "rb") as fh:
                    shutil.copyfileobj(fh, sys.stdout.buffer)
                sys.stdout.flush()
            return
        with careful_output(out, force=force, parents=parents, follow_symlinks=follow_symlinks,
                            directory=fmt == "csv") as tmp:
            written = export_graph(graph, fmt, tmp, evidence=evidence, dialect=dialect, title=title)
    where = out if fmt != "csv" else f"{out}/ ({len(written)} files)"
    click.echo(f"Wrote {graph.number_of_nodes()} nodes and {graph.number_of_edges()} relationships as {fmt} to {where}",
               err=True)


# ---------------------------------------------------------------- plot
@click.command()
@click.argument("kind", type=click.Choice(["pledges", "attendance", "network"]))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="FILE.png, FILE.svg or FILE.pdf (for a report).")
@click.option("--cumulative/--per-month", default=True, show_default=True, help="pledges: running totals or per month.")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path),
              help="pledges/attendance: also write the data behind the plot as CSV (pledges with original currencies).")
@click.option("--donor", metavar="ISO3", help="pledges/network: one donor (ISO3, id or name).")
@filter_options
@click.option("--size", default="1200x800", show_default=True, callback=_size, help="Image size in pixels, WIDTHxHEIGHT.")
@click.option("--engine", type=click.Choice(["cypher", "sparql"]), default="cypher", show_default=True,
              help="Which embedded engine answers the named queries behind pledges and attendance.")
@click.option("--source", metavar="TEXT",
              help="The source named in the caption (default: how many articles, and the store).")
@output_options
@store_option
def plot(kind: str, out: Path, cumulative: bool, csv_path: Path | None, donor: str | None, since, until, types, meeting,
         country, size: tuple[int, int], engine: str, source: str | None, force: bool, parents: bool, follow_symlinks: bool,
         store_path: Path) -> None:
    """Draw pledges over time, the attendance matrix, or the network (PNG, SVG or PDF, no display needed).

    The caption under the plot names the source and the date range drawn."""
    if out.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise CoalitionError(f"--out {out}: plots are written as .png, .svg or .pdf")
    careful = {"force": force, "parents": parents, "follow_symlinks": follow_symlinks}
    for path in (out, csv_path):
        if path is not None:
            check_output(path, **careful)  # before any work: a bad --out is one line, at once
    with open_store(store_path) as store, careful_output(out, **careful) as image:
        if source is None:
            articles = store.counts()["articles"]
            source = f"{articles} article{'' if articles == 1 else 's'} in Coalition Graph store '{store_path.name}'"
        csv_out = careful_output(csv_path, **careful) if csv_path else nullcontext()
        with csv_out as csv_tmp:
            summary = _draw(store, kind, image, csv_tmp, cumulative, donor, since, until, types, meeting, country,
                            size, engine, source)
    click.echo(f"Wrote {kind} plot ({summary}) to {out}", err=True)


def _draw(store, kind, out, csv_path, cumulative, donor, since, until, types, meeting, country, size, engine, source) -> str:
    from coalition_graph.graph import plots
    from coalition_graph.queries.named import run_named

    if kind == "pledges":
        rows = run_named(store.backend(engine), "pledges", donor=donor or "", since=since, until=until)
        series = plots.plot_pledges(rows, out, cumulative=cumulative, size=size, source=source)
        if csv_path:
            plots.write_pledges_csv(rows, csv_path)
        summary = f"{len(series.per_month)} donors over {len(series.months)} months"
    elif kind == "attendance":
        rows = run_named(store.backend(engine), "attendance", meeting=meeting or "", country=country or "")
        matrix = plots.plot_attendance(rows, out, size=size, source=source)
        if csv_path:
            _write_matrix_csv(matrix, csv_path)
        summary = f"{len(matrix.people)} people × {len(matrix.meetings)} meetings"
    else:
        from coalition_graph.graph.export import filter_graph

        graph = filter_graph(store.networkx(), _graph_filter(since, until, types, meeting, country, donor))
        plots.plot_network(graph, out, size=size, title=_network_title(meeting, country, donor), source=source)
        summary = f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} relationships"
    return summary


def _network_title(meeting: str | None, country: str | None, donor: str | None) -> str:
    parts = [f"meeting {meeting}" if meeting else "", f"country {country}" if country else "", f"donor {donor}" if donor else ""]
    focus = ", ".join(p for p in parts if p)
    return "Coalition Graph" + (f": {focus}" if focus else "")


def _write_matrix_csv(matrix: Any, path: Path) -> None:
    import csv

    names = {2: "attended", 1: "expected", -1: "absent", 0: ""}
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["person_id", "person"] + [f"{start or ''} {name} [{mid}]".strip() for mid, name, start in matrix.meetings])
        for (pid, pname), row in zip(matrix.people, matrix.cells):
            w.writerow([pid, pname] + [names[c] for c in row])


# ---------------------------------------------------------------- stats
@click.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table; json (one object by section); ndjson, csv, tsv (one row a line, with its section).")
@click.option("--top", type=click.IntRange(1), default=10, show_default=True, help="How many rows per ranking.")
@filter_options
@store_option
def stats(fmt: str, top: int, since, until, types, meeting, country, store_path: Path) -> None:
    """Counts by type, who attended most, who pledged most, and the most central leaders."""
    from coalition_graph.graph.analytics import format_stats_table, graph_stats, stats_records
    from coalition_graph.graph.export import filter_graph

    with open_store(store_path) as store:
        graph = filter_graph(store.networkx(), _graph_filter(since, until, types, meeting, country))
        result = graph_stats(graph, top=top)
    if fmt == "json":
        click.echo(json.dumps(jsonable(result), ensure_ascii=False, indent=2))
    elif fmt == "table":
        click.echo(format_stats_table(result), nl=False)
    else:
        click.echo(render(None, stats_records(result), fmt), nl=False)


COMMANDS = (export, plot, stats)
