#!/usr/bin/env python3
"""Extraction speed end to end: `coalition ingest` of a corpus into a fresh store, one process and all cores.

    .venv/bin/python scripts/bench_extract.py [--corpus ../shared/eval/dev] [--copies 10] [--repeat 3]

Runs the real CLI (startup, spaCy load, extraction, store commit, both query views) on:
- the corpus as it is (default ../shared/eval/dev, else the bundled sample), and
- `--copies` copies of it under new ids and urls (a larger ingest, where start-up costs are shared),
each with COALITION_WORKERS=1 and with every core, and prints articles/s and words/s side by side with
the speed-up. The target (issue #8): the dev corpus at >= 15 articles/s on 2 cores.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load(corpus: Path) -> list[dict]:
    docs = []
    for p in sorted(corpus.glob("*.json")):
        d = json.loads(p.read_text(encoding="utf-8"))
        docs.append({k: d.get(k) for k in ("id", "url", "title", "published", "publisher", "text")})
    return docs


def write(docs: list[dict], copies: int, path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for c in range(copies):
            for d in docs:
                # another text too, or the store skips the copy as a duplicate (and the benchmark extracts less)
                rec = dict(d, id=f"{d['id']}-copy{c}", url=f"{d.get('url') or 'https://example.org/' + d['id']}/copy{c}",
                           text=f"{d.get('text') or ''}\n\n(Copy {c}.)")
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def run(jsonl: Path, workers: str | None, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ)
            env.pop("COALITION_WORKERS", None)
            if workers:
                env["COALITION_WORKERS"] = workers
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "coalition_graph", "ingest", str(jsonl), "--store", f"{tmp}/s",
                            "--no-progress"], check=True, env=env, capture_output=True)
            times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    dev = ROOT.parent / "shared" / "eval" / "dev"
    ap.add_argument("--corpus", type=Path, default=dev if dev.is_dir() else ROOT / "coalition_graph" / "sample")
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    docs = load(a.corpus)
    words = sum(len((d["text"] or "").split()) for d in docs)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"corpus {a.corpus}: {len(docs)} articles, {words} words; {cores} cores")
    print(f"{'run':<22} {'articles':>8} {'1 process':>22} {'all cores':>22} {'speed-up':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for copies in (1, a.copies):
            jsonl = Path(tmp) / f"corpus{copies}.jsonl"
            write(docs, copies, jsonl)
            n, w = len(docs) * copies, words * copies
            one, many = run(jsonl, "1", a.repeat), run(jsonl, None, a.repeat)
            print(f"{'corpus x' + str(copies):<22} {n:>8} {n / one:>7.1f} art/s {w / one:>6.0f} w/s "
                  f"{n / many:>7.1f} art/s {w / many:>6.0f} w/s {one / many:>8.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
