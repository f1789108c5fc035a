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
import zlib
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

# 2: `folded` on nodes and edges; reference kinds (graph_schema.REFERENCE_KINDS) list no sources.
# 3: articles resolved and folded in `article_order_key` order (not ingest order); facts and resolutions kept
#    per article; canonical URL and text key of each article, to recognise duplicates.
SCHEMA_VERSION = 3
FACTS_DB = "facts.sqlite"
LOCK_FILE = "store.lock"

_DDL = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles(
    id TEXT PRIMARY KEY, node_id TEXT NOT NULL, url TEXT, title TEXT, publisher TEXT, published TEXT,
    text TEXT NOT NULL, digest TEXT NOT NULL, seq INTEGER NOT NULL, ingested_at TEXT NOT NULL,
    order_key TEXT, canonical_url TEXT, text_key TEXT);
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
-- The facts of every article that names a meeting or a pledge (without the article, which is in `articles`):
-- what it takes to resolve that article again when an older article arrives after it.
CREATE TABLE IF NOT EXISTS facts(article_id TEXT PRIMARY KEY, order_key TEXT NOT NULL, facts BLOB NOT NULL);  -- zlib'd JSON
CREATE INDEX IF NOT EXISTS facts_by_order ON facts(order_key);
-- The meeting and pledge ids each article created, with the description they are matched against.
CREATE TABLE IF NOT EXISTS resolutions(
    article_id TEXT NOT NULL, pos INTEGER NOT NULL, order_key TEXT NOT NULL, kind TEXT NOT NULL,
    fact_id TEXT NOT NULL, donor TEXT, props TEXT NOT NULL, PRIMARY KEY(article_id, pos));
CREATE INDEX IF NOT EXISTS resolutions_by_order ON resolutions(order_key, pos);
-- What resolving each article (of those in `facts`) looked at (merge.ResolutionIndex.looked): when an older article
-- changes the index, only the later articles that looked at what it changed are resolved again.
-- key: 'm:<month>' or 'p:<donor>' with the description looked up (props), 'mid:<id>' or 'pid:<id>' (an id tried).
CREATE TABLE IF NOT EXISTS lookups(key TEXT NOT NULL, order_key TEXT NOT NULL, article_id TEXT NOT NULL, props TEXT);
CREATE INDEX IF NOT EXISTS lookups_by_key ON lookups(key, order_key);
CREATE INDEX IF NOT EXISTS lookups_by_article ON lookups(article_id);
"""
# On columns a store of schema 2 gains in its migration: created once the migration has run.
_DDL_3 = """
CREATE INDEX IF NOT EXISTS articles_by_order ON articles(order_key);
CREATE INDEX IF NOT EXISTS articles_by_url ON articles(canonical_url);
CREATE INDEX IF NOT EXISTS articles_by_text ON articles(text_key);
"""

Extractor = Callable[["Article"], "ArticleFacts"]
ChangeSink = Callable[[ChangeSet], None]


@dataclass
class IngestReport:
    read: int = 0          # articles read from the inputs
    added: int = 0         # new articles
    updated: int = 0       # articles seen before whose text changed
    unchanged: int = 0     # articles seen before, same text: nothing to do
    duplicates: list[str] = field(default_factory=list)  # articles not stored: another id, the same article
    problems: list[InputProblem] = field(default_factory=list)
    warnings: list[InputProblem] = field(default_factory=list)  # articles ingested without a field (a bad date)
    nodes_changed: int = 0
    edges_changed: int = 0

    def summary(self) -> str:
        from coalition_graph.output import plural

        return (f"{plural(self.read, 'article')} read: {self.added} added, {self.updated} updated, "
                f"{self.unchanged} unchanged; "
                f"{plural(self.nodes_changed, 'node')} and {plural(self.edges_changed, 'relationship')} written"
                + (f"; {plural(len(self.duplicates), 'duplicate')} skipped" if self.duplicates else "")
                + (f"; {plural(len(self.problems), 'input')} skipped" if self.problems else ""))


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
        conn.execute("UPDATE meta SET value = '2' WHERE key='schema_version'")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _add_columns_3(conn: sqlite3.Connection) -> None:
    """Schema 2 → 3, first step: the new article columns (filled by `Store._migrate_to_3`)."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(articles)")}
    for column in ("order_key", "canonical_url", "text_key"):
        if column not in columns:
            conn.execute(f"ALTER TABLE articles ADD COLUMN {column} TEXT")


def _order_key(published: str | None, article_id: str) -> str:
    """Where an article's claims come in resolution and fold: see merge.article_order_key (kept in step)."""
    return f"{published or '9999-12-31'}#{article_id}"


def _digest(article: Article) -> str:
    payload = json.dumps(article.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()


@dataclass
class _Run:
    """One ingest call: the resolution index it keeps between batches, and the store generation it reflects."""

    index: ResolutionIndex
    generation: int
    # Articles a later batch of this run re-extracts (reextract, in article order): a batch's walk does not
    # resolve them again, since their own batch will; that keeps reextract linear in the size of the store.
    pending: set[str] = field(default_factory=set)


def _entry_rows(created: list[tuple[str, str, str | None, dict]]) -> list[tuple[str, str, str | None, str]]:
    """Index entries as the `resolutions` table keeps them (props as JSON text, compared as text)."""
    return [(kind, fact_id, donor, json.dumps(props, sort_keys=True, ensure_ascii=False, default=str))
            for kind, fact_id, donor, props in created]


def _add_entry(index: ResolutionIndex, kind: str, fact_id: str, donor: str | None, props: str) -> None:
    if kind == "meeting":
        index.add_meeting(fact_id, json.loads(props))
    else:
        index.add_pledge(fact_id, donor, json.loads(props))


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
                version = ("2",)
            migrate = version is not None and int(version[0]) == 2
            if migrate:
                _add_columns_3(conn)
            elif version is not None and int(version[0]) != SCHEMA_VERSION:
                raise StoreError(f"store {path} has schema version {version[0]}, this coalition-graph reads {SCHEMA_VERSION}")
            conn.executescript(_DDL_3)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the store at {path}: {exc}") from None
        store = cls(path, conn)
        if migrate:
            store._migrate_to_3()
        return store

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

    def _ingest(self, inputs, strict, progress, batch_size, extractor, sinks, stdin, pending=()) -> IngestReport:
        report = IngestReport()
        views = self._open_views()
        with self._lock.reading():
            run = _Run(self._resolution_index(), self.generation, set(pending))
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
                    self._ingest_batch(batch, extractor, report, views, run, sinks, where)
                    bar.update(len(batch))
                    batch, where = [], {}
                    if strict and report.problems:
                        break
            if batch:  # with strict: the whole articles read before the problem are committed
                self._ingest_batch(batch, extractor, report, views, run, sinks, where)
                bar.update(len(batch))
        finally:
            bar.close()
        if report.added or report.updated:
            self._compact_views(views)
        if strict and report.problems:
            raise report.problems[0].error()
        return report

    def _compact_views(self, views: list[Any]) -> None:
        """After an ingest that wrote: the views that keep their files in a log-structured engine compact them
        once the store has grown enough since they last did (OxigraphView.compact_if_grown)."""
        with self._lock.exclusive():
            articles = self._conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            for view in views:
                compact = getattr(view, "compact_if_grown", None)
                if compact is not None:
                    compact(articles)

    def _ingest_batch(self, articles: list[Article], extractor: Extractor, report: IngestReport,
                      views: list[Any], run: _Run, sinks: Sequence[ChangeSink],
                      where: dict[str, tuple[str, int | None]] | None = None) -> None:
        # The same id twice in one batch: the later version is the article (as it would be across batches).
        latest = {article.id: article for article in articles}
        report.unchanged += len(articles) - len(latest)
        run.pending.difference_update(latest)  # from here on, whatever becomes of them, the walk resolves them
        known = self._known_digests(list(latest))
        todo: list[tuple[Article, str, bool]] = []
        for article in latest.values():
            digest = _digest(article)
            if known.get(article.id) == digest:
                report.unchanged += 1
                continue
            todo.append((article, digest, article.id in known))
        todo = self._without_duplicates(todo, report)
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
            if self.generation != run.generation:  # another process ingested since: its ids count too
                run.index = self._resolution_index()
            changes, run.index = self._commit(extracted, run.index, run.pending)
            run.generation = self.generation
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

    def _without_duplicates(self, todo: list[tuple[Article, str, bool]], report: IngestReport) -> list[tuple[Article, str, bool]]:
        """New articles that are not another stored (or earlier in this batch) article under another id: the same
        canonical URL or the same normalised text. Inside a batch the one first in article order is kept, so which
        one a batch keeps does not depend on the order of its inputs; a stored article is always kept."""
        from coalition_graph.loaders.dedup import canonical_url, text_key

        kept: list[tuple[Article, str, bool]] = []
        by_url: dict[str, str] = {}
        by_text: dict[str, str] = {}

        def order(item: tuple[Article, str, bool]) -> str:
            art = item[0]
            return _order_key(art.published.isoformat() if art.published else None, art.id)

        for item in sorted(todo, key=order):
            art, _, existed = item
            if existed:  # a new version of a stored article: an update, not a duplicate
                kept.append(item)
                continue
            url, key = canonical_url(art.url), text_key(art.text)
            row = self._conn.execute(
                "SELECT id, canonical_url = ? FROM articles WHERE id != ? AND (canonical_url = ? OR text_key = ?) LIMIT 1",
                (url, art.id, url, key)).fetchone()
            if row is None and url in by_url:
                row = (by_url[url], 1)
            elif row is None and key in by_text:
                row = (by_text[key], 0)
            if row is not None:
                why = "the same URL" if row[1] else "the same text"
                report.duplicates.append(f"{art.url or art.id} is article {row[0]} ({why}): not stored again")
                continue
            if url:
                by_url[url] = art.id
            by_text[key] = art.id
            kept.append(item)
        return kept

    def _known_digests(self, article_ids: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for chunk in chunks(article_ids, 500):
            marks = ",".join("?" * len(chunk))
            found.update(self._conn.execute(f"SELECT id, digest FROM articles WHERE id IN ({marks})", chunk).fetchall())
        return found

    def _commit(self, extracted: list[tuple[ArticleFacts, str, bool]], index: ResolutionIndex,
                pending: set[str] = frozenset()) -> tuple[ChangeSet, ResolutionIndex]:
        """One transaction: the batch's articles, claims and evidence, and the merged records they touch.

        Articles are resolved (their meetings and pledges given ids, see merge.article_claims) in article order,
        never in arrival order. The usual batch comes after everything stored: it is resolved against the
        index as it stands. A batch with an article that sorts before stored articles naming meetings or
        pledges (an older article, an edited one) walks those stored articles in order with it: a stored article
        is resolved again from its kept facts only if an entry that changed before it (added, gone, or created by
        an article resolved again differently) can change one of its look-ups (its `lookups`, found by key: an id
        it tried, or a bucket it searched with a description that matches the entry); otherwise its resolution
        cannot have changed and only its ids go into the index. Where the claims of an article resolved again
        differ they are replaced and the records they touch merged again. Stored articles in `pending`
        (a later batch of the same run handles them) are passed over; what comes after them is then resolved
        again, as their ids are missing from the index.
        Returns the changes and the index after the batch.
        """
        from coalition_graph.graph.merge import ResolutionIndex, article_claims
        from coalition_graph.loaders.dedup import canonical_url, text_key

        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            new_claims: dict[str, list[tuple[str, Claim]]] = defaultdict(list)
            refold: set[str] = set()  # records whose claims changed other than by new claims: merged again in full
            seq = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]
            now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
            batch = []
            for facts, digest, existed in extracted:
                art = facts.article
                key = _order_key(art.published.isoformat() if art.published else None, art.id)
                old_key = conn.execute("SELECT order_key FROM articles WHERE id=?", (art.id,)).fetchone()[0] if existed else None
                batch.append((key, old_key, facts, digest))
            batch.sort(key=lambda item: item[0])
            start = min(min(key, old_key or key) for key, old_key, _, _ in batch)
            stored_later = self._later_articles(start)
            if stored_later:
                index = self._resolution_index(before=start)
            entries = self._entries(start) if stored_later else {}
            in_batch = {facts.article.id: key for key, _, facts, _ in batch}
            # The walk: (key, what, item). A stored article of the batch whose date changed leaves its old place.
            events: list[tuple[str, str, Any]] = [(item[0], "batch", item) for item in batch]
            for article_id, (key, has_facts, has_lookups) in stored_later.items():
                if article_id not in in_batch:
                    events.append((key, "stored", (article_id, has_facts, has_lookups)))
                elif in_batch[article_id] != key:
                    events.append((key, "moved", (article_id, has_facts, has_lookups)))
            events.sort(key=lambda event: event[0])
            # Where the index, from here on, differs from what the stored articles were resolved with: the look-ups
            # (ResolutionIndex.entry_keys) whose answer may have changed, and the later stored articles that made
            # one of them. Only those are resolved again; the others would get the same claims and ids.
            dirty: set[tuple[str, str]] = set()
            affected: set[str] = set()
            looked_up: dict[str, list[tuple[str, str, dict | None]]] = {}  # key → (order key, article, description)

            def spoil(rows: Iterable[tuple[str, str, str | None, str]], at: str) -> None:
                for kind, fact_id, donor, props in rows:
                    for look, entry in ResolutionIndex.entry_keys(kind, fact_id, donor, json.loads(props)):
                        mark = (look, json.dumps(entry, sort_keys=True, default=str))
                        if mark in dirty:
                            continue
                        dirty.add(mark)
                        if look not in looked_up:
                            looked_up[look] = self._looked_at(look, start)
                        affected.update(article_id for key, article_id, described in looked_up[look]
                                        if key >= at and article_id not in affected
                                        and ResolutionIndex.may_change(look, described, entry))

            for key, what, item in events:
                if what == "moved":
                    spoil(entries.get(item[0], ()), key)
                    continue
                if what == "stored":
                    article_id, has_facts, has_lookups = item
                    if article_id in pending:
                        spoil(entries.get(article_id, ()), key)
                        continue
                    # a stored article whose look-ups were not kept (stored by an earlier version) is resolved
                    # again whenever anything before it changed
                    if dirty and has_facts and (article_id in affected or not has_lookups):
                        mark = len(index.created)
                        refold |= self._resolve_again(article_id, index)
                        rows, before = _entry_rows(index.created[mark:]), entries.get(article_id, [])
                        if rows != before:
                            spoil(rows + before, key)
                    else:
                        for kind, fact_id, donor, props in entries.get(article_id, ()):
                            _add_entry(index, kind, fact_id, donor, props)
                    continue
                _, old_key, facts, digest = item
                art = facts.article
                if old_key is not None:
                    refold.update(r[0] for r in conn.execute("SELECT fact_id FROM claims WHERE article_id=?", (art.id,)))
                    self._forget_claims(art.id)
                seq += 1
                mark, seen = len(index.created), len(index.looked)
                claims = article_claims(facts, index)
                created, looked = index.created[mark:], index.looked[seen:]
                del index.looked[seen:]
                published = art.published.isoformat() if art.published else None
                conn.execute(
                    "INSERT OR REPLACE INTO articles(id, node_id, url, title, publisher, published, text, digest, seq, "
                    "ingested_at, order_key, canonical_url, text_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (art.id, claims[0].fact_id, art.url, art.title, art.publisher, published, art.text, digest, seq, now,
                     key, canonical_url(art.url), text_key(art.text)),
                )
                self._insert_claims(art.id, claims)
                self._keep_resolution(art.id, key, facts, created, looked)
                before = entries.get(art.id, []) if old_key == key else []
                rows = _entry_rows(created)
                if rows != before:
                    spoil(rows + before, key)
                for claim in claims:
                    new_claims[claim.fact_id].append((key, claim))
            changes = self._fold(new_claims, refold)
            conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='generation'")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return changes, index

    def _later_articles(self, start: str) -> dict[str, tuple[str, bool, bool]]:
        """Stored articles from `start` on (in article order) whose resolution may depend on what comes before
        them: those that name meetings or pledges. Whether their facts are kept (stores migrated from schema 2
        have none for the articles they held), and whether their look-ups are (stores of an earlier version)."""
        found: dict[str, tuple[str, bool, bool]] = {}
        for article_id, key, looked in self._conn.execute(
                "SELECT f.article_id, f.order_key, EXISTS(SELECT 1 FROM lookups l WHERE l.article_id = f.article_id) "
                "FROM facts f WHERE f.order_key >= ?", (start,)):
            found[article_id] = (key, True, bool(looked))
        for article_id, key in self._conn.execute("SELECT DISTINCT article_id, order_key FROM resolutions WHERE order_key >= ?", (start,)):
            found.setdefault(article_id, (key, False, False))
        return dict(sorted(found.items(), key=lambda item: item[1][0]))

    def _looked_at(self, key: str, start: str) -> list[tuple[str, str, dict | None]]:
        """The look-ups under `key` that stored articles from `start` on made (an indexed look-up): their order key,
        article and the description they looked up."""
        return [(order_key, article_id, None if props is None else json.loads(props)) for order_key, article_id, props
                in self._conn.execute("SELECT order_key, article_id, props FROM lookups WHERE key = ? AND order_key >= ?",
                                      (key, start))]

    def _entries(self, start: str) -> dict[str, list[tuple[str, str, str | None, str]]]:
        """The ids each stored article from `start` on created, in the order it created them."""
        out: dict[str, list] = defaultdict(list)
        for article_id, kind, fact_id, donor, props in self._conn.execute(
                "SELECT article_id, kind, fact_id, donor, props FROM resolutions WHERE order_key >= ? ORDER BY order_key, pos", (start,)):
            out[article_id].append((kind, fact_id, donor, props))
        return out

    def _forget_claims(self, article_id: str) -> None:
        for table in ("claims", "evidence", "facts", "resolutions", "lookups"):
            self._conn.execute(f"DELETE FROM {table} WHERE article_id=?", (article_id,))

    def _keep_resolution(self, article_id: str, key: str, facts: ArticleFacts, created: list[tuple],
                         looked: Iterable[tuple[str, dict | None]] = ()) -> None:
        """What resolving the article again takes: its facts (only where it names a meeting or a pledge, the only
        claims that depend on other articles), the ids it created, and what it looked up in the index."""
        if facts.meetings or facts.pledges:
            # compressed: the evidence sentences repeat the text many times over (about 8 times its size as JSON)
            packed = zlib.compress(facts.model_dump_json(exclude={"article"}).encode("utf-8"))
            self._conn.execute("INSERT OR REPLACE INTO facts VALUES (?,?,?)", (article_id, key, packed))
            self._keep_lookups(article_id, key, looked)
        self._conn.executemany("INSERT OR REPLACE INTO resolutions VALUES (?,?,?,?,?,?,?)",
                               [(article_id, pos, key, *row) for pos, row in enumerate(_entry_rows(created))])

    def _keep_lookups(self, article_id: str, key: str, looked: Iterable[tuple[str, dict | None]]) -> None:
        self._conn.execute("DELETE FROM lookups WHERE article_id=?", (article_id,))
        rows = {(k, None if props is None else json.dumps(props, sort_keys=True, ensure_ascii=False, default=str))
                for k, props in looked}
        self._conn.executemany("INSERT INTO lookups VALUES (?,?,?,?)", [(k, key, article_id, p) for k, p in sorted(rows, key=str)])

    def _resolve_again(self, article_id: str, index: ResolutionIndex) -> set[str]:
        """Resolve a stored article again against `index` (which it extends); replace its claims where they changed.
        Returns the ids of the records to merge again."""
        from coalition_graph.graph.merge import article_claims
        from coalition_graph.schema.models import ArticleFacts

        conn = self._conn
        key, facts_json = conn.execute("SELECT order_key, facts FROM facts WHERE article_id=?", (article_id,)).fetchone()
        facts = ArticleFacts.model_validate({**json.loads(zlib.decompress(facts_json)), "article": self._article(article_id)})
        mark, seen = len(index.created), len(index.looked)
        claims = article_claims(facts, index)
        created, looked = index.created[mark:], index.looked[seen:]
        del index.looked[seen:]  # kept per article, not for the run
        old = dict(conn.execute("SELECT fact_id, props FROM claims WHERE article_id=?", (article_id,)).fetchall())
        new = {c.fact_id: props_to_json(c.props) for c in claims}
        if old == new:
            # the same claims; what it looked up, and the ids it created (another article may have created one of
            # them before), are kept as they are now
            self._keep_lookups(article_id, key, looked)
            rows = _entry_rows(created)
            kept = [tuple(r) for r in conn.execute(
                "SELECT kind, fact_id, donor, props FROM resolutions WHERE article_id=? ORDER BY pos", (article_id,))]
            if rows != kept:
                conn.execute("DELETE FROM resolutions WHERE article_id=?", (article_id,))
                conn.executemany("INSERT INTO resolutions VALUES (?,?,?,?,?,?,?)",
                                 [(article_id, pos, key, *row) for pos, row in enumerate(rows)])
            return set()
        self._forget_claims(article_id)
        self._insert_claims(article_id, claims)
        self._keep_resolution(article_id, key, facts, created, looked)
        return old.keys() | new.keys()

    def _article(self, article_id: str) -> Article:
        from coalition_graph.schema.models import Article

        aid, url, title, publisher, published, text = self._conn.execute(
            "SELECT id, url, title, publisher, published, text FROM articles WHERE id=?", (article_id,)).fetchone()
        return Article(id=aid, url=url, title=title, publisher=publisher,
                       published=dt.date.fromisoformat(published) if published else None, text=text)

    def _insert_claims(self, article_id: str, claims: list[Claim]) -> None:
        self._conn.executemany(
            "INSERT OR REPLACE INTO claims VALUES (?,?,?,?,?,?,?,?,?)",
            [(c.fact_id, article_id, c.kind, c.label, c.src, c.src_label, c.dst, c.dst_label, props_to_json(c.props)) for c in claims],
        )
        self._conn.executemany(
            "INSERT OR IGNORE INTO evidence VALUES (?,?,?,?,?,?)",
            [(c.fact_id, article_id, e.sentence, e.start, e.end, e.rule) for c in claims for e in c.evidence],
        )

    def _resolution_index(self, before: str | None = None) -> ResolutionIndex:
        """The ids stored articles created, in article order (the first that matches wins), as they described
        them; with `before`, only those of articles before that place in the order."""
        from coalition_graph.graph.merge import ResolutionIndex

        index = ResolutionIndex()
        sql, args = "SELECT kind, fact_id, donor, props FROM resolutions", ()
        if before is not None:
            sql, args = sql + " WHERE order_key < ?", (before,)
        for kind, fact_id, donor, props in self._conn.execute(sql + " ORDER BY order_key, pos", args):
            _add_entry(index, kind, fact_id, donor, props)
        return index

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
            f"""SELECT c.fact_id, c.kind, c.label, c.src, c.src_label, c.dst, c.dst_label, c.props, a.order_key
                FROM claims c JOIN articles a ON a.id = c.article_id
                WHERE c.fact_id IN ({marks})
                ORDER BY c.fact_id, a.order_key""", fact_ids).fetchall()
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
                               claims[-1][8], old_texts.get(fact_id))

    def _migrate_to_3(self) -> None:
        """Schema 2 → 3: articles get their place in article order and their duplicate keys; the ids of meetings
        and pledges become resolutions of the earliest article that names them, as it described them; every
        record is merged again in article order (ties of a publication date used to go by ingest order).

        The facts of the articles stored before were not kept: they keep their resolution until they are
        extracted again (`coalition reextract`), after which the store is independent of arrival order."""
        from coalition_graph.loaders.dedup import canonical_url, text_key

        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            rows = conn.execute("SELECT id, url, published, text FROM articles").fetchall()
            conn.executemany("UPDATE articles SET order_key=?, canonical_url=?, text_key=? WHERE id=?",
                             [(_order_key(published, aid), canonical_url(url), text_key(text), aid) for aid, url, published, text in rows])
            first: dict[str, tuple[str, str, str, dict]] = {}
            for fact_id, label, article_id, key, props in conn.execute(
                    "SELECT c.fact_id, c.label, c.article_id, a.order_key, c.props FROM claims c JOIN articles a ON a.id = c.article_id "
                    "WHERE c.kind = 'node' AND c.label IN ('Meeting', 'Pledge') ORDER BY a.order_key, c.fact_id"):
                first.setdefault(fact_id, (label, article_id, key, json.loads(props)))
            formats = {(a, s): d for a, s, d in conn.execute("SELECT article_id, src, dst FROM claims WHERE label = 'IN_FORMAT'")}
            donors = {(a, d): s for a, s, d in conn.execute("SELECT article_id, src, dst FROM claims WHERE label = 'PLEDGED'")}
            positions: dict[str, int] = defaultdict(int)
            entries = []
            for fact_id, (label, article_id, key, props) in first.items():
                props.pop("sources", None)
                if label == "Meeting":
                    entry = ("meeting", fact_id, None, {**props, "format": formats.get((article_id, fact_id), "").removeprefix("org/") or None})
                else:
                    entry = ("pledge", fact_id, donors.get((article_id, fact_id)), props)
                entries.append((article_id, positions[article_id], key, *_entry_rows([entry])[0]))
                positions[article_id] += 1
            conn.executemany("INSERT OR REPLACE INTO resolutions VALUES (?,?,?,?,?,?,?)", entries)
            ids = [i for (i,) in conn.execute("SELECT id FROM nodes UNION ALL SELECT id FROM edges")]
            for chunk in chunks(ids, 500):
                marks = ",".join("?" * len(chunk))
                old = dict(conn.execute(f"SELECT id, props FROM nodes WHERE id IN ({marks}) UNION ALL "
                                        f"SELECT id, props FROM edges WHERE id IN ({marks})", chunk + chunk).fetchall())
                self._remerge(chunk, old, ChangeSet())
            conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='generation'")
            conn.execute("UPDATE meta SET value = ? WHERE key='schema_version'", (str(SCHEMA_VERSION),))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

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
            "ORDER BY c.fact_id, a.order_key")
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
               WHERE e.fact_id = ? ORDER BY a.order_key, e.start""", (fact_id,)).fetchall()
        keys = ("sentence", "start", "end", "rule", "article_id", "url", "title", "publisher", "published")
        return [dict(zip(keys, row)) for row in rows]

    def sources(self, fact_id: str) -> list[str]:
        """The articles (URL, else id) that say something about a node or edge, oldest first: for reference
        kinds, which keep no `sources` list, the provenance aggregated from their claims when asked."""
        rows = self._conn.execute(
            """SELECT COALESCE(a.url, a.id) FROM claims c JOIN articles a ON a.id = c.article_id
               WHERE c.fact_id = ? ORDER BY a.order_key""", (fact_id,))
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

    def reextract(self, extractor: Extractor | None = None, progress: bool | None = None,
                  batch_size: int = 100) -> IngestReport:
        """Run extraction again over every stored article (after the extractor improved)."""
        if extractor is None:
            from coalition_graph.loaders.extract import extract_facts as extractor
        from coalition_graph.loaders.extract import parallel

        with self._conn:
            self._conn.execute("UPDATE articles SET digest = 'stale'")
        # In article order, each batch comes after the ones before it, and the articles after it are left to
        # their own batch: each article is resolved once (by seq, each batch re-resolved all later articles).
        order = [row[0] for row in self._conn.execute("SELECT id FROM articles ORDER BY order_key")]
        articles = {a.id: a for a in self.articles()}
        try:
            return self._ingest([articles[i] for i in order], False, progress, batch_size, extractor, (), None,
                                pending=order)
        finally:
            parallel.shutdown()


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
