"""Extraction of many articles on every core: a pool of worker processes, each with the pipeline loaded.

The linguistic analysis is most of the cost of extraction, so a batch of articles is shared out among
`workers()` processes (all cores by default; `COALITION_WORKERS=1` keeps everything in this process).
Workers are forked (on Linux) after the pipeline is loaded and warmed here, so they start at once and
share its memory; `prepare()` forks them early, before a store is opened, so they hold none of its files.
Results come back in input order and are the same as one process gives, byte for byte: each article is
extracted on its own, whatever worker takes it, under the time limit of time_limit.py. A worker that
dies costs its batch nothing: the batch is done in this process and the next batch gets a new pool.
"""
from __future__ import annotations

import atexit
import itertools
import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from coalition_graph.errors import UsageError
from coalition_graph.loaders.extract.time_limit import OverTime, article_seconds, within
from coalition_graph.schema.models import Article, ArticleFacts

ENV_VAR = "COALITION_WORKERS"
MIN_BATCH = 4  # fewer articles than this are done here: a pool would cost more than it saves
_WARM_UP = ("Leaders met in Paris on Monday for a summit. The prime minister said Britain would give £1.6bn, "
            "and the president attended the talks.")
_pool: ProcessPoolExecutor | None = None
_pool_key: tuple[int, str] | None = None


def workers() -> int:
    raw = os.environ.get(ENV_VAR, "").strip()
    if raw:
        try:
            n = int(raw)
        except ValueError:
            raise UsageError(f"{ENV_VAR} must be a whole number of processes, not {raw!r}") from None
        if n < 1:
            raise UsageError(f"{ENV_VAR} must be at least 1, not {n}")
        return n
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def extract_many(articles: list[Article]) -> list[ArticleFacts | OverTime]:
    """`extract_facts` over `articles`, in their order, on every core; OverTime for an article whose
    extraction took longer than $COALITION_MAX_ARTICLE_SECONDS."""
    seconds = article_seconds()  # read here, so a bad value is one line before any work
    pool = prepare() if len(articles) >= MIN_BATCH else None
    if pool is None:
        _load()  # the pipeline and gazetteers load once, outside any article's time
        return _extract_chunk(articles, seconds)
    n = _pool_key[0] if _pool_key else 1
    size = max(1, min(16, len(articles) // (n * 2)))
    chunks = [articles[i:i + size] for i in range(0, len(articles), size)]
    try:
        return [facts for part in pool.map(_extract_chunk, chunks, itertools.repeat(seconds)) for facts in part]
    except BrokenProcessPool:
        shutdown()  # a worker died (killed, out of memory): this batch is done here, the next gets a new pool
        _load()
        return _extract_chunk(articles, seconds)


def prepare() -> ProcessPoolExecutor | None:
    """The pool of `workers()` processes, forked now where it is not running yet; None where extraction
    stays in this process (one worker, or not Linux, where fork is not safe)."""
    from coalition_graph.loaders.extract import analysis, extract_facts
    from coalition_graph.loaders.gazetteer import load_gazetteer

    global _pool, _pool_key
    n = workers()
    if n == 1 or not sys.platform.startswith("linux"):
        return None
    key = (n, analysis.model_name())
    if _pool is not None and _pool_key == key:
        return _pool
    shutdown()
    analysis.load_pipeline()
    load_gazetteer()
    extract_facts(Article(id="warm-up", text=_WARM_UP))  # compiled look-ups and spaCy's caches, inherited
    _pool = ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("fork"),
                                initializer=_worker_init, initargs=(key[1], os.getpid()))
    _pool_key = key
    return _pool


def _load() -> None:
    from coalition_graph.loaders.extract import analysis
    from coalition_graph.loaders.gazetteer import load_gazetteer

    analysis.load_pipeline()
    load_gazetteer()


def _extract_chunk(articles: list[Article], seconds: float | None) -> list[ArticleFacts | OverTime]:
    """Several articles in one process, each analysed and extracted on its own under the time limit, so
    one slow article costs only itself. The price: spaCy no longer batches a chunk's texts, which made the
    analysis about 13% faster (the sample ×3, 36 texts: 1.45 s batched, 1.67 s one by one, 2026-12-07)."""
    from coalition_graph.loaders.extract import extract_facts

    return [within(seconds, extract_facts, a) for a in articles]


def _worker_init(model: str, parent: int) -> None:
    from coalition_graph.loaders.extract import analysis

    # Ctrl-C is the parent's to handle (it stops the pool); a parent that is killed takes its workers along,
    # so nothing is left running and no pipe the parent shared stays open
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)
    analysis.select_model(model)


def _die_with_parent(parent: int) -> None:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # no prctl: the pool's own shutdown is all there is
        pass
    if os.getppid() != parent:  # the parent died before the line above ran
        os._exit(1)


def shutdown() -> None:
    global _pool, _pool_key
    if _pool is not None:
        _pool.shutdown(cancel_futures=True)
    _pool, _pool_key = None, None


atexit.register(shutdown)
