"""Server backends on the command line: `coalition push`, and the options that send queries to a server.

- `push`: write a store's graph to Neo4j and/or a SPARQL server (idempotent).
- `neo4j_options` / `sparql_options`: decorators adding --neo4j/--user/--password/--database and
  --sparql-endpoint/--graph to a command; `backend_from_options(**those)` turns them into a Backend
  (or None: use the embedded store), so named queries and `coalition query` run on the server.
- `neo4j_sink_from_options(...)`: for `coalition ingest --neo4j URI`: an ingest sink writing each
  committed batch to Neo4j as well.

Credentials come from the options or the environment: NEO4J_URI (push only), NEO4J_USER, NEO4J_PASSWORD,
NEO4J_DATABASE; SPARQL_USER and SPARQL_PASSWORD for a SPARQL server behind HTTP basic auth.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

import click

from coalition_graph.cli_common import open_store, store_option
from coalition_graph.graph.backends.base import Backend

DEFAULT_GRAPH_HELP = "https://w3id.org/coalition-graph/graph"


def _compose(*decorators: Callable) -> Callable:
    def apply(func: Callable) -> Callable:
        for decorator in reversed(decorators):
            func = decorator(func)
        return func
    return apply


def neo4j_options(func: Callable | None = None, *, uri_envvar: str | None = None) -> Callable:
    """--neo4j URI --user U --password P --database D (user/password/database also from NEO4J_*)."""
    decorator = _compose(
        click.option("--neo4j", "neo4j", metavar="URI", envvar=uri_envvar,
                     help="A Neo4j server, e.g. bolt://localhost:7687 or neo4j+s://xxxx.databases.neo4j.io"
                          + (f" (env {uri_envvar})." if uri_envvar else ".")),
        click.option("--user", "neo4j_user", envvar="NEO4J_USER", default="neo4j", show_default=True,
                     help="Neo4j user (env NEO4J_USER)."),
        click.option("--password", "neo4j_password", envvar="NEO4J_PASSWORD",
                     help="Neo4j password (env NEO4J_PASSWORD; prefer the variable: options show in `ps`)."),
        click.option("--database", "neo4j_database", envvar="NEO4J_DATABASE",
                     help="Neo4j database (env NEO4J_DATABASE; default: the server's default database)."),
    )
    return decorator if func is None else decorator(func)


def sparql_options(func: Callable) -> Callable:
    """--sparql-endpoint URL --graph IRI."""
    return _compose(
        click.option("--sparql-endpoint", "sparql_endpoint", metavar="URL",
                     help="A SPARQL 1.1 query endpoint, e.g. http://localhost:3030/ds/sparql."),
        click.option("--graph", "sparql_graph", metavar="IRI", default=None,
                     help=f"The named graph holding the data on the SPARQL server (default {DEFAULT_GRAPH_HELP}; "
                          "'default' for the server's default graph)."),
    )(func)


def server_options(func: Callable) -> Callable:
    """Both: for commands that query (named queries, `coalition query`)."""
    return neo4j_options(sparql_options(func))


def backend_from_options(neo4j: str | None = None, neo4j_user: str | None = None, neo4j_password: str | None = None,
                         neo4j_database: str | None = None, sparql_endpoint: str | None = None,
                         sparql_graph: str | None = None, language: str | None = None, **_other: Any) -> Backend | None:
    """The server backend the options name, or None when they name none (then use the embedded store).

    `language` None: whichever server was given (named queries). "cypher"/"sparql": a server of that
    language (`coalition query --cypher/--sparql`); naming only a server of the other language is an error.
    """
    if neo4j and sparql_endpoint and language is None:
        raise click.UsageError("give --neo4j or --sparql-endpoint, not both (or choose with --engine)")
    if language in (None, "cypher") and neo4j:
        from coalition_graph.graph.backends.neo4j import Neo4jBackend

        return Neo4jBackend(neo4j, neo4j_user, neo4j_password, neo4j_database or None)
    if language in (None, "sparql") and sparql_endpoint:
        from coalition_graph.graph.backends.sparql_remote import DEFAULT_GRAPH, SparqlRemoteBackend

        return SparqlRemoteBackend(sparql_endpoint, sparql_graph or DEFAULT_GRAPH,
                                   user=os.environ.get("SPARQL_USER"), password=os.environ.get("SPARQL_PASSWORD"))
    if language == "cypher" and sparql_endpoint:
        raise click.UsageError("a Cypher query runs on Neo4j (--neo4j) or the embedded store, not on a SPARQL endpoint")
    if language == "sparql" and neo4j:
        raise click.UsageError("a SPARQL query runs on a SPARQL endpoint (--sparql-endpoint) or the embedded store, not on Neo4j")
    return None


def neo4j_sink_from_options(neo4j: str | None = None, neo4j_user: str | None = None, neo4j_password: str | None = None,
                            neo4j_database: str | None = None, batch_size: int | None = None, **_other: Any):
    """For `coalition ingest --neo4j URI`: (sink, backend) — pass `sinks=[sink]` to store.ingest and close
    the backend afterwards — or None without --neo4j. Connects (and fails) before anything is ingested."""
    if not neo4j:
        return None
    from coalition_graph.graph.backends.neo4j import DEFAULT_BATCH, Neo4jBackend, Neo4jSink

    backend = Neo4jBackend(neo4j, neo4j_user, neo4j_password, neo4j_database or None)
    backend.driver()  # unreachable, wrong password, no such database: say so now, not after extraction
    return Neo4jSink(backend, batch_size or DEFAULT_BATCH), backend


@click.command()
@store_option
@neo4j_options(uri_envvar="NEO4J_URI")
@click.option("--batch-size", type=click.IntRange(1), default=5000, show_default=True,
              help="Neo4j: rows per transaction.")
@click.option("--prune", is_flag=True,
              help="Neo4j: also delete nodes and relationships of the graph's labels that the store no longer has.")
@click.option("--sparql-endpoint", "sparql_endpoint", metavar="URL",
              help="A SPARQL server to push to: its update endpoint (SPARQL Update), or use --gsp.")
@click.option("--gsp", "sparql_gsp", metavar="URL",
              help="The server's Graph Store Protocol endpoint (bulk upload), e.g. http://localhost:3030/ds/data.")
@click.option("--graph", "sparql_graph", metavar="IRI", default=None,
              help=f"The named graph to replace (default {DEFAULT_GRAPH_HELP}; 'default' for the default graph).")
def push(store_path: Path, neo4j: str | None, neo4j_user: str, neo4j_password: str | None, neo4j_database: str | None,
         batch_size: int, prune: bool, sparql_endpoint: str | None, sparql_gsp: str | None, sparql_graph: str | None) -> None:
    """Write the store's graph to a Neo4j server and/or a SPARQL server; running it again changes nothing."""
    if not neo4j and not sparql_endpoint and not sparql_gsp:
        raise click.UsageError("give --neo4j URI (or env NEO4J_URI) and/or --sparql-endpoint URL / --gsp URL")
    with open_store(store_path) as store:
        if neo4j:
            from coalition_graph.graph.backends.neo4j import push_to_neo4j

            report = push_to_neo4j(store, neo4j, neo4j_user, neo4j_password, neo4j_database or None,
                                   batch_size=batch_size, prune=prune)
            click.echo(report.summary(), err=True)
        if sparql_endpoint or sparql_gsp:
            from coalition_graph.graph.backends.sparql_remote import DEFAULT_GRAPH, SparqlRemoteBackend

            backend = SparqlRemoteBackend(sparql_endpoint or sparql_gsp, sparql_graph or DEFAULT_GRAPH,
                                          update_endpoint=sparql_endpoint, gsp_endpoint=sparql_gsp,
                                          user=os.environ.get("SPARQL_USER"), password=os.environ.get("SPARQL_PASSWORD"))
            from coalition_graph.graph.backends.sparql_remote import push_to_sparql

            report = push_to_sparql(store, backend=backend)  # the data and the ontology, as the embedded view
            click.echo(report.summary(), err=True)


__all__ = ["push", "neo4j_options", "sparql_options", "server_options", "backend_from_options",
           "neo4j_sink_from_options"]
