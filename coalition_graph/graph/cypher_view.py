"""The embedded Cypher engine: a LadybugDB database kept in step with the store's source of truth."""
from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable

from coalition_graph.errors import MissingDependency, QueryError, StoreError
from coalition_graph.graph.backends.base import QueryResult
from coalition_graph.graph.view_marker import EmbeddedView, GenerationMarker
from coalition_graph.queries.guard import check_cypher
from coalition_graph.graph.records import ChangeSet, EdgeRecord, NodeRecord
from coalition_graph.util import chunks, one_line
from coalition_graph.schema.graph_schema import NODE_PROPS, REL_TYPES, node_props, rel_props

BATCH = 5000
DB_NAME = "cypher.lbug"
GENERATION_FILE = "cypher.generation"


def ddl() -> list[str]:
    """CREATE statements for every label and relationship type of the schema."""
    statements = []
    for label in NODE_PROPS:
        cols = ", ".join(f"{name} {typ}" for name, typ in node_props(label).items())
        statements.append(f"CREATE NODE TABLE IF NOT EXISTS {label}({cols}, PRIMARY KEY(id))")
    for rel in REL_TYPES.values():
        ends = ", ".join(f"FROM {src} TO {dst}" for src, dst in rel.ends)
        cols = ", ".join(f"{name} {typ}" for name, typ in rel_props(rel.name).items())
        statements.append(f"CREATE REL TABLE IF NOT EXISTS {rel.name}({ends}, {cols})")
    return statements


def _row(record_id: str, props: dict[str, Any], columns: Iterable[str]) -> dict[str, Any]:
    row = {"id": record_id}
    for col in columns:
        if col != "id":
            value = props.get(col)
            row[col] = list(value) if isinstance(value, (list, tuple)) else value
    return row


def _assignments(var: str, columns: dict[str, str]) -> str:
    # Parameter types are inferred from the values, and a column that is null in every
    # row of a batch would be inferred wrongly: cast each one to the schema's type.
    return ", ".join(f"{var}.{col} = CAST(r.{col} AS {typ})" for col, typ in columns.items() if col != "id")



class LadybugView(EmbeddedView):
    """Backend `cypher`: LadybugDB (the maintained fork of Kuzu) embedded in the store directory."""

    name = "embedded-cypher"
    language = "cypher"

    def __init__(self, store_path: Path, lock: Any = None):
        super().__init__(lock)
        self.store_path = Path(store_path)
        self._marker = GenerationMarker(Path(store_path) / GENERATION_FILE, Path(store_path) / DB_NAME, "Cypher")
        self.db_path = self.store_path / DB_NAME
        self._db = None
        self._conn = None

    # -- engine
    def _connect(self):
        if self._conn is None:
            try:
                import ladybug
            except ImportError:
                raise MissingDependency("the embedded Cypher engine needs LadybugDB: pip install ladybug") from None
            fresh = not self.db_path.exists()  # an existing view has its tables: a query need not run the DDL
            try:
                self._db = ladybug.Database(str(self.db_path), read_only=self.read_only)
                self._conn = ladybug.Connection(self._db)
            except RuntimeError as exc:
                self._db = self._conn = None
                if self.read_only and "recovery" in str(exc) and self._lock is not None:
                    self._recover()  # a writer was killed mid-checkpoint: finish it, then read
                    return self._connect()
                raise StoreError(f"cannot open the Cypher view {self.db_path}: {str(exc).splitlines()[0]}") from None
            self._opened()
            if fresh and not self.read_only:
                for statement in ddl():
                    self._conn.execute(statement)
        return self._conn

    _engine = _connect

    def _recover(self) -> None:
        """Open read-write once, alone, so the engine replays its log; a read-only open cannot."""
        with self._lock.exclusive(), self.writing():
            self._connect()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._db.close()
        self._conn = self._db = None

    def query(self, text: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run a query in a read-only transaction: the view changes only with the source of truth."""
        check_cypher(text)
        with self.reading():
            return self._query(text, params)

    def _query(self, text: str, params: dict[str, Any] | None) -> QueryResult:
        conn = self._connect()
        conn.execute("BEGIN TRANSACTION READ ONLY")
        try:
            result = conn.execute(text, params or {})
            if isinstance(result, list):  # several statements: the last one answers
                result = result[-1]
            columns = result.get_column_names()
            rows = []
            while result.has_next():
                rows.append(result.get_next())
        except RuntimeError as exc:
            message = one_line(exc)
            if "read-only transaction" in message:
                message += " (the embedded views change only by ingesting articles)"
            raise QueryError(message) from None
        finally:
            try:
                conn.execute("ROLLBACK")
            except RuntimeError:
                pass  # a failed query has already ended its transaction
        return QueryResult(columns, rows)

    def _run(self, text: str, params: dict[str, Any]) -> None:
        try:
            self._connect().execute(text, params)
        except RuntimeError as exc:
            raise StoreError(f"Cypher view write failed: {one_line(exc)}") from None

    # -- keeping in step
    def generation(self) -> int:
        return self._marker.read()

    def rebuild(self, nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord], generation: int) -> None:
        """Drop the database and bulk-load every node and relationship."""
        self.close()
        self._marker.clear()
        for path in self.store_path.glob(DB_NAME + "*"):
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        self._connect()
        self._write(nodes, edges, create=True)
        self._marker.write(generation)

    def apply(self, changes: ChangeSet, generation: int) -> None:
        """Bring the view from the previous generation to `generation`."""
        self._marker.check_next(generation)
        by_type: dict[str, list[str]] = defaultdict(list)
        for edge_id, rel_type, _src, _dst in changes.deleted_edges:
            by_type[rel_type].append(edge_id)
        for rel_type, edge_ids in by_type.items():
            self._run(f"UNWIND $ids AS i MATCH ()-[e:{rel_type}]->() WHERE e.id = i DELETE e", {"ids": edge_ids})
        by_label: dict[str, list[str]] = defaultdict(list)
        for node_id, label in changes.deleted_nodes:
            by_label[label].append(node_id)
        for label, node_ids in by_label.items():
            self._run(f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) DETACH DELETE n", {"ids": node_ids})
        self._write(changes.nodes, changes.edges, create=False)
        self._marker.write(generation)

    def _write(self, nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord], *, create: bool) -> None:
        verb = "CREATE" if create else "MERGE"
        node_rows: dict[str, list[dict]] = defaultdict(list)
        for node in nodes:
            node_rows[node.label].append(_row(node.id, node.props, node_props(node.label)))
        for label, rows in node_rows.items():
            sets = _assignments("n", node_props(label))
            for chunk in chunks(rows, BATCH):
                self._run(f"UNWIND $rows AS r {verb} (n:{label} {{id: r.id}}) SET {sets}", {"rows": chunk})
        edge_rows: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
        for edge in edges:
            row = _row(edge.id, edge.props, rel_props(edge.type))
            row["src"], row["dst"] = edge.src, edge.dst
            edge_rows[(edge.type, edge.src_label, edge.dst_label)].append(row)
        for (rel_type, src_label, dst_label), rows in edge_rows.items():
            sets = _assignments("e", rel_props(rel_type))
            for chunk in chunks(rows, BATCH):
                self._run(
                    f"UNWIND $rows AS r MATCH (a:{src_label} {{id: r.src}}) MATCH (b:{dst_label} {{id: r.dst}}) "
                    f"{verb} (a)-[e:{rel_type} {{id: r.id}}]->(b) SET {sets}", {"rows": chunk})
