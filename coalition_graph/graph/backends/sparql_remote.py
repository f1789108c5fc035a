"""A SPARQL server as a backend (SPARQL 1.1 Protocol, Update, Graph Store Protocol): Apache Jena Fuseki,
GraphDB, Virtuoso, Oxigraph server, ...

The graph lives in one named graph on the server (`DEFAULT_GRAPH` unless told otherwise; "default" means
the server's default graph). Queries name it as their default graph with the protocol's
`default-graph-uri`, so the named queries run unchanged and see only this graph.

Push (`push_to_sparql`) replaces that graph with the store's triples, so pushing again changes nothing:
through the Graph Store Protocol when its URL is known (PUT the first chunk of N-Triples, POST the rest),
else through SPARQL Update (DROP SILENT GRAPH, then chunked INSERT DATA). Blank nodes, should a graph
ever carry any, are skolemized to well-known IRIs so that chunks and repeated pushes agree.

Errors: unreachable, refused (401/403), not found (404), server failures → errors.BackendError;
a query or update the server rejects as malformed (400) → errors.QueryError. One line each.
"""
from __future__ import annotations

import base64
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from coalition_graph.errors import BackendError, QueryError
from coalition_graph.graph.backends.base import QueryResult
from coalition_graph.schema.rdf import BASE, to_oxigraph
from coalition_graph.util import chunks, one_line

DEFAULT_GRAPH = BASE + "graph"
SERVER_DEFAULT_GRAPH = "default"  # --graph default: the server's default graph instead of a named one
GSP_CHUNK = 50_000     # triples a Graph Store Protocol request
UPDATE_CHUNK = 5_000   # triples an INSERT DATA request
RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"

_PROLOGUE = re.compile(r"\s*(?:(?:#[^\n]*\n)|(?:PREFIX\s+[^\s:]*:\s*<[^>]*>)|(?:BASE\s*<[^>]*>)|\s+)*", re.IGNORECASE)


def query_form(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first keyword after the prologue."""
    rest = text[_PROLOGUE.match(text).end():]
    word = re.match(r"[A-Za-z]+", rest)
    return word.group(0).upper() if word else ""


def python_value(binding: dict[str, Any] | None) -> Any:
    """A SPARQL JSON results binding as the plain Python value the embedded engine gives for it."""
    if binding is None:
        return None
    kind = binding.get("type")
    if kind == "uri":
        return binding["value"]
    if kind == "bnode":
        return "_:" + binding["value"]
    from rdflib import Literal, URIRef

    datatype = binding.get("datatype")
    literal = Literal(binding["value"], lang=binding.get("xml:lang"), datatype=URIRef(datatype) if datatype else None)
    value = literal.toPython()
    return str(literal) if isinstance(value, Literal) else value


@dataclass
class SparqlPushReport:
    triples: int = 0
    requests: int = 0
    seconds: float = 0.0
    target: str = ""
    method: str = ""

    def summary(self) -> str:
        rate = self.triples / self.seconds if self.seconds else 0.0
        return (f"pushed {self.triples} triples to {self.target} in {self.seconds:.1f}s "
                f"({rate:,.0f}/s, {self.requests} {self.method} requests)")


@dataclass
class SparqlRemoteBackend:
    """Backend `sparql-endpoint`: a SPARQL 1.1 server over HTTP."""

    endpoint: str                      # query endpoint, e.g. http://host:3030/ds/sparql (or the dataset URL)
    graph: str | None = DEFAULT_GRAPH  # the named graph holding our data; None or "default": the default graph
    update_endpoint: str | None = None  # default: the query endpoint (Fuseki's dataset URL takes both)
    gsp_endpoint: str | None = None     # Graph Store Protocol URL, e.g. http://host:3030/ds/data
    user: str | None = None
    password: str | None = None
    timeout: float = 120.0
    name: str = "sparql-endpoint"
    language: str = "sparql"
    _closed: bool = field(default=False, repr=False)

    def __post_init__(self) -> None:
        if self.graph == SERVER_DEFAULT_GRAPH:
            self.graph = None
        for url in (self.endpoint, self.update_endpoint, self.gsp_endpoint):
            if url is not None and urllib.parse.urlsplit(url).scheme not in ("http", "https"):
                raise BackendError(f"not an HTTP(S) SPARQL endpoint URL: {url!r}")

    # -- HTTP
    def _request(self, url: str, *, method: str = "POST", data: bytes | None = None,
                 headers: dict[str, str] | None = None, what: str = "query") -> bytes:
        request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
        if self.user is not None:
            token = base64.b64encode(f"{self.user}:{self.password or ''}".encode()).decode()
            request.add_header("Authorization", f"Basic {token}")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            body = error.read().decode("utf-8", errors="replace")
            detail = one_line(body)[:300] or error.reason
            if error.code == 400:
                raise QueryError(f"the SPARQL server rejected the {what}: {detail}") from None
            if error.code in (401, 403):
                raise BackendError(f"the SPARQL server at {url} refused us (HTTP {error.code}): check the user and password") from None
            if error.code == 404:
                raise BackendError(f"no SPARQL {what} service at {url} (HTTP 404)") from None
            if error.code in (405, 415):
                raise BackendError(f"{url} does not take SPARQL {what} requests (HTTP {error.code}); "
                                   f"give the right URL for it") from None
            raise BackendError(f"the SPARQL server at {url} failed (HTTP {error.code}): {detail}") from None
        except urllib.error.URLError as error:
            raise BackendError(f"cannot reach the SPARQL server at {url}: {one_line(error.reason)}") from None
        except (TimeoutError, OSError) as error:
            raise BackendError(f"cannot reach the SPARQL server at {url}: {one_line(error)}") from None

    def _dataset_params(self) -> list[tuple[str, str]]:
        return [("default-graph-uri", self.graph)] if self.graph else []

    # -- queries
    def query(self, text: str, params: dict[str, Any] | None = None) -> QueryResult:
        if params:
            if "#PARAMS" not in text:
                raise QueryError("parameters for a SPARQL endpoint need a #PARAMS marker in the query")
            from coalition_graph.queries.named import bind_sparql

            text = bind_sparql(text, {k: str(v) for k, v in params.items()})
        form = query_form(text)
        accept = N_TRIPLES if form in ("CONSTRUCT", "DESCRIBE") else RESULTS_JSON
        body = urllib.parse.urlencode([("query", text), *self._dataset_params()]).encode()
        raw = self._request(self.endpoint, data=body, what="query", headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
        if accept == N_TRIPLES:
            return self._triples_result(raw)
        try:
            answer = json.loads(raw)
        except ValueError:
            raise BackendError(f"{self.endpoint} did not answer with SPARQL JSON results") from None
        if "boolean" in answer:
            return QueryResult(["ask"], [[bool(answer["boolean"])]])
        columns = answer.get("head", {}).get("vars", [])
        rows = [[python_value(binding.get(c)) for c in columns] for binding in answer.get("results", {}).get("bindings", [])]
        return QueryResult(columns, rows)

    @staticmethod
    def _triples_result(raw: bytes) -> QueryResult:
        from rdflib import Graph

        from coalition_graph.graph.sparql_view import python_value as term_value

        graph = Graph()
        graph.parse(data=raw.decode("utf-8"), format="nt")
        return QueryResult(["subject", "predicate", "object"], [[term_value(t) for t in triple] for triple in graph])

    def update(self, text: str) -> None:
        body = urllib.parse.urlencode([("update", text)]).encode()
        self._request(self.update_endpoint or self.endpoint, data=body, what="update",
                      headers={"Content-Type": "application/x-www-form-urlencoded"})

    def triple_count(self) -> int:
        """Triples in our graph on the server."""
        return int(self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0])

    def close(self) -> None:
        self._closed = True  # plain HTTP requests: nothing held open

    def __enter__(self) -> "SparqlRemoteBackend":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- pushing
    def _gsp_url(self) -> str:
        target = urllib.parse.urlencode({"graph": self.graph}) if self.graph else "default"
        return f"{self.gsp_endpoint}{'&' if '?' in self.gsp_endpoint else '?'}{target}"

    def replace_graph(self, triples: Iterable[tuple], report: SparqlPushReport | None = None) -> SparqlPushReport:
        """Replace our graph on the server with `triples` (rdflib terms)."""
        report = report or SparqlPushReport()
        report.target = f"{self.gsp_endpoint or self.update_endpoint or self.endpoint} graph <{self.graph or 'default'}>"
        started = time.perf_counter()
        if self.gsp_endpoint:
            report.method = "Graph Store Protocol"
            first = True
            for lines in chunks(ntriples_lines(triples), GSP_CHUNK):
                self._request(self._gsp_url(), method="PUT" if first else "POST", data="".join(lines).encode("utf-8"),
                              headers={"Content-Type": N_TRIPLES}, what="Graph Store")
                first = False
                report.triples += len(lines)
                report.requests += 1
            if first:  # no triples at all: PUT an empty graph
                self._request(self._gsp_url(), method="PUT", data=b"", headers={"Content-Type": N_TRIPLES}, what="Graph Store")
                report.requests += 1
        else:
            report.method = "SPARQL Update"
            self.update(f"DROP SILENT GRAPH <{self.graph}>" if self.graph else "DROP SILENT DEFAULT")
            report.requests += 1
            for lines in chunks(ntriples_lines(triples), UPDATE_CHUNK):
                data = "".join(lines)
                self.update(f"INSERT DATA {{ GRAPH <{self.graph}> {{\n{data}}} }}" if self.graph else f"INSERT DATA {{\n{data}}}")
                report.triples += len(lines)
                report.requests += 1
        report.seconds = time.perf_counter() - started
        return report


def ntriples_lines(triples: Iterable[tuple]) -> Iterator[str]:
    """Each triple as one N-Triples line; blank nodes skolemized to stable IRIs."""

    for s, p, o in triples:
        yield f"{to_oxigraph(s)} {to_oxigraph(p)} {to_oxigraph(o)} .\n"


def push_to_sparql(store, endpoint: str | None = None, graph: str | None = DEFAULT_GRAPH, *,
                   gsp_endpoint: str | None = None, update_endpoint: str | None = None,
                   user: str | None = None, password: str | None = None,
                   backend: SparqlRemoteBackend | None = None) -> SparqlPushReport:
    """Replace `graph` on the server with the store's RDF (idempotent)."""
    import itertools

    from coalition_graph.schema.rdf import ontology_triples, view_triples

    if backend is None:
        if endpoint is None and gsp_endpoint is None and update_endpoint is None:
            raise BackendError("give a SPARQL endpoint URL to push to")
        backend = SparqlRemoteBackend(endpoint or update_endpoint or gsp_endpoint, graph, update_endpoint=update_endpoint,
                                      gsp_endpoint=gsp_endpoint, user=user, password=password)
    # the ontology goes with the data, as in the embedded view and the RDF exports (a cg:Meeting is a schema:Event)
    return backend.replace_graph(itertools.chain(ontology_triples(), view_triples(store.iter_nodes(), store.iter_edges())))
