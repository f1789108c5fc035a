#!/usr/bin/env python3
"""Benchmark: push throughput to Neo4j and Fuseki, and one named query's latency on every backend.

    .venv/bin/python scripts/bench_push.py [--articles 5800] [--runs 5] [--store DIR]

1. Builds a synthetic store of about 18 nodes and 29 relationships an article (5,800 articles ≈ 104,000
   nodes) through the store's own ingest path, with a synthetic extractor in place of the rule-based one
   (so the benchmark measures storage and pushing, not extraction).
2. Starts Neo4j and Fuseki from tests/servers (run tests/servers/prepare.sh first, or let this do it).
3. Pushes the store to Neo4j (nodes + relationships per second), pushes it again (the idempotent
   re-push), and to Fuseki through the Graph Store Protocol (triples per second).
4. Times the same named queries on embedded Cypher, embedded SPARQL, Neo4j and Fuseki (median of --runs
   after one warm-up run) and checks that every backend gave the same rows.

A benchmark, not a test: it prints numbers and takes minutes.
"""
from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __name__ == "__main__":
    # run as a script: measure this checkout. Imported (scripts/bench.py), the caller's sys.path decides
    # which checkout is measured (bench.py --code), so the coalition_graph imports below are in functions.
    sys.path.insert(0, str(ROOT))

COUNTRIES = ["FRA", "DEU", "GBR", "ITA", "POL", "ESP", "NLD", "BEL", "SWE", "FIN", "NOR", "DNK", "EST", "LVA", "LTU",
             "CZE", "SVK", "ROU", "BGR", "PRT", "GRC", "AUT", "IRL", "CAN", "AUS", "JPN", "NZL", "TUR", "UKR", "USA"]
CITIES = ["Paris", "London", "Berlin", "Rome", "Warsaw", "Madrid", "Brussels", "Stockholm", "Helsinki", "Oslo"]
PERSONS_PER_ARTICLE = 8
STATEMENTS_PER_ARTICLE = 6
PLEDGES_PER_ARTICLE = 3
ARTICLES_WITH_A_MEETING = 1500  # meeting resolution compares with every known meeting: keep it quadratic-small


def synthetic_article(i: int):
    from coalition_graph.schema import models as m

    published = dt.date(2020, 1, 1) + dt.timedelta(days=i % 2000)
    return m.Article(id=f"synthetic-{i:06d}", url=f"https://news.example.org/{i:06d}", title=f"Synthetic report {i}",
                     publisher="Bench Wire", published=published,
                     text=f"Synthetic report number {i}. Leaders met and pledged support. Officials spoke.")


def synthetic_facts(article):
    """Deterministic facts for a synthetic article: new people, statements and pledges, shared countries."""
    from coalition_graph.schema import models as m

    i = int(article.id.rsplit("-", 1)[1])
    day = article.published

    def evidence(rule: str) -> list[m.Evidence]:
        return [m.Evidence(article_id=article.id, sentence=article.text[:40], start=0, end=40, rule=rule)]

    persons = [m.Person(key=f"bench-person-{i}-{k}", name=f"Person {i}-{k}") for k in range(PERSONS_PER_ARTICLE)]
    country = COUNTRIES[i % len(COUNTRIES)]
    meetings, attendances = [], []
    if i < ARTICLES_WITH_A_MEETING:
        meetings.append(m.Meeting(key="M1", name=f"Bench summit {i}", kind="summit", start=day, city=f"{CITIES[i % 10]} {i}",
                                  country=country, evidence=evidence("bench-meeting")))
        attendances = [m.Attendance(meeting="M1", person=p.key, country=COUNTRIES[(i + k) % len(COUNTRIES)],
                                    evidence=evidence("bench-attendance")) for k, p in enumerate(persons)]
    donor = m.Organization(key=f"bench-donor-{i}", name=f"Donor Fund {i}", kind="agency")
    pledges = [m.Pledge(key=f"P{k}", donor=m.Actor(kind="organization", key=donor.key),
                        recipient=m.Actor(kind="country", key="UKR"), amount=float(1_000_000 * (k + 1) + i),
                        currency="EUR", amount_eur=float(1_000_000 * (k + 1) + i), what=f"package {k}",
                        kind="military", announced=day, meeting="M1" if meetings else None,
                        evidence=evidence("bench-pledge")) for k in range(PLEDGES_PER_ARTICLE)]
    statements = [m.Statement(key=f"S{k}", speaker=persons[k].key, text=f"Statement {k} of report {i}.", date=day,
                              direct=k % 2 == 0, meeting="M1" if meetings else None, evidence=evidence("bench-statement"))
                  for k in range(STATEMENTS_PER_ARTICLE)]
    offices = [m.OfficeHeld(person=persons[k].key, role="Minister", of=country, start=day) for k in range(2)]
    return m.ArticleFacts(article=article, persons=persons, organizations=[donor], meetings=meetings,
                          attendances=attendances, pledges=pledges, statements=statements, offices=offices)


def build_store(path: Path, articles: int):
    from coalition_graph.graph.store import Store

    store = Store.open(path, create=True)
    started = time.perf_counter()
    store.ingest((synthetic_article(i) for i in range(articles)), extractor=synthetic_facts, batch_size=500, progress=False)
    return store, time.perf_counter() - started


# ---------------------------------------------------------------- pushes against their floor (also used by bench.py)
def store_size(store) -> tuple[int, int]:
    """(nodes, relationships) of a store."""
    counts = store.counts()
    return (sum(v for k, v in counts.items() if k[0].isupper() and not k.isupper()),
            sum(v for k, v in counts.items() if k.isupper()))


def node_create(label: str) -> str:
    """The floor's statement: the push's own node upsert with CREATE in place of MERGE (same rows, same SETs)."""
    from coalition_graph.graph.backends.neo4j import node_upsert

    text = node_upsert(label)
    assert " MERGE (n:" in text, text
    return text.replace(" MERGE (n:", " CREATE (n:", 1)


def edge_create(rel_type: str, src_label: str, dst_label: str) -> str:
    """The floor's statement for relationships: MATCH both ends by id (as the push does), CREATE, not MERGE."""
    from coalition_graph.graph.backends.neo4j import edge_upsert

    text = edge_upsert(rel_type, src_label, dst_label)
    assert " MERGE (a)-[e:" in text, text
    return text.replace(" MERGE (a)-[e:", " CREATE (a)-[e:", 1)


def clear_neo4j(backend) -> None:
    """Empty the database (the constraints and indexes stay), in transactions of bounded size."""
    backend.query("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS")


def neo4j_push_vs_floor(store, server, batch_size: int = 5000) -> dict:
    """The push (`push_to_neo4j`) into an empty database, and again (idempotent), against the floor: the
    same rows in the same batches with CREATE in place of MERGE, on the same warm server, constraints in place.

    Order: a warm-up of each (JIT, page cache, both sets of query plans, the constraints), then clear, floor,
    clear, push, re-push. Each timing includes reading the store and building the rows, as the push does."""
    from coalition_graph.graph.backends.neo4j import Neo4jBackend, push_to_neo4j

    nodes, rels = store_size(store)
    backend = Neo4jBackend(server.uri, server.user, server.password)
    try:
        def floor() -> int:
            backend.ensure_schema()  # present already: what the push pays for it, the floor pays too
            return (backend.upsert_nodes(store.iter_nodes(), batch_size, statement=node_create)
                    + backend.upsert_edges(store.iter_edges(), batch_size, statement=edge_create))

        clear_neo4j(backend)
        push_to_neo4j(store, server.uri, batch_size=batch_size, backend=backend)  # warm-up of the push
        clear_neo4j(backend)
        floor()  # warm-up of the floor: its CREATE statements planned once, as the push's MERGEs were
        clear_neo4j(backend)
        started = time.perf_counter()
        written = floor()
        floor_seconds = time.perf_counter() - started
        assert written == nodes + rels, (written, nodes, rels)
        clear_neo4j(backend)
        first = push_to_neo4j(store, server.uri, batch_size=batch_size, backend=backend)
        again = push_to_neo4j(store, server.uri, batch_size=batch_size, backend=backend)
        in_neo4j = backend.count()
        assert sum(v for k, v in in_neo4j.items() if not k.isupper()) == nodes, in_neo4j
        assert sum(v for k, v in in_neo4j.items() if k.isupper()) == rels, in_neo4j
    finally:
        backend.close()
    return {"nodes": nodes, "relationships": rels, "floor_seconds": floor_seconds, "push_seconds": first.seconds,
            "repush_seconds": again.seconds, "floor_rate": (nodes + rels) / floor_seconds,
            "push_rate": first.per_second, "repush_rate": again.per_second,
            "ratio": first.seconds / floor_seconds, "repush_ratio": again.seconds / floor_seconds}


def neo4j_initial_load(store, workdir: Path, heap: str = "1g") -> dict:
    """The initial-load path for a new database, timed as a user runs it: `coalition export --format csv`
    (the store's graph as neo4j-admin CSV), its import.sh step 1 (`neo4j-admin database import full`,
    offline, into a fresh Neo4j home), then the uniqueness constraints on the server started on that home
    (constraints.cypher, as import.sh step 2 runs it). The server's start is not counted (nor is it for a push).
    Checks that the imported database holds every node and relationship."""
    from coalition_graph.graph.backends.neo4j import Neo4jBackend
    from coalition_graph.graph.export import export_graph
    from tests.backend_servers import NEO4J_PASSWORD, neo4j_admin, start_neo4j

    nodes, rels = store_size(store)
    csv_dir, home = workdir / "neo4j-csv", workdir / "neo4j-imported"
    shutil.rmtree(csv_dir, ignore_errors=True)
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    started = time.perf_counter()
    export_graph(store.networkx(), "csv", csv_dir)
    export_seconds = time.perf_counter() - started
    bin_dir = neo4j_admin(workdir / "neo4j-bin", heap=heap).parent
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}  # no password: import.sh stops after step 1
    env.update(NEO4J_HOME=str(home), PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}")
    started = time.perf_counter()
    done = subprocess.run(["sh", str(csv_dir / "import.sh")], env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL)
    import_seconds = time.perf_counter() - started
    if done.returncode != 0 or "IMPORT DONE" not in done.stdout + done.stderr:
        raise RuntimeError(f"import.sh failed ({done.returncode}):\n{(done.stdout + done.stderr)[-3000:]}")
    server = start_neo4j(workdir / "neo4j-imported-run", heap=heap, home=home)
    try:
        backend = Neo4jBackend(server.uri, server.user, NEO4J_PASSWORD)
        try:
            started = time.perf_counter()
            for statement in (csv_dir / "constraints.cypher").read_text().split(";"):
                if statement.strip():
                    backend.query(statement)
            backend.query("CALL db.awaitIndexes(600)")  # the constraints' indexes populated, as after a push
            constraint_seconds = time.perf_counter() - started
            got = backend.query("MATCH (n) RETURN count(n)").rows[0][0], backend.query("MATCH ()-[r]->() RETURN count(r)").rows[0][0]
        finally:
            backend.close()
    finally:
        server.stop()
    assert got == (nodes, rels), (got, nodes, rels)
    seconds = export_seconds + import_seconds + constraint_seconds
    return {"nodes": nodes, "relationships": rels, "export_seconds": export_seconds, "import_seconds": import_seconds,
            "constraint_seconds": constraint_seconds, "seconds": seconds, "rate": (nodes + rels) / seconds}


def fuseki_push_vs_floor(store, server) -> dict:
    """`push_to_sparql` through the Graph Store Protocol (N-Triples in GSP_CHUNK-triple requests) against
    its floor: the same N-Triples, serialized beforehand, in one PUT. A warm-up push first."""
    from coalition_graph.graph.backends.sparql_remote import N_TRIPLES, SparqlRemoteBackend, ntriples_lines, push_to_sparql
    from coalition_graph.schema.rdf import ontology_triples, view_triples

    push_to_sparql(store, server.query_url, gsp_endpoint=server.gsp_url)  # warm-up
    body = "".join(ntriples_lines(itertools.chain(ontology_triples(), view_triples(store.iter_nodes(), store.iter_edges()))))
    triples = body.count("\n")
    backend = SparqlRemoteBackend(server.query_url, gsp_endpoint=server.gsp_url)
    started = time.perf_counter()
    backend._request(backend._gsp_url(), method="PUT", data=body.encode("utf-8"),
                     headers={"Content-Type": N_TRIPLES}, what="Graph Store")
    floor_seconds = time.perf_counter() - started
    push = push_to_sparql(store, server.query_url, gsp_endpoint=server.gsp_url)
    assert push.triples == triples, (push.triples, triples)
    return {"triples": triples, "requests": push.requests, "floor_seconds": floor_seconds, "push_seconds": push.seconds,
            "floor_rate": triples / floor_seconds, "push_rate": push.triples / push.seconds,
            "ratio": push.seconds / floor_seconds}


def measure_pushes(store, workdir: Path, *, batch_size: int = 5000, initial_load: bool = True, log=print) -> dict:
    """Start Neo4j and Fuseki from tests/servers, measure every push against its floor, stop them."""
    from tests.backend_servers import prepare, start_fuseki, start_neo4j

    prepare()
    out: dict = {}
    server = start_neo4j(workdir / "neo4j-run", heap="1g", pagecache_mb=512)
    try:
        out["neo4j"] = neo4j_push_vs_floor(store, server, batch_size)
    finally:
        server.stop()  # before the import's server starts: one Neo4j at a time on this machine
    log(f"Neo4j: {format_neo4j(out['neo4j'])}")
    if initial_load:
        out["neo4j_import"] = neo4j_initial_load(store, workdir)
        log(f"Neo4j initial load: {format_import(out['neo4j_import'], out['neo4j'])}")
    fuseki = start_fuseki(workdir / "fuseki-run", heap="2g")
    try:
        out["fuseki"] = fuseki_push_vs_floor(store, fuseki)
    finally:
        fuseki.stop()
    log(f"Fuseki: {format_fuseki(out['fuseki'])}")
    return out


def format_neo4j(r: dict) -> str:
    return (f"{r['nodes']:,} nodes + {r['relationships']:,} relationships; push {r['push_seconds']:.1f} s "
            f"({r['push_rate']:,.0f}/s), floor (UNWIND … CREATE) {r['floor_seconds']:.1f} s ({r['floor_rate']:,.0f}/s): "
            f"{r['ratio']:.2f}x the floor; re-push {r['repush_seconds']:.1f} s ({r['repush_ratio']:.2f}x)")


def format_import(r: dict, push: dict) -> str:
    return (f"export csv {r['export_seconds']:.1f} s + neo4j-admin import {r['import_seconds']:.1f} s + constraints "
            f"{r['constraint_seconds']:.1f} s = {r['seconds']:.1f} s ({r['rate']:,.0f}/s): "
            f"{push['push_seconds'] / r['seconds']:.2f}x faster than the push")


def format_fuseki(r: dict) -> str:
    return (f"{r['triples']:,} triples; push {r['push_seconds']:.1f} s ({r['push_rate']:,.0f}/s, {r['requests']} requests), "
            f"floor (one PUT of the same N-Triples) {r['floor_seconds']:.1f} s ({r['floor_rate']:,.0f}/s): "
            f"{r['ratio']:.2f}x the floor")


def median_seconds(action, runs: int) -> float:
    action()  # warm-up: caches, JIT, query plans
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5800, help="synthetic articles (about 18 nodes each)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs a query (after one warm-up)")
    parser.add_argument("--store", type=Path, help="where to build the store (default: a temporary folder)")
    parser.add_argument("--batch-size", type=int, default=5000, help="rows a Neo4j transaction")
    parser.add_argument("--initial-load", action=argparse.BooleanOptionalAction, default=True,
                        help="also time the initial-load path (CSV export + neo4j-admin import)")
    args = parser.parse_args()

    from coalition_graph.graph.backends.neo4j import Neo4jBackend
    from coalition_graph.graph.backends.sparql_remote import SparqlRemoteBackend
    from coalition_graph.queries import run_named
    from tests.backend_servers import prepare, start_fuseki, start_neo4j

    workdir = Path(tempfile.mkdtemp(prefix="coalition-bench-"))
    store_path = args.store or workdir / "store"
    print(f"building a synthetic store of {args.articles} articles in {store_path} ...", flush=True)
    store, ingest_seconds = build_store(store_path, args.articles)
    nodes, rels = store_size(store)
    print(f"store: {nodes:,} nodes, {rels:,} relationships, {args.articles:,} articles; "
          f"ingest with views {ingest_seconds:.1f}s", flush=True)

    prepare()
    neo4j_server = start_neo4j(workdir, heap="1g", pagecache_mb=512)
    fuseki_server = start_fuseki(workdir, heap="3g")
    print(f"servers: Neo4j started in {neo4j_server.start_seconds:.1f}s, Fuseki in {fuseki_server.start_seconds:.1f}s",
          flush=True)
    try:
        pushed = neo4j_push_vs_floor(store, neo4j_server, args.batch_size)  # leaves the store pushed
        print(f"Neo4j: {format_neo4j(pushed)}", flush=True)
        print(f"Fuseki: {format_fuseki(fuseki_push_vs_floor(store, fuseki_server))}", flush=True)
        neo4j = Neo4jBackend(neo4j_server.uri, neo4j_server.user, neo4j_server.password)
        fuseki = SparqlRemoteBackend(fuseki_server.query_url)

        backends = {"embedded-cypher": store.cypher, "embedded-sparql": store.sparql, "neo4j": neo4j, "fuseki": fuseki}
        queries = [("attendance", {"person": "Person 1234-3"}), ("pledges", {"donor": "Donor Fund 4321"}),
                   ("statements", {"speaker": "Person 77-1"}), ("meetings", {})]
        print(f"\nnamed query latency, median of {args.runs} runs (ms):")
        print(f"{'query':42} " + " ".join(f"{name:>16}" for name in backends))
        for name, filters in queries:
            reference = run_named(store.cypher, name, **filters)
            cells = []
            for backend in backends.values():
                rows = run_named(backend, name, **filters)
                assert rows == reference, f"{backend.name} differs on {name} {filters}"
                cells.append(median_seconds(lambda b=backend: run_named(b, name, **filters), args.runs) * 1000)
            label = f"{name} {filters or ''} ({len(reference)} rows)"
            print(f"{label:42} " + " ".join(f"{ms:16.1f}" for ms in cells), flush=True)
        neo4j.close()
        neo4j_server.stop()  # one Neo4j at a time: the initial load starts its own on the imported home
        if args.initial_load:
            print(f"\nNeo4j initial load: {format_import(neo4j_initial_load(store, workdir), pushed)}", flush=True)
    finally:
        neo4j_server.stop()
        fuseki_server.stop()
        store.close()
        shutil.rmtree(workdir, ignore_errors=True)  # the servers' data, and the store unless --store


if __name__ == "__main__":
    main()
