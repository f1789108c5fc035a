#!/usr/bin/env python3
"""Kill-soak: SIGKILL `coalition ingest`, `reindex` and `export` at random moments, and check the store each time.

    .venv/bin/python scripts/soak.py [--kills 100] [--seed 1]

After every kill: the store opens, holds whole articles only (every article with its claims, every record
the merge of its claims), both views equal the source of truth (`verify()`), and an export target is the
old file or a complete new one. At the end, ingesting the corpus again to completion gives the same graph
as one clean run. Prints the number of kills survived; exit 1 on the first failure.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coalition_graph.graph.store import Store  # noqa: E402

SAMPLE = ROOT / "coalition_graph" / "sample"
COALITION = [sys.executable, "-m", "coalition_graph"]


def corpus(folder: Path, copies: int) -> Path:
    """The sample, `copies` times under other ids: enough articles for several batches."""
    folder.mkdir(parents=True)
    for n in range(copies):
        for file in sorted(SAMPLE.glob("*.json")):
            record = json.loads(file.read_text())
            # another text too, or the store skips the copy as a duplicate
            record.update(id=f"c{n}-{record.get('id')}", url=f"{record.get('url')}?copy={n}",
                          text=f"{record.get('text')}\n\n(Copy {n}.)")
            (folder / f"c{n}-{file.name}").write_text(json.dumps(record))
    return folder


def graph_of(store_path: Path) -> tuple[set, set]:
    with Store.open(store_path) as store:
        nodes = {(n.id, n.label, json.dumps(n.props, sort_keys=True, default=str)) for n in store.iter_nodes()}
        edges = {(e.id, e.type, e.src, e.dst, json.dumps(e.props, sort_keys=True, default=str)) for e in store.iter_edges()}
    return nodes, edges


def check_store(store_path: Path, articles_before: int) -> int:
    with Store.open(store_path) as store:
        problems = store.verify()
        if problems:
            raise SystemExit(f"FAIL: after a kill the store has problems: {problems[:3]}")
        count = store.counts()["articles"]
    if count < articles_before:
        raise SystemExit(f"FAIL: committed articles lost ({articles_before} before, {count} after)")
    return count


def check_export(out: Path, before: bytes | None) -> None:
    if not out.exists():
        if before is not None:
            raise SystemExit("FAIL: a killed export removed the old file")
        return
    data = out.read_bytes()
    if data == before:
        return
    try:
        ET.fromstring(data)
    except ET.ParseError as exc:
        raise SystemExit(f"FAIL: a killed export left a half-written file ({exc})") from None


def run(kills: int, seed: int, copies: int) -> None:
    rng = random.Random(seed)
    env = {**os.environ, "COALITION_WORKERS": os.environ.get("COALITION_WORKERS", "2")}
    with tempfile.TemporaryDirectory(prefix="coalition-soak-") as tmp:
        tmp = Path(tmp)
        articles = corpus(tmp / "articles", copies)
        store, clean, out = tmp / "store", tmp / "clean", tmp / "export.graphml"
        subprocess.run([*COALITION, "ingest", str(articles), "--store", str(clean)], env=env, check=True,
                       capture_output=True)
        total = Store.open(clean)
        expected_count = total.counts()["articles"]
        total.close()
        count = 0
        started = time.monotonic()
        survived = {"ingest": 0, "reindex": 0, "export": 0}
        finished = 0  # runs that ended before their kill came: checked the same way, not counted as kills
        while sum(survived.values()) < kills:
            op = rng.choice(["ingest", "ingest", "reindex", "export"]) if count else "ingest"
            args = {"ingest": ["ingest", str(articles), "--batch-size", "3"], "reindex": ["reindex"],
                    "export": ["export", "--format", "graphml", "--out", str(out), "--force"]}[op]
            before = out.read_bytes() if out.exists() else None
            proc = subprocess.Popen([*COALITION, *args, "--store", str(store)], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
            time.sleep(rng.uniform(0.3, 6.0) if op == "ingest" else rng.uniform(0.05, 2.0))
            killed = proc.poll() is None
            if killed:
                os.killpg(proc.pid, signal.SIGKILL)  # the command and its extraction workers
            proc.wait()
            if op == "export":
                check_export(out, before)
            count = check_store(store, count) if (store / "facts.sqlite").exists() else 0
            if count == expected_count and rng.random() < 0.3:
                shutil.rmtree(store)  # all in: start again, so later ingests have work to be killed in
                count = 0
            if not killed:
                finished += 1
                continue
            survived[op] += 1
            print(f"kill {sum(survived.values())}/{kills}: {op}, store holds {count} whole articles, views agree",
                  flush=True)
        subprocess.run([*COALITION, "ingest", str(articles), "--store", str(store)], env=env, check=True,
                       capture_output=True)
        if graph_of(store) != graph_of(clean):
            a, b = graph_of(store), graph_of(clean)
            raise SystemExit(f"FAIL: re-run differs from a clean run ({len(a[0] ^ b[0])} nodes, {len(a[1] ^ b[1])} edges)")
        check_store(store, expected_count)
        print(f"{kills} kills survived ({survived['ingest']} ingest, {survived['reindex']} reindex, "
              f"{survived['export']} export; {finished} runs ended before their kill): 0 half-ingested articles, 0 view disagreements, "
              f"re-run equals a clean run ({expected_count} articles), in {time.monotonic() - started:.0f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--copies", type=int, default=3, help="copies of the 12 sample articles in the corpus")
    args = parser.parse_args()
    run(args.kills, args.seed, args.copies)
    return 0


if __name__ == "__main__":
    sys.exit(main())
