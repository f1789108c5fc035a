"""Queries read the graph and nothing else: no writes, no files, no network, one statement.

The embedded views change only by ingesting articles (the source of truth is SQLite), so a query
that writes would make them disagree with it; a query that reads or writes files, or fetches a URL,
reaches outside the graph. Both are refused before the embedded engine sees them, with one line naming
what was refused. The check reads the query's own words: string literals, IRIs, quoted names and
comments are blanked first, so `WHERE m.name = "Set up"` or `<https://e.org/load>` pass.

On a Neo4j server or a SPARQL endpoint the same check guards the user's queries only (`coalition query`,
`api.query`, through `run_user_query`), not the backends' own `query`: the push, the ingest sink and
the tests write and clear a server through it. On Neo4j a user's query also runs in a READ transaction,
so the server refuses whatever write the check might miss.
"""
from __future__ import annotations

import re
from typing import Any

from coalition_graph.errors import QueryError
from coalition_graph.graph.backends.base import Backend, QueryResult

# Cypher clauses (Neo4j, LadybugDB) that write, change the schema or the session, or reach files.
# (INSERT is Neo4j's GQL spelling of CREATE; TERMINATE ends others' transactions even in a READ one.)
CYPHER_REFUSED = {
    "CREATE": "writes", "INSERT": "writes", "MERGE": "writes", "SET": "writes", "DELETE": "writes",
    "DETACH": "writes", "REMOVE": "writes", "FOREACH": "writes", "DROP": "changes the schema", "ALTER": "changes the schema",
    "COPY": "reads or writes files", "LOAD": "reads files", "EXPORT": "writes files", "IMPORT": "reads files",
    "INSTALL": "loads extensions", "ATTACH": "opens other databases", "USE": "switches databases",
    "BEGIN": "controls transactions", "COMMIT": "controls transactions", "ROLLBACK": "controls transactions",
    "CHECKPOINT": "controls the database", "TERMINATE": "ends other transactions",
    "CALL": "runs procedures (which can write or read files)",
}

# SPARQL: updates, and what makes the engine fetch a URL (SERVICE, FROM in rdflib, LOAD).
SPARQL_REFUSED = {
    "SERVICE": "sends a request to another server", "FROM": "loads a graph from a URL", "LOAD": "loads a URL",
    "INSERT": "writes", "DELETE": "writes", "CLEAR": "writes", "DROP": "writes", "CREATE": "writes",
    "ADD": "writes", "MOVE": "writes", "COPY": "writes", "WITH": "writes",
}

_CYPHER_BLANKS = re.compile(
    r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|//[^\n]*|/\*.*?\*/""", re.S)
_SPARQL_BLANKS = re.compile(
    r"""'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|<[^<>"{}|^`\\\s]*>|\#[^\n]*""", re.S)
# A keyword is a bare word: not a property (m.set), a map key (set: 1), a variable (?from, $load)
# or part of a prefixed name (ex:load, load:x).
_WORD = re.compile(r"(?<![\w.$?:])([A-Za-z_]\w*)(?![\w:])")


def _words(text: str) -> list[str]:
    return [m.group(1).upper() for m in _WORD.finditer(text)]


def check_cypher(text: str) -> None:
    """Refuse a Cypher query that is more than one statement, or that writes or reaches files."""
    bare = _CYPHER_BLANKS.sub(" ", text)
    body = bare.strip().rstrip(";")
    if ";" in body:
        raise QueryError("refused: one Cypher statement per query (this has several, separated by ';')")
    for word in _words(body):
        if word in CYPHER_REFUSED:
            raise QueryError(f"refused: {word} {CYPHER_REFUSED[word]}; queries only read the graph "
                             "(the store changes by ingesting articles)")


def check_sparql(text: str) -> None:
    """Refuse a SPARQL update, and a query that would fetch a URL (SERVICE, FROM, LOAD)."""
    bare = _SPARQL_BLANKS.sub(" ", text)
    for word in _words(bare):
        if word in SPARQL_REFUSED:
            raise QueryError(f"refused: {word} {SPARQL_REFUSED[word]}; queries only read the graph")


def check_query(text: str, language: str) -> None:
    """The check for `language` ('cypher' or 'sparql')."""
    (check_cypher if language == "cypher" else check_sparql)(text)


def run_user_query(backend: Backend, text: str, params: dict[str, Any] | None = None) -> QueryResult:
    """A query the user wrote, on any backend: checked first, and on Neo4j run read-only by the server too."""
    check_query(text, backend.language)
    read_only = getattr(backend, "read_query", None)  # Neo4j: a READ transaction
    return read_only(text, params) if read_only is not None else backend.query(text, params)
