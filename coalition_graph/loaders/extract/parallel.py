"""Extraction of many articles on every core: a pool of worker processes, each with the pipeline loaded.

The linguistic analysis is most of the cost of extraction, so a batch of articles is shared out among
`workers()` processes (all cores by default; `COALITION_WORKERS=1` keeps everything in this process).
Workers are forked after the pipeline is loaded here, so they start at once and share its memory.
Results come back in input order and are the same as one process gives, byte for byte: each article is
extracted on its own, whatever worker takes it.
"""
from __future__ import annotations

import atexit
import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor

from coalition_graph.errors import UsageError
from coalition_graph.schema.models import Article, ArticleFacts

ENV_VAR = "COALITION_WORKERS"
MIN_BATCH = 4  # fewer articles than this are done here: a pool would cost more than it saves
_pool: ProcessPoolExecutor | None = None
_WARM_UP = ("Leaders met in Paris on Monday for a summit. The prime minister said Britain would give £1.6bn, "
            "and the president attended the talks.")
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


def extract_many(articles: list[Article]) -> list[ArticleFacts]:
    """`extract_facts` over `articles`, in their order, on every core."""
    from coalition_graph.loaders.extract import extract_facts
    from coalition_graph.loaders.extract import analysis

    n = workers()
    if n == 1 or len(articles) < MIN_BATCH or "fork" not in multiprocessing.get_all_start_methods():
        return [extract_facts(a) for a in articles]
    from coalition_graph.loaders.gazetteer import load_gazetteer

    if _pool is None:
        # everything an extraction builds once (pipeline, gazetteer, compiled look-ups) is built before the
        # fork, so the workers inherit it instead of each building its own
        analysis.load_pipeline()
        load_gazetteer()
        extract_facts(Article(id="warm-up", published=articles[0].published, text=_WARM_UP))
    pool = _get_pool(n, analysis.model_name())
    size = max(1, min(16, len(articles) // (n * 2)))
    chunks = [articles[i:i + size] for i in range(0, len(articles), size)]
    return [facts for part in pool.map(_extract_chunk, chunks) for facts in part]


def _extract_chunk(articles: list[Article]) -> list[ArticleFacts]:
    """Several articles in one worker: analysed together (spaCy's batching is faster), then extracted."""
    from coalition_graph.loaders.extract import extract_facts
    from coalition_graph.loaders.extract import analysis

    analyses = analysis.analyse_many([a.text for a in articles])
    return [extract_facts(a, analysis=an) for a, an in zip(articles, analyses)]


def _get_pool(n: int, model: str) -> ProcessPoolExecutor:
    global _pool, _pool_key
    if _pool is None or _pool_key != (n, model):
        shutdown()
        _pool = ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("fork"),
                                    initializer=_worker_init, initargs=(model,))
        _pool_key = (n, model)
    return _pool


def _worker_init(model: str) -> None:
    from coalition_graph.loaders.extract import analysis

    # Ctrl-C is the parent's to handle (it stops the pool); a parent that is killed takes its workers along,
    # so nothing is left running and no pipe the parent shared stays open
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    analysis.select_model(model)


def _die_with_parent() -> None:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the pool's own shutdown is all there is
        pass
    if os.getppid() == 1:  # the parent died before the line above ran
        os._exit(1)


def shutdown() -> None:
    global _pool, _pool_key
    if _pool is not None:
        _pool.shutdown(cancel_futures=True)
    _pool, _pool_key = None, None


atexit.register(shutdown)
