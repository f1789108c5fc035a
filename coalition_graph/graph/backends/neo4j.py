"""Neo4j as a backend: run Cypher there, and push a store's graph into it.

Neo4j holds the same property graph as the embedded LadybugDB view: the same labels, relationship types,
property names (graph_schema) and stable ids, so the named queries give the same rows on both.

Push (`push_to_neo4j`): uniqueness constraints on every label's `id` first, then nodes label by label and
relationships by (type, source label, target label), each as `UNWIND $rows AS row MERGE … SET …` in
batches, one transaction a batch, one batch after another. Keyed on the ids, so pushing the same store
again changes nothing and a push after new ingests adds only what is new; an interrupted push is simply
run again. `Neo4jSink` writes the changes of each ingest batch (`coalition ingest --neo4j`).

Errors: an unreachable server, wrong credentials, a missing database → errors.BackendError; a query the
server rejects → errors.QueryError. Each with a one-line message.
"""
from __future__ import annotations

import datetime as dt
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from coalition_graph.util import chunks, one_line
from coalition_graph.errors import BackendError, MissingDependency, QueryError
from coalition_graph.graph.backends.base import QueryResult
from coalition_graph.graph.records import ChangeSet, EdgeRecord, NodeRecord
from coalition_graph.schema.graph_schema import NODE_PROPS, REL_TYPES, node_props, rel_props

DEFAULT_USER = "neo4j"
DEFAULT_BATCH = 5000
# What Neo4j answers a write in a READ transaction: AccessMode on one server; on a cluster the read
# transaction goes to a follower, which is not the leader (and cannot write).
READ_ONLY_REFUSALS = ("Neo.ClientError.Statement.AccessMode", "Neo.ClientError.Cluster.NotALeader")
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def _neo4j():
    try:
        import neo4j
    except ImportError:
        raise MissingDependency("Neo4j needs the official driver: pip install 'coalition-graph[neo4j]'") from None
    return neo4j


# ------------------------------------------------------------------------------------------ values


def _to_python(value: Any) -> Any:
    """A value from the driver as plain Python (what the embedded engine returns for the same data)."""
    _neo4j()
    from neo4j import graph as neo4j_graph
    from neo4j import time as neo4j_time

    if isinstance(value, (neo4j_time.Date, neo4j_time.DateTime, neo4j_time.Time)):
        return value.to_native()
    if isinstance(value, neo4j_time.Duration):
        return str(value)
    if isinstance(value, list):
        return [_to_python(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_python(v) for k, v in value.items()}
    # nodes, relationships and paths in the shape LadybugDB gives them (_ID, _LABEL, _SRC, _DST, _NODES, _RELS)
    # (a property Neo4j does not have is there as None, as in LadybugDB's fixed columns)
    if isinstance(value, neo4j_graph.Node):
        labels = sorted(value.labels)
        label = labels[0] if labels else None
        columns = dict.fromkeys(node_props(label)) if label in NODE_PROPS else {}
        return {"_ID": value.element_id, "_LABEL": label, **columns, **{k: _to_python(v) for k, v in value.items()}}
    if isinstance(value, neo4j_graph.Relationship):
        columns = dict.fromkeys(rel_props(value.type)) if value.type in REL_TYPES else {}
        return {"_SRC": value.start_node.element_id, "_DST": value.end_node.element_id, "_LABEL": value.type,
                "_ID": value.element_id, **columns, **{k: _to_python(v) for k, v in value.items()}}
    if isinstance(value, neo4j_graph.Path):
        return {"_NODES": [_to_python(n) for n in value.nodes], "_RELS": [_to_python(r) for r in value.relationships]}
    return value


_CASTS: dict[str, Callable[[Any], Any]] = {
    "STRING": str,
    "DOUBLE": float,
    "INT64": int,
    "BOOLEAN": bool,
    "DATE": lambda v: v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v)[:10]),
    "STRING[]": lambda v: [str(x) for x in v],
}


def property_row(record_id: str, props: dict[str, Any], columns: dict[str, str]) -> dict[str, Any]:
    """The schema's properties of a record, typed as the schema says; unknown (None) values are left out,
    so `SET n = row` removes a property that is no longer known."""
    row: dict[str, Any] = {"id": record_id}
    for name, typ in columns.items():
        value = props.get(name)
        if name == "id" or value is None:
            continue
        row[name] = _CASTS[typ](value)
    return row



def set_row(record_id: str, props: dict[str, Any], columns: dict[str, str]) -> dict[str, Any]:
    """A row for the upserts: the key, and every other schema property (None where unknown, which the
    upsert's SET turns into a removed property)."""
    row = property_row(record_id, props, columns)
    return {"id": row.pop("id"), "props": {name: row.get(name) for name in columns if name != "id"}}


# The upserts never write the key they MERGE on: `SET n = row` did, and so does `SET n += map` as far as the
# planner knows, and then it puts an Eager in the plan, which holds every row of the batch before writing
# any. Each property is set by name instead (null removes it).
def _sets(var: str, columns: dict[str, str]) -> str:
    return ", ".join(f"{var}.{name} = row.props.{name}" for name in columns if name != "id")


def node_upsert(label: str) -> str:
    return f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET {_sets('n', node_props(label))}"


def edge_upsert(rel_type: str, src_label: str, dst_label: str) -> str:
    sets = _sets("e", rel_props(rel_type))
    return (f"UNWIND $rows AS row MATCH (a:{src_label} {{id: row.src}}) MATCH (b:{dst_label} {{id: row.dst}}) "
            f"MERGE (a)-[e:{rel_type} {{id: row.id}}]->(b)" + (f" SET {sets}" if sets else ""))


# ---------------------------------------------------------------------------------------- backend


@dataclass
class PushReport:
    nodes: int = 0
    relationships: int = 0
    deleted_nodes: int = 0
    deleted_relationships: int = 0
    seconds: float = 0.0
    target: str = ""

    @property
    def per_second(self) -> float:
        return (self.nodes + self.relationships) / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        deleted = (f"; deleted {self.deleted_nodes} nodes and {self.deleted_relationships} relationships"
                   if self.deleted_nodes or self.deleted_relationships else "")
        return (f"pushed {self.nodes} nodes and {self.relationships} relationships to {self.target} "
                f"in {self.seconds:.1f}s ({self.per_second:,.0f}/s){deleted}")


@dataclass
class Neo4jBackend:
    """Backend `neo4j`: a Neo4j server (self-hosted, cluster or Aura) through the official driver."""

    uri: str
    user: str | None = DEFAULT_USER
    password: str | None = None
    database: str | None = None  # None: the server's default database
    name: str = "neo4j"
    language: str = "cypher"
    _driver: Any = field(default=None, repr=False)

    # -- connection
    def _where(self) -> str:
        return f"Neo4j at {self.uri}" + (f" (database {self.database!r})" if self.database else "")

    def driver(self):
        if self._driver is None:
            scheme = self.uri.split("://", 1)[0].lower() if "://" in self.uri else ""
            if scheme not in SCHEMES:
                raise BackendError(f"not a Neo4j URI: {self.uri!r} (use bolt://host:7687, neo4j://host or neo4j+s://host)")
            neo4j = _neo4j()
            auth = (self.user or DEFAULT_USER, self.password) if self.password is not None else None
            try:
                # notifications off: Neo4j warns about property keys no node has yet (a missing
                # end_date), which the named queries read on purpose
                self._driver = neo4j.GraphDatabase.driver(self.uri, auth=auth, connection_timeout=15,
                                                          max_transaction_retry_time=15,
                                                          notifications_min_severity="OFF")
                self._driver.verify_connectivity()
                # a missing database shows only once we use it (db.ping: RETURN 1 fails on the system database)
                self._driver.execute_query("CALL db.ping()", database_=self.database)
            except Exception as error:  # noqa: BLE001 - translated; driver errors have no single base class
                self.close()
                raise self._backend_error(error) from None
        return self._driver

    def _backend_error(self, error: Exception) -> BackendError:
        neo4j = _neo4j()
        exc = neo4j.exceptions
        message = one_line(getattr(error, "message", None) or error)
        code = getattr(error, "code", None) or ""
        if isinstance(error, exc.AuthError) or code.startswith("Neo.ClientError.Security.Unauthorized"):
            return BackendError(f"{self._where()} refused the credentials of user {self.user or DEFAULT_USER!r}: {message}")
        if code == "Neo.ClientError.Database.DatabaseNotFound":
            return BackendError(f"{self._where()}: no such database ({message})")
        if isinstance(error, exc.ServiceUnavailable):
            reason = re.search(r"\(reason (.*)\)$", message)  # the socket error, without the driver's preamble
            return BackendError(f"cannot reach Neo4j at {self.uri}: {reason.group(1) if reason else message}")
        if isinstance(error, (exc.ConfigurationError, ValueError)):
            return BackendError(f"not a usable Neo4j URI {self.uri!r}: {message}")
        return BackendError(f"{self._where()}: {message}")

    def _translate(self, error: Exception, *, query: bool) -> Exception:
        """A driver error as ours: the server's rejection of a query → QueryError; the rest → BackendError."""
        code = getattr(error, "code", None) or ""
        neo4j = _neo4j()
        message = one_line(getattr(error, "message", None) or error)
        if code in READ_ONLY_REFUSALS:
            # a write in a READ transaction: the server's refusal, as the guard's one line (exit 5)
            return QueryError(f"refused by Neo4j: queries only read the graph, and run in a read transaction ({message})")
        if query and isinstance(error, neo4j.exceptions.ClientError) and code.startswith("Neo.ClientError.Statement."):
            return QueryError(message)
        return self._backend_error(error)

    def close(self) -> None:
        if self._driver is not None:
            try:
                self._driver.close()
            finally:
                self._driver = None

    def __enter__(self) -> "Neo4jBackend":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- queries
    def query(self, text: str, params: dict[str, Any] | None = None) -> QueryResult:
        driver = self.driver()
        try:
            with driver.session(database=self.database) as session:
                result = session.run(text, params or {})
                columns = list(result.keys())
                rows = [[_to_python(value) for value in record.values()] for record in result]
        except Exception as error:  # noqa: BLE001
            raise self._translate(error, query=True) from None
        return QueryResult(columns, rows)

    def read_query(self, text: str, params: dict[str, Any] | None = None) -> QueryResult:
        """A user's query (`coalition query`, api.query) in a READ transaction, so the server itself refuses
        any write the guard in queries.guard did not see. `query` stays a plain auto-commit run: the push,
        the sink and the tests clear and write through it."""
        neo4j = _neo4j()

        def work(tx):
            result = tx.run(text, params or {})
            return list(result.keys()), [[_to_python(value) for value in record.values()] for record in result]

        driver = self.driver()
        try:
            with driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as session:
                columns, rows = session.execute_read(work)
        except Exception as error:  # noqa: BLE001
            raise self._translate(error, query=True) from None
        return QueryResult(columns, rows)

    def _write(self, text: str, params: dict[str, Any]) -> Any:
        """One statement in one write transaction (retried by the driver on transient errors)."""
        def work(tx):
            return tx.run(text, params).consume().counters

        try:
            with self.driver().session(database=self.database) as session:
                return session.execute_write(work)
        except (BackendError, QueryError):
            raise
        except Exception as error:  # noqa: BLE001
            raise self._translate(error, query=False) from None

    def count(self) -> dict[str, int]:
        """Nodes and relationships of the graph's labels and types now in the database."""
        out = {}
        for label in NODE_PROPS:
            out[label] = self.query(f"MATCH (n:{label}) RETURN count(n) AS n").rows[0][0]
        for rel_type in REL_TYPES:
            out[rel_type] = self.query(f"MATCH ()-[r:{rel_type}]->() RETURN count(r) AS n").rows[0][0]
        return out

    # -- writing
    def ensure_schema(self) -> None:
        """A uniqueness constraint on `id` for every label (which also indexes it); an index on every
        relationship type's `id` (relationship uniqueness constraints need Neo4j 5.7 or later)."""
        for label in NODE_PROPS:
            self._write(f"CREATE CONSTRAINT coalition_{label.lower()}_id IF NOT EXISTS "
                        f"FOR (n:{label}) REQUIRE n.id IS UNIQUE", {})
        for rel_type in REL_TYPES:
            name = f"coalition_{rel_type.lower()}_id"
            try:
                self._write(f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR ()-[r:{rel_type}]-() REQUIRE r.id IS UNIQUE", {})
            except BackendError:
                self._write(f"CREATE INDEX {name} IF NOT EXISTS FOR ()-[r:{rel_type}]-() ON (r.id)", {})

    def upsert_nodes(self, nodes: Iterable[NodeRecord], batch_size: int = DEFAULT_BATCH,
                     statement: Callable[[str], str] = node_upsert) -> int:
        """`statement(label)`: the UNWIND statement a batch runs (scripts/bench_push.py times the same
        batches with CREATE in place of MERGE: the floor the push is measured against)."""
        by_label: dict[str, list[dict]] = defaultdict(list)
        for node in nodes:
            by_label[node.label].append(set_row(node.id, node.props, node_props(node.label)))
        written = 0
        for label, rows in by_label.items():
            text = statement(label)
            for chunk in chunks(rows, batch_size):
                self._write(text, {"rows": chunk})
                written += len(chunk)
        return written

    def upsert_edges(self, edges: Iterable[EdgeRecord], batch_size: int = DEFAULT_BATCH,
                     statement: Callable[[str, str, str], str] = edge_upsert) -> int:
        groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
        for edge in edges:
            groups[(edge.type, edge.src_label, edge.dst_label)].append(
                {"src": edge.src, "dst": edge.dst, **set_row(edge.id, edge.props, rel_props(edge.type))})
        written = 0
        for (rel_type, src_label, dst_label), rows in groups.items():
            text = statement(rel_type, src_label, dst_label)
            for chunk in chunks(rows, batch_size):
                self._write(text, {"rows": chunk})
                written += len(chunk)
        return written

    def delete(self, node_ids: Iterable[tuple[str, str]] = (), edge_ids: Iterable[tuple[str, str]] = (),
               batch_size: int = DEFAULT_BATCH) -> tuple[int, int]:
        """Delete relationships given as (id, type) and nodes given as (id, label), with their relationships."""
        by_type: dict[str, list[str]] = defaultdict(list)
        for edge_id, rel_type in edge_ids:
            by_type[rel_type].append(edge_id)
        by_label: dict[str, list[str]] = defaultdict(list)
        for node_id, label in node_ids:
            by_label[label].append(node_id)
        for rel_type, ids in by_type.items():
            for chunk in chunks(ids, batch_size):
                self._write(f"UNWIND $ids AS i MATCH ()-[e:{rel_type} {{id: i}}]->() DELETE e", {"ids": chunk})
        for label, ids in by_label.items():
            for chunk in chunks(ids, batch_size):
                self._write(f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) DETACH DELETE n", {"ids": chunk})
        return sum(map(len, by_label.values())), sum(map(len, by_type.values()))

    def apply(self, changes: ChangeSet, batch_size: int = DEFAULT_BATCH) -> None:
        """Write one ingest batch's changes (deletions first, then upserts)."""
        self.delete(changes.deleted_nodes, [(e[0], e[1]) for e in changes.deleted_edges], batch_size)
        self.upsert_nodes(changes.nodes, batch_size)
        self.upsert_edges(changes.edges, batch_size)

    def stale(self, store) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """Nodes (id, label) and relationships (id, type) of the graph's labels that the store no longer has."""
        node_ids = {(n.id, n.label) for n in store.iter_nodes()}
        edge_ids = {(e.id, e.type) for e in store.iter_edges()}
        nodes = [(row[0], label) for label in NODE_PROPS
                 for row in self.query(f"MATCH (n:{label}) RETURN n.id").rows if (row[0], label) not in node_ids]
        edges = [(row[0], rel_type) for rel_type in REL_TYPES
                 for row in self.query(f"MATCH ()-[e:{rel_type}]->() RETURN e.id").rows if (row[0], rel_type) not in edge_ids]
        return nodes, edges


def push_to_neo4j(store, uri: str, user: str | None = DEFAULT_USER, password: str | None = None,
                  database: str | None = None, batch_size: int = DEFAULT_BATCH, *, prune: bool = False,
                  backend: Neo4jBackend | None = None) -> PushReport:
    """Write the store's whole graph to Neo4j (idempotent). With `prune`, also delete the nodes and
    relationships of the graph's labels and types that the store no longer has."""
    own = backend is None
    backend = backend or Neo4jBackend(uri, user, password, database)
    report = PushReport(target=backend._where())
    started = time.perf_counter()
    try:
        backend.ensure_schema()
        report.nodes = backend.upsert_nodes(store.iter_nodes(), batch_size)
        report.relationships = backend.upsert_edges(store.iter_edges(), batch_size)
        if prune:
            stale_nodes, stale_edges = backend.stale(store)
            report.deleted_nodes, report.deleted_relationships = backend.delete(stale_nodes, stale_edges, batch_size)
    finally:
        if own:
            backend.close()
    report.seconds = time.perf_counter() - started
    return report


class Neo4jSink:
    """An ingest sink: each committed batch's changes go to Neo4j as well (`store.ingest(..., sinks=[sink])`)."""

    def __init__(self, backend: Neo4jBackend, batch_size: int = DEFAULT_BATCH):
        self.backend = backend
        self.batch_size = batch_size
        self._schema_ready = False

    def __call__(self, changes: ChangeSet) -> None:
        if not self._schema_ready:
            self.backend.ensure_schema()
            self._schema_ready = True
        self.backend.apply(changes, self.batch_size)
