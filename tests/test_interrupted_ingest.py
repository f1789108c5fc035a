"""A crash or Ctrl-C in the middle of an ingest leaves whole articles only, and loses nothing committed."""
from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coalition_graph.graph.store import Store
from coalition_graph.queries import run_named
from tests.conftest import SAMPLE

N_COPIES = 25  # 12 sample articles × 25 = 300 articles, committed 6 at a time


def big_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for copy in range(N_COPIES):
            for path in sorted(SAMPLE.glob("*.json")):
                doc = json.loads(path.read_text(encoding="utf-8"))
                out.write(json.dumps({"id": f"{doc['id']}-{copy}", "url": f"{doc['url']}?copy={copy}",
                                      "title": doc["title"], "published": doc["published"],
                                      # another text too, or the store skips the copy as a duplicate
                                      "text": f"{doc['text']}\n\n(Copy {copy}.)"}) + "\n")
    return corpus


def stored_articles(store: Path) -> int:
    db = store / "facts.sqlite"
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def start_ingest(corpus: Path, store: Path) -> subprocess.Popen:
    # A job started in the background by a non-interactive shell (as CI may start us) inherits SIGINT
    # ignored; give the ingest the disposition a terminal user's process has, so Ctrl-C reaches it.
    return subprocess.Popen(
        [sys.executable, "-m", "coalition_graph", "ingest", str(corpus), "--store", str(store), "--batch-size", "6"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def wait_for_some_articles(proc: subprocess.Popen, store: Path, at_least: int = 12, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while stored_articles(store) < at_least:
        assert proc.poll() is None, f"ingest ended before it could be interrupted: {proc.stderr.read()}"
        assert time.monotonic() < deadline, "ingest made no progress"
        time.sleep(0.05)


def assert_whole_articles_only(store_path: Path) -> int:
    with Store.open(store_path) as store:
        assert store.verify() == []
        n = store.counts()["articles"]
        # every stored article is whole: its own node and the facts read from it are there
        article_nodes = sum(1 for _ in store.iter_nodes(["Article"]))
        assert article_nodes == n
        # the views catch up with the source of truth and agree with each other
        for name in ("meetings", "pledges"):
            rows = run_named(store.cypher, name)
            assert rows == run_named(store.sparql, name)
        return n


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill"])
def test_interrupted_ingest_keeps_whole_articles_and_can_be_resumed(tmp_path: Path, sig: signal.Signals):
    corpus, store = big_corpus(tmp_path), tmp_path / "store"
    proc = start_ingest(corpus, store)
    try:
        wait_for_some_articles(proc, store)
        proc.send_signal(sig)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    if sig == signal.SIGINT:
        assert proc.returncode == 130
        assert "Interrupted" in stderr and "Traceback" not in stderr
    else:
        assert proc.returncode == -signal.SIGKILL
    kept = assert_whole_articles_only(store)
    assert 12 <= kept < 12 * N_COPIES and kept % 6 == 0
    # running the same ingest again finishes the job
    rerun = subprocess.run([sys.executable, "-m", "coalition_graph", "ingest", str(corpus), "--store", str(store)],
                           capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{12 * N_COPIES - kept} added" in rerun.stderr and f"{kept} unchanged" in rerun.stderr
    assert assert_whole_articles_only(store) == 12 * N_COPIES
