"""Many readers and one writer, with real processes: no query fails because of another reader or an ingest."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from coalition_graph.graph.store import Store
from tests.conftest import SAMPLE

COALITION = [sys.executable, "-m", "coalition_graph"]


def test_eight_parallel_readers_during_an_ingest_never_fail(sample_store_path: Path, tmp_path: Path):
    store = tmp_path / "store"
    shutil.copytree(sample_store_path, store)
    (store / "store.lock").unlink(missing_ok=True)
    # new articles for the writer: the sample again under other ids (one per file, so several batches)
    more = tmp_path / "more"
    shutil.copytree(SAMPLE, more)
    for file in more.rglob("*"):
        if file.is_file() and file.suffix == ".json":
            record = json.loads(file.read_text())
            # another text too, or the store skips the copy as a duplicate of the sample article
            record.update(id="copy-" + str(record.get("id")), url=str(record.get("url")) + "-copy",
                          text=str(record.get("text")) + "\n\n(A copy.)")
            file.write_text(json.dumps(record))
    env = {**os.environ, "COALITION_WORKERS": "1"}
    writer = subprocess.Popen([*COALITION, "ingest", str(more), "--store", str(store), "--batch-size", "2"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    results = []
    rounds = 0
    while rounds < 2 or (writer.poll() is None and rounds < 6):
        readers = [subprocess.Popen([*COALITION, "meetings" if i % 2 else "pledges", "--store", str(store),
                                     "--format", "json", *(["--engine", "sparql"] if i % 4 == 3 else [])],
                                    env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                   for i in range(8)]
        results += [(r.wait(timeout=300), r.stderr.read()) for r in readers]
        rounds += 1
    writer_rc = writer.wait(timeout=600)
    assert writer_rc == 0, writer.stderr.read()
    failures = [err for rc, err in results if rc != 0]
    assert failures == [] and len(results) >= 16
    with Store.open(store) as s:
        assert s.counts()["articles"] == 24
        assert s.verify() == []
