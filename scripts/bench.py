#!/usr/bin/env python3
"""One benchmark that tells the truth: ingest, named queries, CLI start-up, exports (and pushes) at several sizes.

    .venv/bin/python scripts/bench.py [--sizes 200,2000,20000] [--more 200] [--runs 15] [--code DIR]

A benchmark, not a test. It builds corpora of realistic text by varying the development articles
(../shared/eval/dev: new ids and urls, shifted dates, countries, cities and leaders swapped among
themselves), ingests each size into a fresh store in a subprocess of its own (wall time, CPU per article by
phase, peak memory, bytes written), ingests `--more` new articles into the largest store and into an empty
one, times every named query on both engines next to the raw engine running the same query texts (the
floor), a CLI named query on the smallest store, the html and graphml exports, and (unless --no-push) the
pushes of the largest store against their floor on the same warm servers (Neo4j and Fuseki from
tests/servers, as the backend tests start them; the measuring code is scripts/bench_push.py's): the Neo4j
push next to the same batches with CREATE in place of MERGE, the initial-load path (CSV export +
neo4j-admin import) next to the push, the Fuseki push next to one PUT of the same N-Triples. Everything
is printed as one table with the targets of issue 10 and whether each is met. `--code DIR` measures another
checkout (e.g. an export of main) with this same script.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "dev"
FIELDS = ("id", "url", "title", "published", "publisher", "text")

# Names swapped among themselves in each variant: the text stays realistic, the graph grows.
COUNTRIES = ["France", "Germany", "Italy", "Spain", "Poland", "Sweden", "Finland", "Norway", "Denmark", "Canada",
             "Japan", "Australia", "Netherlands", "Belgium", "Portugal", "Greece", "Austria", "Ireland", "Estonia",
             "Latvia", "Lithuania", "Romania", "Czechia", "Slovakia", "Croatia", "Slovenia", "Bulgaria", "Turkey"]
CITIES = ["Paris", "London", "Berlin", "Rome", "Warsaw", "Madrid", "Brussels", "Stockholm", "Helsinki", "Oslo",
          "Copenhagen", "Ottawa", "Tokyo", "Vienna", "Lisbon", "Athens", "Dublin", "Tallinn", "Riga", "Vilnius",
          "Prague", "Bucharest", "Ankara", "Geneva", "Milan", "Munich", "Lyon", "Krakow"]
LEADERS = ["Macron", "Starmer", "Merz", "Meloni", "Tusk", "Sanchez", "Kristersson", "Orpo", "Store", "Frederiksen",
           "Carney", "Albanese", "Schoof", "De Wever", "Montenegro", "Mitsotakis", "Stocker", "Martin", "Michal"]
QUERIES = [("meetings", {}), ("attendance", {"person": "Macron"}), ("attendance", {"meeting": "paris"}),
           ("pledges", {"donor": "GBR"}), ("statements", {"speaker": "Zelensk"})]


# ---------------------------------------------------------------- corpora
def load_dev(corpus: Path) -> list[dict]:
    docs = []
    for path in sorted(corpus.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        docs.append({k: doc.get(k) for k in FIELDS})
    return docs


def _swap(text: str, names: list[str], rng: random.Random) -> str:
    shuffled = names[:]
    rng.shuffle(shuffled)
    table = dict(zip(names, shuffled))
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b")
    return pattern.sub(lambda m: table[m.group(1)], text)


def variant(doc: dict, copy: int) -> dict:
    """Copy `copy` of a dev article: new id and url, dates shifted by whole weeks, names swapped."""
    if copy == 0:
        return dict(doc, url=doc.get("url") or f"https://dev.example.org/{doc['id']}")
    rng = random.Random(f"{doc['id']}/{copy}")
    shift = dt.timedelta(weeks=copy % 150)
    text = doc["text"] or ""
    for names in (COUNTRIES, CITIES, LEADERS):
        text = _swap(text, names, rng)
    published = doc.get("published")
    if published:
        published = (dt.date.fromisoformat(published[:10]) + shift).isoformat()
    years = copy % 4
    text = re.sub(r"\b(202[2-5])\b", lambda m: str(int(m.group(1)) + years), text)
    text += f"\n\n(Variant {copy}.)"  # never the text of another copy: the store would skip it as a duplicate
    return dict(doc, id=f"{doc['id']}-v{copy}", url=f"{doc.get('url') or 'https://dev.example.org/' + doc['id']}?v={copy}",
                published=published, text=text, title=_swap(doc.get("title") or "", CITIES, rng))


def write_corpus(docs: list[dict], first_copy: int, n: int, path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            copy, doc = first_copy + i // len(docs), docs[i % len(docs)]
            out.write(json.dumps(variant(doc, copy), ensure_ascii=False) + "\n")
    return path


# ---------------------------------------------------------------- ingest (in a child process: clean memory figures)
INGEST_CHILD = r"""
import json, os, resource, sys, time
sys.path.insert(0, sys.argv[3])
from coalition_graph.graph.store import Store
from coalition_graph.loaders.extract import parallel
from coalition_graph.graph import cypher_view, sparql_view

phase = {"extract": 0.0, "commit": 0.0, "cypher": 0.0, "sparql": 0.0}
def timed(owner, name, key):
    original = getattr(owner, name)
    def wrapper(*a, **k):
        t0 = time.process_time(); w0 = time.perf_counter()
        try:
            return original(*a, **k)
        finally:
            # extraction runs in the workers: its wall time (both cores busy) is what it costs here
            phase[key] += (time.perf_counter() - w0) if key == "extract" else (time.process_time() - t0)
    setattr(owner, name, wrapper)
timed(parallel, "extract_many", "extract")
timed(Store, "_commit", "commit")
timed(cypher_view.LadybugView, "apply", "cypher")
timed(sparql_view.OxigraphView, "apply", "sparql")
timed(sparql_view.OxigraphView, "compact_if_grown", "sparql")  # its files compacted after the ingest
def io_written():
    for line in open("/proc/self/io"):
        if line.startswith("write_bytes:"):
            return int(line.split()[1])
    return 0
w0, c0, io0 = time.perf_counter(), time.process_time(), io_written()
with Store.open(sys.argv[2], create=True) as store:
    report = store.ingest([sys.argv[1]], progress=False)
wall = time.perf_counter() - w0
main_cpu = time.process_time() - c0
children = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"articles": report.added + report.updated, "wall": wall, "cpu": main_cpu + children.ru_utime + children.ru_stime,
                  "phases": phase, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "worker_rss_mb": children.ru_maxrss / 1024, "written_mb": (io_written() - io0) / 1e6}))
"""


def ingest(code: Path, corpus: Path, store: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", INGEST_CHILD, str(corpus), str(store), str(code)],
                         check=True, capture_output=True, text=True, cwd=code)
    return json.loads(out.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- queries
class Recording:
    """A backend that records the query texts a named query sends, to run them raw as the floor."""

    def __init__(self, backend):
        self.backend, self.sent = backend, []
        self.name, self.language = backend.name, backend.language

    def query(self, text, params=None):
        self.sent.append((text, params))
        return self.backend.query(text, params)


def raw_runner(view, sent):
    if view.language == "cypher":
        conn = view._connect()

        def run():
            for text, params in sent:
                conn.execute(text, params or {}).get_all()
    else:
        ox = view._open()

        def run():
            for text, _ in sent:
                list(ox.query(text))
    return run


def percentiles(action, runs: int) -> tuple[float, float]:
    action()  # warm-up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        action()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]


def time_queries(store_path: Path, runs: int) -> list[dict]:
    from coalition_graph.graph.store import Store
    from coalition_graph.queries.named import run_named

    results = []
    with Store.open(store_path) as store:
        for name, filters in QUERIES:
            row = {"query": f"{name} {' '.join(f'--{k} {v}' for k, v in filters.items())}".strip()}
            reference = None
            for engine in ("cypher", "sparql"):
                view = store.backend(engine)
                recorder = Recording(view)
                rows = run_named(recorder, name, **filters)
                if reference is None:
                    reference = rows
                row["rows"] = len(rows)
                row[f"{engine}_same"] = rows == reference
                row[engine] = percentiles(lambda: run_named(view, name, **filters), runs)
                row[f"{engine}_raw"] = percentiles(raw_runner(view, recorder.sent), runs)
            results.append(row)
    return results


def cli_start(code: Path, store_path: Path, runs: int = 10) -> float:
    """Median wall time of a CLI named query, after one run that is not counted. With bytecode, as an
    installed package has it: PYTHONDONTWRITEBYTECODE (set on some machines) would make every run compile
    every module from source (~40 ms); the bytecode goes to a temporary folder, not into the checkout."""
    exe = [sys.executable, "-m", "coalition_graph", "attendance", "--person", "Macron", "--store", str(store_path),
           "--format", "json"]
    with tempfile.TemporaryDirectory(prefix="coalition-pyc-") as pyc:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = pyc
        times = []
        for _ in range(runs + 1):
            t0 = time.perf_counter()
            subprocess.run(exe, check=True, capture_output=True, cwd=code, env=env)
            times.append(time.perf_counter() - t0)
    return statistics.median(times[1:])


def time_pushes(store_path: Path, work: Path) -> dict:
    """The pushes of a store against their floor (scripts/bench_push.py's measuring code, on the checkout
    being measured: sys.path starts with it)."""
    import bench_push  # beside this script
    from coalition_graph.graph.store import Store

    with Store.open(store_path) as store:
        return bench_push.measure_pushes(store, work / "servers", log=lambda line: print(f"  {line}", flush=True))


def time_export(code: Path, store_path: Path, fmt: str, out_dir: Path, timeout: float) -> float | None:
    exe = [sys.executable, "-m", "coalition_graph", "export", "--format", fmt, "--store", str(store_path),
           "--out", str(out_dir / f"export.{fmt}")]
    t0 = time.perf_counter()
    try:
        subprocess.run(exe, check=True, capture_output=True, timeout=timeout, cwd=code)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - t0


# ---------------------------------------------------------------- report
def fmt_s(value: float | None, timeout: float) -> str:
    return f"> {timeout:.0f} s" if value is None else f"{value:.1f} s"


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="200,2000", help="comma-separated corpus sizes (issue 10: 200,2000,20000)")
    ap.add_argument("--more", type=int, default=200, help="new articles ingested into the largest store and an empty one")
    ap.add_argument("--runs", type=int, default=15, help="timed runs of each query (after one warm-up)")
    ap.add_argument("--corpus", type=Path, default=DEV)
    ap.add_argument("--code", type=Path, default=ROOT, help="the checkout to measure (default: this one)")
    ap.add_argument("--workdir", type=Path, help="keep corpora and stores here (default: a temporary folder)")
    ap.add_argument("--export-timeout", type=float, default=600)
    ap.add_argument("--json", type=Path, help="also write the measurements as JSON")
    ap.add_argument("--push", action=argparse.BooleanOptionalAction, default=True,
                    help="measure the pushes to Neo4j and Fuseki (starts both servers from tests/servers)")
    a = ap.parse_args()
    code = a.code.resolve()
    sys.path.insert(0, str(code))
    sizes = sorted(int(s.replace("_", "").replace(",", "")) for s in a.sizes.split(","))
    docs = load_dev(a.corpus)
    work = a.workdir or Path(tempfile.mkdtemp(prefix="coalition-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()
    print(f"code {code}; corpus {a.corpus} ({len(docs)} articles); {os.cpu_count()} cores; "
          f"load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; {dt.datetime.now():%Y-%m-%d %H:%M}", flush=True)
    measured: dict = {"sizes": {}, "machine": {"cores": os.cpu_count(), "load": load}}

    print(f"\n{'ingest, fresh store':<26}" + "".join(f"{n:>14,}" for n in sizes), flush=True)
    for n in sizes:
        corpus = write_corpus(docs, 0, n, work / f"corpus-{n}.jsonl")
        store = work / f"store-{n}"
        shutil.rmtree(store, ignore_errors=True)
        measured["sizes"][n] = ingest(code, corpus, store)
        print(f"  {n:,} articles: {json.dumps(measured['sizes'][n])}", flush=True)
    rows = [
        ("wall (s)", lambda r: f"{r['wall']:.1f}"),
        ("articles/s", lambda r: f"{r['articles'] / r['wall']:.1f}"),
        ("CPU ms/article", lambda r: f"{1000 * r['cpu'] / r['articles']:.0f}"),
        ("  extract (wall ms)", lambda r: f"{1000 * r['phases']['extract'] / r['articles']:.1f}"),
        ("  commit", lambda r: f"{1000 * r['phases']['commit'] / r['articles']:.1f}"),
        ("  Cypher view", lambda r: f"{1000 * r['phases']['cypher'] / r['articles']:.1f}"),
        ("  SPARQL view", lambda r: f"{1000 * r['phases']['sparql'] / r['articles']:.1f}"),
        ("peak RSS (MB)", lambda r: f"{r['rss_mb']:.0f}"),
        ("disk written (MB)", lambda r: f"{r['written_mb']:.0f}"),
    ]
    for label, cell in rows:
        print(f"{label:<26}" + "".join(f"{cell(measured['sizes'][n]):>14}" for n in sizes))

    largest, smallest = sizes[-1], sizes[0]
    more = write_corpus(docs, 10_000, a.more, work / "corpus-more.jsonl")
    grown = work / "store-grown"
    shutil.rmtree(grown, ignore_errors=True)
    shutil.copytree(work / f"store-{largest}", grown)
    into_large = ingest(code, more, grown)
    shutil.rmtree(work / "store-empty", ignore_errors=True)
    into_empty = ingest(code, more, work / "store-empty")
    measured["more"] = {"into_largest": into_large, "into_empty": into_empty}
    print(f"\n{a.more} more articles: into the {largest:,} store {into_large['wall']:.1f} s, into an empty one "
          f"{into_empty['wall']:.1f} s ({into_large['wall'] / into_empty['wall']:.2f}x)", flush=True)

    print(f"\nnamed queries on the {largest:,} store, in process, p50 / p95 ms (raw = the engine alone on the same texts)")
    print(f"{'query':<30}{'rows':>7}{'Cypher':>16}{'raw':>16}{'SPARQL':>16}{'raw':>16}{'SPARQL/Cypher':>15}")
    queries = time_queries(work / f"store-{largest}", a.runs)
    measured["queries"] = queries
    for q in queries:
        cells = "".join(f"{q[k][0]:>8.1f}/{q[k][1]:<7.1f}" for k in ("cypher", "cypher_raw", "sparql", "sparql_raw"))
        same = "" if q["sparql_same"] else "  ROWS DIFFER"
        print(f"{q['query']:<30}{q['rows']:>7}{cells}{q['sparql'][0] / q['cypher'][0]:>14.1f}x{same}")

    start = cli_start(code, work / f"store-{smallest}")
    measured["cli_start"] = start
    print(f"\nCLI named query (attendance --person Macron) on the {smallest:,} store: {start * 1000:.0f} ms")

    exports = {fmt: time_export(code, work / f"store-{largest}", fmt, work, a.export_timeout) for fmt in ("graphml", "html")}
    measured["exports"] = exports
    print(f"exports of the {largest:,} store: " + ", ".join(f"{k} {fmt_s(v, a.export_timeout)}" for k, v in exports.items()))

    pushes = None
    if a.push:
        print(f"\npushes of the {largest:,} store (warm servers; floor = the same rows and batches, plain)", flush=True)
        pushes = measured["pushes"] = time_pushes(work / f"store-{largest}", work)

    print("\ntargets (issue 10)")
    sz = measured["sizes"]
    per_article = {n: sz[n]["cpu"] / sz[n]["articles"] for n in sizes}
    if len(sizes) > 1:
        ratio = per_article[largest] / per_article[sizes[-2]]
        print(f"  CPU/article at {largest:,} vs {sizes[-2]:,}: {ratio:.2f}x (target ≤ 1.3x at 20,000 vs 2,000): {verdict(ratio <= 1.3)}")
    ratio = into_large["wall"] / into_empty["wall"]
    print(f"  {a.more} into the {largest:,} store vs into an empty one: {ratio:.2f}x (≤ 1.5x): {verdict(ratio <= 1.5)}")
    print(f"  peak RSS at {largest:,}: {sz[largest]['rss_mb']:.0f} MB (< 1 GB): {verdict(sz[largest]['rss_mb'] < 1024)}")
    for q in queries:
        limit = 200 if q["query"] == "meetings" else 20
        worst = max(q["cypher"][0], q["sparql"][0])
        print(f"  {q['query']}: p50 Cypher {q['cypher'][0]:.1f} ms, SPARQL {q['sparql'][0]:.1f} ms (≤ {limit} ms): "
              f"{verdict(worst <= limit)}; SPARQL/Cypher {q['sparql'][0] / q['cypher'][0]:.2f}x (≤ 2x): "
              f"{verdict(q['sparql'][0] <= 2 * q['cypher'][0])}; rows identical: {verdict(q['sparql_same'])}")
    print(f"  CLI named query on a small store: {start * 1000:.0f} ms (≤ 300 ms): {verdict(start <= 0.3)}")
    for fmt, limit in (("html", 60), ("graphml", 20)):
        took = exports[fmt]
        print(f"  export {fmt} at {largest:,}: {fmt_s(took, a.export_timeout)} (≤ {limit} s at 20,000): "
              f"{verdict(took is not None and took <= limit)}")
    if pushes:
        neo, load, fus = pushes["neo4j"], pushes.get("neo4j_import"), pushes["fuseki"]
        print(f"  Neo4j push at {largest:,}: {neo['push_rate']:,.0f}/s, floor (UNWIND … CREATE) {neo['floor_rate']:,.0f}/s: "
              f"{neo['ratio']:.2f}x (≤ 1.5x): {verdict(neo['ratio'] <= 1.5)}")
        if load:
            faster = neo["push_seconds"] / load["seconds"]
            print(f"  initial load (CSV export + neo4j-admin import + constraints) {load['seconds']:.1f} s vs push "
                  f"{neo['push_seconds']:.1f} s: {faster:.2f}x faster (≥ 5x): {verdict(faster >= 5)}")
        print(f"  Fuseki push: {fus['push_rate']:,.0f} triples/s, floor (one PUT) {fus['floor_rate']:,.0f}/s: "
              f"{fus['ratio']:.2f}x (no target in issue 10)")
    else:
        print("  pushes: not measured (--no-push)")
    if a.json:
        a.json.write_text(json.dumps(measured, indent=1, default=str))
    if not a.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
