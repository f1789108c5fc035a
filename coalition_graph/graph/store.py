"""The store: one directory, one source of truth (SQLite), and query engines that are views of it.

    coalition-store/
      facts.sqlite      articles, every claim each article makes, evidence, and the merged graph
      cypher/           LadybugDB view (embedded Cypher)
      rdf/              Oxigraph view (embedded SPARQL)
      *.generation      which state of the source of truth each view reflects

An ingest commits whole articles in batches, one SQLite transaction a batch, then
brings the views in step. A view that is behind (a crash, Ctrl-C, an engine
upgrade) is rebuilt from the source of truth the next time it is opened, so a
store never holds half an article and never loses what it committed.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import sys
from collections import defaultdict
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from coalition_graph.util import chunks
from coalition_graph.errors import CoalitionError, StoreError, StoreNotFound
from coalition_graph.graph.lock import StoreLock
from coalition_graph.graph.records import ChangeSet, EdgeRecord, NodeRecord, props_from_json, props_to_json
from coalition_graph.schema.graph_schema import REFERENCE_KINDS

if TYPE_CHECKING:  # the models (pydantic), merging and readers load when an ingest needs them: queries start fast
    from coalition_graph.graph.merge import Claim, ResolutionIndex
    from coalition_graph.loaders.readers import InputProblem
    from coalition_graph.schema.models import Article, ArticleFacts

SCHEMA_VERSION = 2  # 2: `folded` on nodes and edges; reference kinds (graph_schema.REFERENCE_KINDS) list no sources
FACTS_DB = "facts.sqlite"
LOCK_FILE = "store.lock"

_DDL = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles(
    id TEXT PRIMARY KEY, node_id TEXT NOT NULL, url TEXT, title TEXT, publisher TEXT, published TEXT,
    text TEXT NOT NULL, digest TEXT NOT NULL, seq INTEGER NOT NULL, ingested_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS claims(
    fact_id TEXT NOT NULL, article_id TEXT NOT NULL, kind TEXT NOT NULL, label TEXT NOT NULL,
    src TEXT, src_label TEXT, dst TEXT, dst_label TEXT, props TEXT NOT NULL,
    PRIMARY KEY(fact_id, article_id));
CREATE INDEX IF NOT EXISTS claims_by_article ON claims(article_id);
CREATE TABLE IF NOT EXISTS evidence(
    fact_id TEXT NOT NULL, article_id TEXT NOT NULL, sentence TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, rule TEXT NOT NULL,
    PRIMARY KEY(fact_id, article_id, start, rule));
CREATE TABLE IF NOT EXISTS nodes(id TEXT PRIMARY KEY, label TEXT NOT NULL, props TEXT NOT NULL, folded TEXT);
CREATE INDEX IF NOT EXISTS nodes_by_label ON nodes(label);
CREATE TABLE IF NOT EXISTS edges(
    id TEXT PRIMARY KEY, type TEXT NOT NULL, src TEXT NOT NULL, src_label TEXT NOT NULL,
    dst TEXT NOT NULL, dst_label TEXT NOT NULL, props TEXT NOT NULL, folded TEXT);
CREATE INDEX IF NOT EXISTS edges_by_src ON edges(src);
CREATE INDEX IF NOT EXISTS edges_by_dst ON edges(dst);
"""

Extractor = Callable[["Article"], "ArticleFacts"]
ChangeSink = Callable[[ChangeSet], None]


@dataclass
class IngestReport:
    read: int = 0          # articles read from the inputs
    added: int = 0         # new articles
    updated: int = 0       # articles seen before whose text changed
    unchanged: int = 0     # articles seen before, same text: nothing to do
    problems: list[InputProblem] = field(default_factory=list)
    warnings: list[InputProblem] = field(default_factory=list)  # articles ingested without a field (a bad date)
    nodes_changed: int = 0
    edges_changed: int = 0

    def summary(self) -> str:
        return (f"{self.read} articles read: {self.added} added, {self.updated} updated, {self.unchanged} unchanged; "
                f"{self.nodes_changed} nodes and {self.edges_changed} relationships written"
                + (f"; {len(self.problems)} inputs skipped" if self.problems else ""))


@dataclass
class Explanation:
    id: str
    kind: str  # node | edge
    label: str
    props: dict[str, Any]
    src: str | None
    dst: str | None
    evidence: list[dict[str, Any]]
    sources: list[str] = field(default_factory=list)  # the articles whose claims made it, oldest first


def _migrate_from_1(conn: sqlite3.Connection) -> None:
    """Schema 1 → 2: reference records lose their `sources` list; the views, one generation behind, are rebuilt."""
    kinds = sorted(REFERENCE_KINDS)
    marks = ",".join("?" * len(kinds))
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table in ("nodes", "edges"):
            columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            if "folded" not in columns:
                conn.execute(f"ALTER TABLE {table} ADD COLUMN folded TEXT")  # NULL: re-merged in full when next touched
        conn.execute(f"UPDATE nodes SET props = json_remove(props, '$.sources') WHERE label IN ({marks})", kinds)
        conn.execute(f"UPDATE edges SET props = json_remove(props, '$.sources') WHERE type IN ({marks})", kinds)
        conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='generation'")
        conn.execute("UPDATE meta SET value = ? WHERE key='schema_version'", (str(SCHEMA_VERSION),))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _order_key(published: str | None, seq: int) -> str:
    """Where an article's claims come in the fold: oldest publication first, then ingest order."""
    return f"{published or '9999-12-31'}#{seq:012d}"


def _digest(article: Article) -> str:
    payload = json.dumps(article.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()


class Store:
    """A store directory. Open with `Store.open(path)`; use as a context manager to close it."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self._conn = conn
        self._views: dict[str, Any] = {}
        self._lock = StoreLock(path / LOCK_FILE)

    # ------------------------------------------------------------ lifecycle
    @classmethod
    def open(cls, path: str | Path, *, create: bool = False) -> "Store":
        path = Path(path)
        db = path / FACTS_DB
        if not db.exists():
            if not create:
                raise StoreNotFound(f"no store at {path} (run `coalition ingest … --store {path}` first)")
            if path.exists() and not path.is_dir():
                raise StoreError(f"{path} exists and is not a directory")
            if path.is_dir() and any(path.iterdir()):
                # The views are rebuilt by deleting their files: never do that in someone else's folder.
                raise StoreError(f"{path} is a folder with other files in it, not a store: give a new or empty folder")
            try:
                path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the store at {path}: {exc.strerror}") from None
        try:
            conn = sqlite3.connect(db, isolation_level=None, timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.executescript(_DDL)
            version = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            if version is None:
                conn.execute("INSERT INTO meta VALUES ('schema_version', ?), ('generation', '0')", (str(SCHEMA_VERSION),))
            elif int(version[0]) == 1:
                _migrate_from_1(conn)
            elif int(version[0]) != SCHEMA_VERSION:
                raise StoreError(f"store {path} has schema version {version[0]}, this coalition-graph reads {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the store at {path}: {exc}") from None
        return cls(path, conn)

    @classmethod
    def create(cls, path: str | Path) -> "Store":
        return cls.open(path, create=True)

    def close(self) -> None:
        for view in self._views.values():
            view.close()
        self._views.clear()
        self._conn.close()
        self._lock.release()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def generation(self) -> int:
        return int(self._conn.execute("SELECT value FROM meta WHERE key='generation'").fetchone()[0])

    # ------------------------------------------------------------ ingest
    def ingest(
        self,
        inputs: Iterable[str | Path | Article],
        *,
        strict: bool = False,
        progress: bool | None = None,
        batch_size: int = 100,
        extractor: Extractor | None = None,
        sinks: Sequence[ChangeSink] = (),
        stdin: Any = None,
    ) -> IngestReport:
        """Read, extract and store articles; re-ingesting an article changes nothing.

        `inputs` are paths (files, folders, '-' for stdin) or `Article` objects. Problems with
        single inputs are collected in the report and skipped; with `strict` the first one
        raises (after committing the whole articles read before it).
        """
        if extractor is None:
            from coalition_graph.loaders.extract import extract_facts as extractor
        from coalition_graph.loaders.extract import parallel

        try:
            # Not locked as a whole: each batch holds the store exclusively only while it commits
            # and brings the views in step, so queries run between batches.
            return self._ingest(inputs, strict, progress, batch_size, extractor, sinks, stdin)
        finally:
            # workers forked while the store was open hold its files (and its lock): they end with the ingest
            parallel.shutdown()

    def _ingest(self, inputs, strict, progress, batch_size, extractor, sinks, stdin) -> IngestReport:
        report = IngestReport()
        views = self._open_views()
        with self._lock.reading():
            index = self._resolution_index()
        bar = _progress_bar(progress)
        batch: list[Article] = []
        where: dict[str, tuple[str, int | None]] = {}  # article id → its input, for a problem in extraction
        try:
            for item in _items(inputs, stdin):
                if item.problem is not None:
                    report.problems.append(item.problem)
                    if strict:
                        break
                    continue
                report.read += 1
                report.warnings.extend(item.warnings)
                batch.append(item.article)
                where[item.article.id] = (item.path or f"article {item.article.id}", item.line)
                if len(batch) >= batch_size:
                    self._ingest_batch(batch, extractor, report, views, index, sinks, where)
                    bar.update(len(batch))
                    batch, where = [], {}
                    if strict and report.problems:
                        break
            if batch:  # with strict: the whole articles read before the problem are committed
                self._ingest_batch(batch, extractor, report, views, index, sinks, where)
                bar.update(len(batch))
        finally:
            bar.close()
        if strict and report.problems:
            raise report.problems[0].error()
        return report

    def _ingest_batch(self, articles: list[Article], extractor: Extractor, report: IngestReport,
                      views: list[Any], index: ResolutionIndex, sinks: Sequence[ChangeSink],
                      where: dict[str, tuple[str, int | None]] | None = None) -> None:
        # The same id twice in one batch: the later version is the article (as it would be across batches).
        latest = {article.id: article for article in articles}
        report.unchanged += len(articles) - len(latest)
        known = self._known_digests(list(latest))
        todo: list[tuple[Article, str, bool]] = []
        for article in latest.values():
            digest = _digest(article)
            if known.get(article.id) == digest:
                report.unchanged += 1
                continue
            todo.append((article, digest, article.id in known))
        if not todo:
            return
        # Extraction is pure and may be slow: do it before the write transaction opens, on every core where
        # the extractor is the built-in one.
        from coalition_graph.loaders.extract import extract_facts
        from coalition_graph.loaders.extract.parallel import extract_many
        from coalition_graph.loaders.extract.time_limit import OverTime
        from coalition_graph.loaders.readers import InputProblem

        if extractor is extract_facts:
            facts = extract_many([article for article, _, _ in todo])
        else:
            facts = [extractor(article) for article, _, _ in todo]
        extracted = []
        for f, (article, digest, existed) in zip(facts, todo):
            if isinstance(f, OverTime):  # one reported problem; a version stored before stays as it was
                path, line = (where or {}).get(article.id, (f"article {article.id}", None))
                report.problems.append(InputProblem(path, line, f.message()))
                continue
            extracted.append((f, digest, existed))
        if not extracted:
            return
        with self._lock.exclusive():
            changes = self._commit(extracted, index)
            for view in views:
                with view.writing():
                    view.apply(changes, self.generation)
        report.added += sum(1 for _, _, existed in extracted if not existed)
        report.updated += sum(1 for _, _, existed in extracted if existed)
        report.nodes_changed += len(changes.nodes) + len(changes.deleted_nodes)
        report.edges_changed += len(changes.edges) + len(changes.deleted_edges)
        for sink in sinks:
            try:
                sink(changes)
            except CoalitionError as exc:
                raise type(exc)(f"{exc} — the store has these articles; run `coalition push` to bring the server up to date") from None

    def _known_digests(self, article_ids: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for chunk in chunks(article_ids, 500):
            marks = ",".join("?" * len(chunk))
            found.update(self._conn.execute(f"SELECT id, digest FROM articles WHERE id IN ({marks})", chunk).fetchall())
        return found

    def _commit(self, extracted: list[tuple[ArticleFacts, str, bool]], index: ResolutionIndex) -> ChangeSet:
        """One transaction: the batch's articles, claims and evidence, and the merged records they touch."""
        from coalition_graph.graph.merge import article_claims

        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            new_claims: dict[str, list[tuple[str, Claim]]] = defaultdict(list)
            refold: set[str] = set()  # records an updated article spoke about: re-merged from all their claims
            seq = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]
            now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
            for facts, digest, existed in extracted:
                art = facts.article
                if existed:
                    refold.update(r[0] for r in conn.execute("SELECT fact_id FROM claims WHERE article_id=?", (art.id,)))
                    conn.execute("DELETE FROM claims WHERE article_id=?", (art.id,))
                    conn.execute("DELETE FROM evidence WHERE article_id=?", (art.id,))
                seq += 1
                claims = article_claims(facts, index)
                published = art.published.isoformat() if art.published else None
                conn.execute(
                    "INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (art.id, claims[0].fact_id, art.url, art.title, art.publisher, published, art.text, digest, seq, now),
                )
                self._insert_claims(art.id, claims)
                key = _order_key(published, seq)
                for claim in claims:
                    new_claims[claim.fact_id].append((key, claim))
            changes = self._fold(new_claims, refold)
            conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='generation'")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return changes

    def _insert_claims(self, article_id: str, claims: list[Claim]) -> None:
        self._conn.executemany(
            "INSERT OR REPLACE INTO claims VALUES (?,?,?,?,?,?,?,?,?)",
            [(c.fact_id, article_id, c.kind, c.label, c.src, c.src_label, c.dst, c.dst_label, props_to_json(c.props)) for c in claims],
        )
        self._conn.executemany(
            "INSERT OR IGNORE INTO evidence VALUES (?,?,?,?,?,?)",
            [(c.fact_id, article_id, e.sentence, e.start, e.end, e.rule) for c in claims for e in c.evidence],
        )

    def _resolution_index(self) -> ResolutionIndex:
        from coalition_graph.graph.merge import ResolutionIndex

        meetings = ((i, json.loads(p)) for i, p in self._conn.execute("SELECT id, props FROM nodes WHERE label='Meeting'"))
        # A meeting's format is kept on its claims, not in the node props: take it from the IN_FORMAT edge.
        formats = dict(self._conn.execute("SELECT src, dst FROM edges WHERE type='IN_FORMAT'").fetchall())
        meetings = [(i, {**p, "format": formats.get(i, "").removeprefix("org/") or None}) for i, p in meetings]
        pledges = self._conn.execute(
            "SELECT n.id, e.src, n.props FROM nodes n JOIN edges e ON e.dst = n.id AND e.type = 'PLEDGED' WHERE n.label='Pledge'")
        return ResolutionIndex(meetings, ((i, d, json.loads(p)) for i, d, p in pledges))

    def _fold(self, new_claims: dict[str, list[tuple[str, Claim]]], refold: set[str]) -> ChangeSet:
        """Bring the merged records of the batch's claims up to date, at the cost of what the batch adds.

        A new claim that comes after every claim already folded into its record (the usual case: a newly
        ingested article) is folded onto the stored record; the record's other claims are not read. Where
        it would come earlier (an article published before the ones seen so far), or an article changed,
        the record is merged again from all its claims in order.
        """
        from coalition_graph.graph.merge import fold_props

        changes = ChangeSet()
        conn = self._conn
        for chunk in chunks(sorted(new_claims.keys() | refold), 500):
            marks = ",".join("?" * len(chunk))
            stored = {row[0]: row[1:] for row in conn.execute(
                f"SELECT id, props, folded FROM nodes WHERE id IN ({marks}) "
                f"UNION ALL SELECT id, props, folded FROM edges WHERE id IN ({marks})", chunk + chunk)}
            in_full = []
            for fact_id in chunk:
                new = sorted(new_claims.get(fact_id, ()), key=lambda item: item[0])
                old_text, folded = stored.get(fact_id, (None, None))
                if fact_id in refold or (old_text is not None and (folded is None or new[0][0] <= folded)):
                    in_full.append(fact_id)
                    continue
                first = new[0][1]
                props = [json.loads(old_text)] if old_text is not None else []
                props += [json.loads(props_to_json(claim.props)) for _, claim in new]
                self._store_record(changes, fact_id, first.kind, first.label, first.src, first.src_label, first.dst,
                                   first.dst_label, fold_props(first.label, props), new[-1][0], old_text)
            if in_full:
                self._remerge(in_full, {i: stored[i][0] for i in in_full if i in stored}, changes)
        return changes

    def _remerge(self, fact_ids: list[str], old_texts: dict[str, str], changes: ChangeSet) -> None:
        """Merge the records of `fact_ids` again from all their claims, oldest article first."""
        from coalition_graph.graph.merge import fold_props

        conn = self._conn
        marks = ",".join("?" * len(fact_ids))
        old_nodes = dict(conn.execute(f"SELECT id, label FROM nodes WHERE id IN ({marks})", fact_ids).fetchall())
        old_edges = {r[0]: r for r in conn.execute(f"SELECT id, type, src, dst FROM edges WHERE id IN ({marks})", fact_ids)}
        rows = conn.execute(
            f"""SELECT c.fact_id, c.kind, c.label, c.src, c.src_label, c.dst, c.dst_label, c.props, a.published, a.seq
                FROM claims c JOIN articles a ON a.id = c.article_id
                WHERE c.fact_id IN ({marks})
                ORDER BY c.fact_id, COALESCE(a.published, '9999-12-31'), a.seq""", fact_ids).fetchall()
        grouped: dict[str, list[tuple]] = defaultdict(list)
        for row in rows:
            grouped[row[0]].append(row)
        for fact_id in fact_ids:
            claims = grouped.get(fact_id)
            if not claims:
                if fact_id in old_nodes:
                    conn.execute("DELETE FROM nodes WHERE id=?", (fact_id,))
                    changes.deleted_nodes.append((fact_id, old_nodes[fact_id]))
                elif fact_id in old_edges:
                    conn.execute("DELETE FROM edges WHERE id=?", (fact_id,))
                    changes.deleted_edges.append(old_edges[fact_id])
                continue
            _, kind, label, src, src_label, dst, dst_label, *_ = claims[0]
            merged = fold_props(label, [json.loads(c[7]) for c in claims])
            self._store_record(changes, fact_id, kind, label, src, src_label, dst, dst_label, merged,
                               _order_key(claims[-1][8], claims[-1][9]), old_texts.get(fact_id))

    def _store_record(self, changes: ChangeSet, fact_id: str, kind: str, label: str, src: str | None,
                      src_label: str | None, dst: str | None, dst_label: str | None, merged: dict[str, Any],
                      folded: str, old_text: str | None) -> None:
        table = "nodes" if kind == "node" else "edges"
        text = props_to_json(merged)
        if old_text == text:
            # nothing new about it (a country named again): the views need no write, only the fold mark moves
            self._conn.execute(f"UPDATE {table} SET folded=? WHERE id=?", (folded, fact_id))
        elif kind == "node":
            self._conn.execute("INSERT OR REPLACE INTO nodes(id, label, props, folded) VALUES (?,?,?,?)",
                               (fact_id, label, text, folded))
            changes.nodes.append(NodeRecord(fact_id, label, props_from_json(text)))
        else:
            self._conn.execute("INSERT OR REPLACE INTO edges(id, type, src, src_label, dst, dst_label, props, folded) "
                               "VALUES (?,?,?,?,?,?,?,?)", (fact_id, label, src, src_label, dst, dst_label, text, folded))
            changes.edges.append(EdgeRecord(fact_id, label, src, src_label, dst, dst_label, props_from_json(text)))

    # ------------------------------------------------------------ reading
    def iter_nodes(self, labels: Iterable[str] | None = None) -> Iterator[NodeRecord]:
        sql, args = "SELECT id, label, props FROM nodes", []
        if labels is not None:
            labels = list(labels)
            sql += f" WHERE label IN ({','.join('?' * len(labels))})"
            args = labels
        with closing(self._conn.execute(sql + " ORDER BY label, id", args)) as cur:
            for node_id, label, props in cur:
                yield NodeRecord(node_id, label, props_from_json(props))

    def iter_edges(self, types: Iterable[str] | None = None) -> Iterator[EdgeRecord]:
        sql, args = "SELECT id, type, src, src_label, dst, dst_label, props FROM edges", []
        if types is not None:
            types = list(types)
            sql += f" WHERE type IN ({','.join('?' * len(types))})"
            args = types
        with closing(self._conn.execute(sql + " ORDER BY type, id", args)) as cur:
            for edge_id, rel_type, src, src_label, dst, dst_label, props in cur:
                yield EdgeRecord(edge_id, rel_type, src, src_label, dst, dst_label, props_from_json(props))

    def counts(self) -> dict[str, int]:
        out = dict(self._conn.execute("SELECT label, COUNT(*) FROM nodes GROUP BY label").fetchall())
        out.update(dict(self._conn.execute("SELECT type, COUNT(*) FROM edges GROUP BY type").fetchall()))
        out["articles"] = self._conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        return out

    def verify(self, views: bool = True) -> list[str]:
        """Problems in the source of truth (an article without its claims, a record that is not the merge of
        its claims) and, with `views`, every difference between it and the Cypher and SPARQL views."""
        from coalition_graph.graph.merge import fold_props

        problems = []
        if views:
            from coalition_graph.graph.view_check import view_problems

            problems += view_problems(self)
        orphans = self._conn.execute(
            "SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id AND c.fact_id = a.node_id)").fetchall()
        problems += [f"article {a} has no claims" for (a,) in orphans]
        stray = self._conn.execute("SELECT DISTINCT article_id FROM claims WHERE article_id NOT IN (SELECT id FROM articles)").fetchall()
        problems += [f"claims of unknown article {a}" for (a,) in stray]
        claims: dict[str, list] = defaultdict(list)
        rows = self._conn.execute(
            "SELECT c.fact_id, c.label, c.props FROM claims c JOIN articles a ON a.id = c.article_id "
            "ORDER BY c.fact_id, COALESCE(a.published, '9999-12-31'), a.seq")
        for fact_id, label, props in rows:
            claims[fact_id].append((label, json.loads(props)))
        stored = {i: json.loads(p) for i, p in self._conn.execute("SELECT id, props FROM nodes UNION ALL SELECT id, props FROM edges")}
        for fact_id, items in claims.items():
            merged = json.loads(props_to_json(fold_props(items[0][0], [p for _, p in items])))
            if stored.get(fact_id) != merged:
                problems.append(f"{fact_id} is not the merge of its claims")
        problems += [f"{i} has no claims" for i in stored.keys() - claims.keys()]
        return problems

    def articles(self) -> Iterator[Article]:
        from coalition_graph.schema.models import Article

        with closing(self._conn.execute("SELECT id, url, title, publisher, published, text FROM articles ORDER BY seq")) as cur:
            for aid, url, title, publisher, published, text in cur:
                yield Article(id=aid, url=url, title=title, publisher=publisher,
                              published=dt.date.fromisoformat(published) if published else None, text=text)

    def evidence(self, fact_id: str) -> list[dict[str, Any]]:
        """The sentences that support a node or edge, with their article and the rule that read them."""
        rows = self._conn.execute(
            """SELECT e.sentence, e.start, e."end", e.rule, a.id, a.url, a.title, a.publisher, a.published
               FROM evidence e JOIN articles a ON a.id = e.article_id
               WHERE e.fact_id = ? ORDER BY COALESCE(a.published, '9999-12-31'), a.seq, e.start""", (fact_id,)).fetchall()
        keys = ("sentence", "start", "end", "rule", "article_id", "url", "title", "publisher", "published")
        return [dict(zip(keys, row)) for row in rows]

    def sources(self, fact_id: str) -> list[str]:
        """The articles (URL, else id) that say something about a node or edge, oldest first: for reference
        kinds, which keep no `sources` list, the provenance aggregated from their claims when asked."""
        rows = self._conn.execute(
            """SELECT COALESCE(a.url, a.id) FROM claims c JOIN articles a ON a.id = c.article_id
               WHERE c.fact_id = ? ORDER BY COALESCE(a.published, '9999-12-31'), a.seq""", (fact_id,))
        return list(dict.fromkeys(url for (url,) in rows))

    def explain(self, fact_id: str) -> Explanation:
        from coalition_graph.errors import NotFound

        row = self._conn.execute("SELECT label, props FROM nodes WHERE id=?", (fact_id,)).fetchone()
        if row is not None:
            return Explanation(fact_id, "node", row[0], props_from_json(row[1]), None, None, self.evidence(fact_id),
                               self.sources(fact_id))
        row = self._conn.execute("SELECT type, src, dst, props FROM edges WHERE id=?", (fact_id,)).fetchone()
        if row is not None:
            return Explanation(fact_id, "edge", row[0], props_from_json(row[3]), row[1], row[2], self.evidence(fact_id),
                               self.sources(fact_id))
        raise NotFound(f"no node or relationship with id {fact_id!r} in {self.path}")

    def networkx(self):
        """The whole graph in memory as a networkx MultiDiGraph (for analytics and exports)."""
        from coalition_graph.graph.nx_view import to_networkx

        return to_networkx(self.iter_nodes(), self.iter_edges())

    # ------------------------------------------------------------ views
    @property
    def cypher(self):
        """The embedded Cypher engine (LadybugDB), in step with the source of truth."""
        return self._view("cypher")

    @property
    def sparql(self):
        """The embedded SPARQL engine (Oxigraph through rdflib), in step with the source of truth."""
        return self._view("sparql")

    def backend(self, language: str):
        if language not in ("cypher", "sparql"):
            raise CoalitionError(f"unknown query language {language!r}: use cypher or sparql")
        return self._view(language)

    def _view(self, name: str):
        if name not in self._views:
            if name == "cypher":
                from coalition_graph.graph.cypher_view import LadybugView as view_class
            else:
                from coalition_graph.graph.sparql_view import OxigraphView as view_class
            self._views[name] = view_class(self.path, lock=self._lock)
        view = self._views[name]
        if view.generation() != self.generation:
            # Behind the source of truth (a crash, an upgrade), or a writer is between its commit and its
            # view update: wait for the store alone, and rebuild if it is still behind.
            with self._lock.exclusive():
                if view.generation() != self.generation:
                    with view.writing():
                        view.rebuild(self.iter_nodes(), self.iter_edges(), self.generation)
        return view

    def _open_views(self) -> list[Any]:
        """Views to keep in step on ingest: every view that exists on disk (or is open)."""
        from coalition_graph.graph.cypher_view import LadybugView
        from coalition_graph.graph.sparql_view import OxigraphView

        for name, view_class in (("cypher", LadybugView), ("sparql", OxigraphView)):
            if name not in self._views:
                self._view(name)
        return list(self._views.values())

    def reindex(self, views: Iterable[str] = ("cypher", "sparql")) -> dict[str, int]:
        """Rebuild the views from the source of truth (after an engine upgrade, or to repair)."""
        done = {}
        for name in views:
            view = self.backend(name)
            with self._lock.exclusive(), view.writing():
                view.rebuild(self.iter_nodes(), self.iter_edges(), self.generation)
                done[name] = self.generation
        return done

    def reextract(self, extractor: Extractor | None = None, progress: bool | None = None) -> IngestReport:
        """Run extraction again over every stored article (after the extractor improved)."""
        if extractor is None:
            from coalition_graph.loaders.extract import extract_facts as extractor
        with self._conn:
            self._conn.execute("UPDATE articles SET digest = 'stale'")
        return self.ingest(list(self.articles()), extractor=extractor, progress=progress)


def _items(inputs: Iterable[str | Path | Article], stdin: Any):
    from coalition_graph.loaders.readers import read_inputs
    from coalition_graph.schema.models import Article

    from coalition_graph.loaders.readers import ReadItem

    paths: list[str | Path] = []
    for item in inputs:
        if isinstance(item, Article):
            if paths:
                yield from read_inputs(paths, stdin)
                paths = []
            yield ReadItem(article=item)
        else:
            paths.append(item)
    if paths:
        yield from read_inputs(paths, stdin)



class _NoBar:
    def update(self, n: int) -> None: ...

    def close(self) -> None: ...


def _progress_bar(progress: bool | None):
    """A progress bar on stderr for ingests that take more than a moment; off when stderr is not a terminal."""
    if progress is False or (progress is None and not sys.stderr.isatty()):
        return _NoBar()
    from tqdm import tqdm

    return tqdm(unit=" articles", file=sys.stderr, delay=1.0, leave=False)
