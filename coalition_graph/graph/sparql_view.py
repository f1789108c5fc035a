"""The embedded SPARQL engine: an Oxigraph store (queried through rdflib + oxrdflib) kept in step with the source of truth."""
from __future__ import annotations

import datetime as dt
import gc
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Iterator

from rdflib import RDF, Literal, URIRef
from rdflib.namespace import PROV

from coalition_graph.util import one_line
from coalition_graph.errors import MissingDependency, QueryError, StoreError
from coalition_graph.graph.backends.base import QueryResult
from coalition_graph.graph.view_marker import EmbeddedView, GenerationMarker
from coalition_graph.queries.guard import check_sparql
from coalition_graph.graph.records import ChangeSet, EdgeRecord, NodeRecord
from coalition_graph.schema.rdf import (DIRECT_EDGES, PREFIXES, PROPERTIES, REIFIED_EDGES, SDO, iri, ontology_triples,
                                       to_oxigraph, view_triples)

DB_DIR = "rdf"
# The marker's name carries the view's layout: a view of an older layout (before the ontology went into it)
# has no marker of this name, so it is rebuilt when next opened.
GENERATION_FILE = "rdf-ontology.generation"
COMPACTED_FILE = "rdf.compacted"  # how many articles the store held when the view's files were last compacted
NODE_PREDICATES = frozenset({p for p, _ in PROPERTIES.values()} | {RDF.type, SDO.sameAs})


def _ox_quads(triples: Iterable[tuple]) -> Iterator:
    import pyoxigraph as ox

    for s, p, o in triples:
        yield ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), ox.DefaultGraph())


def expected_quads(nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord]) -> Iterator:
    """The quads a view of these records holds (for checking a view against the source of truth), as
    Oxigraph stores them: through an in-memory store, which writes literals in their canonical form."""
    import pyoxigraph as ox

    memory = ox.Store()
    memory.extend(list(_ox_quads(ontology_triples())) + list(_ox_quads(view_triples(nodes, edges))))
    return iter(memory.quads_for_pattern(None, None, None))


def python_value(term: Any) -> Any:
    """An rdflib term as the plain Python value query rows carry."""
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return str(term) if isinstance(value, Literal) else value
    return str(term)


_PREFIX_IRIS = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                                "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong")}
_CONVERT = {_XSD + "date": lambda v: dt.date.fromisoformat(v), _XSD + "double": float, _XSD + "float": float,
            _XSD + "decimal": Decimal, _XSD + "dateTime": lambda v: dt.datetime.fromisoformat(v.replace("Z", "+00:00")),
            _XSD + "boolean": lambda v: {"true": True, "1": True, "false": False, "0": False}[v],
            **{t: int for t in _INTEGERS}}


def term_value(term: Any) -> Any:
    """A pyoxigraph term as the plain Python value query rows carry (the same values rdflib's toPython gives)."""
    if term is None:
        return None
    datatype = getattr(term, "datatype", None)
    if datatype is None:  # an IRI or a blank node
        return term.value
    convert = _CONVERT.get(datatype.value)
    if convert is None:
        return term.value
    try:
        return convert(term.value)
    except (ValueError, KeyError, ArithmeticError):
        return term.value  # an ill-typed literal: its text, as rdflib gives it


def _remove_all(store, quads: list, chunk: int = 5000) -> None:
    """Remove many default-graph quads in a few write transactions, not one per quad."""
    for i in range(0, len(quads), chunk):
        triples = " ".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads[i:i + chunk])
        store.update(f"DELETE DATA {{ {triples} }}")


def _diff(now: list, wanted: list, stale: list, fresh: list) -> None:
    have, want = set(now), set(wanted)
    stale += [q for q in now if q not in want]
    fresh += [q for q in wanted if q not in have]


class OxigraphView(EmbeddedView):
    """Backend `sparql`: Oxigraph embedded in the store directory, SPARQL 1.1 through rdflib."""

    name = "embedded-sparql"
    language = "sparql"

    def __init__(self, store_path: Path, lock: Any = None):
        super().__init__(lock)
        self.store_path = Path(store_path)
        self._marker = GenerationMarker(Path(store_path) / GENERATION_FILE, Path(store_path) / DB_DIR, "SPARQL")
        self.db_path = self.store_path / DB_DIR
        self._compacted = GenerationMarker(Path(store_path) / COMPACTED_FILE, Path(store_path) / DB_DIR, "SPARQL")
        self._ox = None
        self._graph = None

    def _open(self):
        if self._ox is None:
            try:
                import pyoxigraph as ox
            except ImportError:
                raise MissingDependency("the embedded SPARQL engine needs Oxigraph: pip install pyoxigraph oxrdflib") from None
            try:
                self._ox = ox.Store.read_only(str(self.db_path)) if self.read_only else ox.Store(str(self.db_path))
            except OSError as exc:
                raise StoreError(f"cannot open the SPARQL view {self.db_path}: {exc}") from None
            self._opened()
        return self._ox

    _engine = _open

    def close(self) -> None:
        if self._ox is not None and not self.read_only:
            self._ox.flush()
        self._ox = self._graph = None
        # Oxigraph releases its on-disk lock only when the last reference to the store is gone.
        gc.collect()

    @property
    def rdflib_graph(self):
        """The view as an rdflib Graph (read it; write through the store)."""
        with self.reading():
            self._open()
        if self._graph is None:
            # made on first use, not in _open: oxrdflib loads rdflib's SPARQL parser (~0.1 s), and queries
            # and updates go to pyoxigraph itself
            try:
                from oxrdflib import OxigraphStore
                from rdflib import Graph
                from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
            except ImportError:
                raise MissingDependency("the embedded SPARQL engine needs Oxigraph: pip install pyoxigraph oxrdflib") from None
            self._graph = Graph(store=OxigraphStore(store=self._ox), identifier=DATASET_DEFAULT_GRAPH_ID)
            for prefix, namespace in PREFIXES.items():
                self._graph.bind(prefix, namespace)
        return self._graph

    def query(self, text: str, params: dict[str, Any] | None = None) -> QueryResult:
        check_sparql(text)
        with self.reading():
            return self._query(text, params)

    def _query(self, text: str, params: dict[str, Any] | None) -> QueryResult:
        """Run a query on Oxigraph itself (the view's prefixes are known), values converted straight from its terms."""
        import pyoxigraph as ox

        store = self._open()
        substitutions = {ox.Variable(k): to_oxigraph(v if isinstance(v, (URIRef, Literal)) else Literal(v))
                         for k, v in (params or {}).items() if v is not None}
        try:
            result = store.query(text, prefixes=_PREFIX_IRIS, substitutions=substitutions or None)
            if isinstance(result, ox.QueryBoolean):
                return QueryResult(["ask"], [[bool(result)]])
            if isinstance(result, ox.QueryTriples):
                return QueryResult(["subject", "predicate", "object"],
                                   [[term_value(t.subject), term_value(t.predicate), term_value(t.object)] for t in result])
            columns = [v.value for v in result.variables]
            width = range(len(columns))
            rows = [[term_value(solution[i]) for i in width] for solution in result]
        except (SyntaxError, ValueError, OSError, NotImplementedError) as exc:
            raise QueryError(one_line(exc)) from None
        return QueryResult(columns, rows)

    def quads(self) -> Iterator:
        """Every quad the view holds, as committed now."""
        with self.reading():
            return iter(list(self._open().quads_for_pattern(None, None, None)))

    # -- keeping in step
    def generation(self) -> int:
        return self._marker.read()

    def rebuild(self, nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord], generation: int) -> None:
        self.close()
        self._marker.clear()
        (self.store_path / "rdf.generation").unlink(missing_ok=True)  # the marker of the layout before the ontology
        if self.db_path.exists():
            shutil.rmtree(self.db_path)
        store = self._open()
        store.bulk_extend(_ox_quads(ontology_triples()))  # the ontology goes with the data, as in the exports
        store.bulk_extend(_ox_quads(view_triples(nodes, edges)))
        self._ox.flush()  # on disk before the marker says so
        self._marker.write(generation)
        self._compacted.clear()

    def compact_if_grown(self, articles: int) -> bool:
        """Compact the view's files if the store holds half as many articles again as when they were last
        compacted (or they never were); the caller holds the store exclusively. True if it compacted.

        Every batch's write ends with a flush and the view is closed right after it, so RocksDB's own
        compaction seldom runs and its sorted files pile up; every look-up of a query then reads each of
        them (at 2,000 articles the filtered named queries took a third longer). A compaction rewrites the
        whole view, so it comes when the store has grown by half: a constant cost an article, not the
        store's size every ingest."""
        last = self._compacted.read()
        if not self.db_path.exists() or (last >= 0 and articles * 2 < last * 3):
            return False
        with self.writing():
            self._open().optimize()
            self._ox.flush()
        self._compacted.write(articles)
        return True

    def apply(self, changes: ChangeSet, generation: int) -> None:
        self._marker.check_next(generation)
        import pyoxigraph as ox

        store = self._open()
        for edge_id, rel_type, src, dst in changes.deleted_edges:
            self._remove_edge(store, edge_id, rel_type, src, dst)
        for node_id, _label in changes.deleted_nodes:
            node = ox.NamedNode(str(iri(node_id)))
            for quad in list(store.quads_for_pattern(node, None, None)) + list(store.quads_for_pattern(None, None, node)):
                store.remove(quad)
        # Differences only: of each changed record, the triples it lost go and the ones it gained come; a
        # meeting that gained a source gets one triple, not all of its own again.
        stale, fresh = [], []
        node_predicates = {str(p) for p in NODE_PREDICATES}
        for node in changes.nodes:  # the node's own properties; its relationships are edges
            subject = ox.NamedNode(str(iri(node.id)))
            now = [q for q in store.quads_for_pattern(subject, None, None) if q.predicate.value in node_predicates]
            _diff(now, list(_ox_quads(view_triples([node], []))), stale, fresh)
        for edge in changes.edges:
            wanted = list(_ox_quads(view_triples([], [edge])))
            if edge.type in REIFIED_EDGES:
                resource = ox.NamedNode(str(iri(edge.id)))
                _diff(list(store.quads_for_pattern(resource, None, None)), [q for q in wanted if q.subject == resource],
                      stale, fresh)
                wanted = [q for q in wanted if q.subject != resource]
            fresh += wanted  # links between nodes: adding one that is there already changes nothing
        _remove_all(store, stale)
        store.extend(fresh)
        self._ox.flush()  # on disk before the marker says so
        self._marker.write(generation)

    @staticmethod
    def _remove_edge(store, edge_id: str, rel_type: str, src: str, dst: str) -> None:
        import pyoxigraph as ox

        s, d = ox.NamedNode(str(iri(src))), ox.NamedNode(str(iri(dst)))
        if rel_type in DIRECT_EDGES:
            predicate, inverse = DIRECT_EDGES[rel_type]
            store.remove(ox.Quad(d, ox.NamedNode(str(predicate)), s, ox.DefaultGraph()) if inverse
                         else ox.Quad(s, ox.NamedNode(str(predicate)), d, ox.DefaultGraph()))
            return
        cls, to_src, to_dst, shortcut = REIFIED_EDGES[rel_type]
        resource = ox.NamedNode(str(iri(edge_id)))
        for quad in list(store.quads_for_pattern(resource, None, None)) + list(store.quads_for_pattern(None, None, resource)):
            store.remove(quad)
        if shortcut is None:
            return
        if rel_type == "SOURCED_FROM":
            # prov:wasDerivedFrom stays while another derivation still links the fact to the same article.
            qualified, entity = ox.NamedNode(str(PROV.qualifiedDerivation)), ox.NamedNode(str(PROV.entity))
            if any(any(True for _ in store.quads_for_pattern(q.object, entity, d)) for q in store.quads_for_pattern(s, qualified, None)):
                return
        store.remove(ox.Quad(s, ox.NamedNode(str(shortcut)), d, ox.DefaultGraph()))
