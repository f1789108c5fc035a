"""The `coalition` command: thin click commands over the library.

Each command parses its options, calls one library function, and turns the
product's errors (CoalitionError) into one line on stderr and an exit code.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import click

from coalition_graph import __version__
from coalition_graph.cli_backends import backend_from_options, neo4j_options, neo4j_sink_from_options, server_options
from coalition_graph.cli_common import open_store, store_option
from coalition_graph.errors import CoalitionError, ExitStatus, InputError
from coalition_graph.output import FORMATS, parse_columns, render, select

format_option = click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                             help="table (fits the terminal), json, ndjson (one object a line), csv or tsv.")


def rows_options(func: Any) -> Any:
    """--columns/--sort/--limit: which fields, in which order, how many rows (every format)."""
    for option in reversed([
        click.option("--columns", metavar="F1,F2", help="The fields to show, by their JSON names "
                     "(e.g. announced,donor.name,amount_eur); default: a table's usual columns, every field otherwise."),
        click.option("--sort", "sort_by", metavar="FIELD", help="Sort by a field; -FIELD for descending (empty values last)."),
        click.option("--limit", type=click.IntRange(0), help="At most this many rows."),
    ]):
        func = option(func)
    return func
engine_option = click.option("--engine", type=click.Choice(["cypher", "sparql"]), default="cypher", show_default=True,
                             help="Which embedded engine answers the named query.")


class CoalitionGroup(click.Group):
    """Turns domain errors into a one-line message and the exit code of their kind, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CoalitionError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(int(exc.exit_status))
        except KeyboardInterrupt:
            click.echo("Interrupted: what was committed before stays in the store.", err=True)
            ctx.exit(int(ExitStatus.INTERRUPTED))


@click.group(cls=CoalitionGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="coalition")
def cli() -> None:
    """Coalition Graph: news articles about coalitions of states in, a queryable knowledge graph out."""


# ---------------------------------------------------------------- ingest
spacy_model_option = click.option(
    "--spacy-model", envvar="COALITION_SPACY_MODEL", metavar="PATH|NAME",
    help="The spaCy English pipeline under extraction: a directory or an installed package name "
         "(default: the pinned en_core_web_sm 3.8.0; also $COALITION_SPACY_MODEL).")


def use_spacy_model(model: str | None) -> None:
    """Select the pipeline and load it now, so a bad one is one line before any article is read."""
    from coalition_graph.loaders.extract import analysis

    analysis.select_model(model)
    analysis.load_pipeline()


def prepare_workers() -> None:
    """Fork the extraction workers before the store is opened, so they hold none of its files (and read
    the time limit now: a bad value is one line before the store is created)."""
    from coalition_graph.loaders.extract import parallel, time_limit

    time_limit.article_seconds()
    parallel.prepare()


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@store_option
@click.option("--strict", is_flag=True, help="Stop at the first input that is not an article.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when stderr is a terminal).")
@click.option("--batch-size", type=click.IntRange(1), default=100, show_default=True,
              help="Articles committed together (a crash loses at most the batch under way).")
@spacy_model_option
@neo4j_options
def ingest(inputs: tuple[str, ...], store_path: Path, strict: bool, progress: bool | None, batch_size: int,
           spacy_model: str | None, **neo4j: Any) -> None:
    """Read articles (files, folders, or - for stdin: JSONL, JSON, HTML, Markdown, text) into the store.

    With --neo4j URI each committed batch is written to that Neo4j server as well.
    """
    use_spacy_model(spacy_model)
    prepare_workers()
    sink = neo4j_sink_from_options(**neo4j)
    try:
        with open_store(store_path, create=True) as store:
            report = store.ingest(inputs, strict=strict, progress=progress, batch_size=batch_size,
                                  sinks=[sink[0]] if sink else ())
    finally:
        if sink:
            sink[1].close()
    for warning in report.warnings:
        click.echo(f"Warning: {warning}", err=True)
    for problem in report.problems:
        click.echo(f"Skipped {problem}", err=True)
    for duplicate in report.duplicates:
        click.echo(f"Duplicate: {duplicate}", err=True)
    click.echo(report.summary(), err=True)
    if report.problems:
        sys.exit(int(ExitStatus.BAD_INPUT))


# ---------------------------------------------------------------- queries
@cli.command()
@click.option("--cypher", "cypher_text", help="A Cypher query for the embedded graph database.")
@click.option("--sparql", "sparql_text", help="A SPARQL query for the embedded RDF store.")
@click.option("--file", "query_file", metavar="FILE|-",
              help="Read the query from a file (.cypher/.cql: Cypher; .rq/.sparql: SPARQL) or - for stdin.")
@click.option("--language", type=click.Choice(["cypher", "sparql"]),
              help="The language of --file when its name does not say (default: from its first keyword).")
@click.option("--param", "param_items", multiple=True, metavar="NAME=VALUE",
              help="A parameter: $NAME in Cypher, ?NAME in SPARQL. Typed: 42, 2.5, true, 2025-03-27, "
                   "[\"FRA\",\"DEU\"]; anything else is a string. Repeat for more.")
@store_option
@format_option
@rows_options
@server_options
def query(cypher_text: str | None, sparql_text: str | None, query_file: str | None, language: str | None,
          param_items: tuple[str, ...], store_path: Path, fmt: str, columns: str | None, sort_by: str | None,
          limit: int | None, **server: Any) -> None:
    """Run your own Cypher or SPARQL query (on the store, or on Neo4j / a SPARQL server)."""
    from coalition_graph.queries.params import language_of, parse_params, prepare

    if query_file is not None:
        if cypher_text or sparql_text:
            raise click.UsageError("give exactly one of --cypher, --sparql or --file")
        text = _read_query(query_file)
        if language_of(query_file, text, language) == "cypher":
            cypher_text = text
        else:
            sparql_text = text
    if bool(cypher_text) == bool(sparql_text):
        raise click.UsageError("give exactly one of --cypher, --sparql or --file")
    language = "cypher" if cypher_text else "sparql"
    text, params = prepare(cypher_text or sparql_text, language, parse_params(param_items))
    from coalition_graph.queries.guard import run_user_query

    with _backend(server, store_path, language, server_language=language) as backend:
        result = run_user_query(backend, text, params)
    records = select([dict(zip(result.columns, row)) for row in result.rows], sort=sort_by, limit=limit)
    rows = [[r[c] for c in result.columns] for r in records]
    click.echo(render(result.columns, rows, fmt, show=parse_columns(columns)), nl=False)


def _read_query(query_file: str) -> str:
    try:
        if query_file == "-":
            return sys.stdin.read()
        return Path(query_file).read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError) as exc:
        raise InputError(f"cannot read the query: {getattr(exc, 'strerror', None) or exc}", path=query_file) from None


@contextmanager
def _backend(server: dict[str, Any], store_path: Path, engine: str, server_language: str | None = None) -> Iterator[Any]:
    """The server the options name, else the store's embedded engine; closed afterwards."""
    backend = backend_from_options(**server, language=server_language)
    if backend is not None:
        try:
            yield backend
        finally:
            backend.close()
    else:
        with open_store(store_path) as store:
            yield store.backend(engine)


def _named(name: str, store_path: Path, engine: str, fmt: str, server: dict[str, Any], columns: str | None = None,
           sort_by: str | None = None, limit: int | None = None, **filters: Any) -> None:
    from coalition_graph.queries.lookup import run_resolved

    with _backend(server, store_path, engine) as backend:
        rows = run_resolved(backend, name, warn=lambda line: click.echo(line, err=True), **filters)
        precision = _meeting_precisions(backend, rows) if fmt == "table" and name == "attendance" else None
    # the rows come in the contract's order (meetings by date, then id) in every format; --sort changes it
    rows = select(rows, sort=sort_by, limit=limit)
    click.echo(render(None, rows, fmt, named=name, show=parse_columns(columns), date_precision=precision), nl=False)


def _meeting_precisions(backend: Any, rows: list[dict[str, Any]]) -> dict[str, str]:
    """Meeting id → date precision, so an attendance table writes a month-precision meeting as 2025-03."""
    from coalition_graph.queries import run_named

    if not rows:
        return {}
    return {m["id"]: m.get("date_precision") or "day" for m in run_named(backend, "meetings")}


@cli.command()
@store_option
@format_option
@engine_option
@rows_options
@server_options
def meetings(store_path: Path, fmt: str, engine: str, columns: str | None, sort_by: str | None, limit: int | None,
             **server: Any) -> None:
    """Every meeting: summits, ministerials, contact groups, video calls, conferences, bilaterals."""
    _named("meetings", store_path, engine, fmt, server, columns, sort_by, limit)


@cli.command()
@click.option("--meeting", help="Part of the meeting's name, its city, or its id.")
@click.option("--person", help="Part of a person's name, or an id.")
@click.option("--country", help="ISO 3166 alpha-3 code of the country represented, e.g. FRA.")
@store_option
@format_option
@engine_option
@rows_options
@server_options
def attendance(meeting: str | None, person: str | None, country: str | None, store_path: Path, fmt: str, engine: str,
               columns: str | None, sort_by: str | None, limit: int | None, **server: Any) -> None:
    """Which leaders, countries and organizations attended which meeting."""
    _named("attendance", store_path, engine, fmt, server, columns, sort_by, limit,
           meeting=meeting, person=person, country=country)


@cli.command()
@click.option("--donor", help="Donor: ISO3 code, id, or part of a name.")
@click.option("--since", help="Announced on or after this date (YYYY-MM-DD, or YYYY-MM, YYYY).")
@click.option("--until", help="Announced on or before this date (YYYY-MM-DD, or YYYY-MM, YYYY).")
@store_option
@format_option
@engine_option
@rows_options
@server_options
def pledges(donor: str | None, since: str | None, until: str | None, store_path: Path, fmt: str, engine: str,
            columns: str | None, sort_by: str | None, limit: int | None, **server: Any) -> None:
    """Pledges over time: who pledged what to whom, when, in the original currency and in euros."""
    _named("pledges", store_path, engine, fmt, server, columns, sort_by, limit, donor=donor, since=since, until=until)


@cli.command()
@click.option("--speaker", help="Part of the speaker's name, or an id.")
@store_option
@format_option
@engine_option
@rows_options
@server_options
def statements(speaker: str | None, store_path: Path, fmt: str, engine: str, columns: str | None,
               sort_by: str | None, limit: int | None, **server: Any) -> None:
    """Who said what: direct quotes and reported speech."""
    _named("statements", store_path, engine, fmt, server, columns, sort_by, limit, speaker=speaker)


# ---------------------------------------------------------------- provenance and maintenance
@cli.command()
@click.argument("fact_id")
@store_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def explain(fact_id: str, store_path: Path, fmt: str) -> None:
    """Show the sentences, articles and rules behind a node or relationship id."""
    from coalition_graph.explain import render_explanation

    with open_store(store_path) as store:
        explanation = store.explain(fact_id)
    click.echo(render_explanation(explanation, fmt))


@cli.command()
@store_option
@click.option("--reextract", is_flag=True, help="Also run extraction again over every stored article.")
@spacy_model_option
def reindex(store_path: Path, reextract: bool, spacy_model: str | None) -> None:
    """Rebuild the query engines' views from the store's source of truth."""
    if reextract:
        use_spacy_model(spacy_model)
    with open_store(store_path) as store:
        if reextract:
            report = store.reextract()
            click.echo(report.summary(), err=True)
        done = store.reindex()
        counts = store.counts()
    nodes = sum(v for k, v in counts.items() if k[0].isupper() and not k.isupper())
    rels = sum(v for k, v in counts.items() if k.isupper())
    click.echo(f"Rebuilt {', '.join(done)} views at generation {max(done.values())}: {nodes} nodes, {rels} relationships", err=True)


def _register_commands() -> None:
    from coalition_graph.cli_backends import push
    from coalition_graph.cli_views import export, plot, stats

    for command in (export, plot, stats, push):
        cli.add_command(command)


_register_commands()


def main() -> None:
    cli(prog_name="coalition")


if __name__ == "__main__":
    main()
