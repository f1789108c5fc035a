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
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coalition_graph.graph.backends.neo4j import Neo4jBackend, push_to_neo4j  # noqa: E402
from coalition_graph.graph.backends.sparql_remote import SparqlRemoteBackend, push_to_sparql  # noqa: E402
from coalition_graph.graph.store import Store  # noqa: E402
from coalition_graph.queries import run_named  # noqa: E402
from coalition_graph.schema import models as m  # noqa: E402

COUNTRIES = ["FRA", "DEU", "GBR", "ITA", "POL", "ESP", "NLD", "BEL", "SWE", "FIN", "NOR", "DNK", "EST", "LVA", "LTU",
             "CZE", "SVK", "ROU", "BGR", "PRT", "GRC", "AUT", "IRL", "CAN", "AUS", "JPN", "NZL", "TUR", "UKR", "USA"]
CITIES = ["Paris", "London", "Berlin", "Rome", "Warsaw", "Madrid", "Brussels", "Stockholm", "Helsinki", "Oslo"]
PERSONS_PER_ARTICLE = 8
STATEMENTS_PER_ARTICLE = 6
PLEDGES_PER_ARTICLE = 3
ARTICLES_WITH_A_MEETING = 1500  # meeting resolution compares with every known meeting: keep it quadratic-small


def synthetic_article(i: int) -> m.Article:
    published = dt.date(2020, 1, 1) + dt.timedelta(days=i % 2000)
    return m.Article(id=f"synthetic-{i:06d}", url=f"https://news.example.org/{i:06d}", title=f"Synthetic report {i}",
                     publisher="Bench Wire", published=published,
                     text=f"Synthetic report number {i}. Leaders met and pledged support. Officials spoke.")


def synthetic_facts(article: m.Article) -> m.ArticleFacts:
    """Deterministic facts for a synthetic article: new people, statements and pledges, shared countries."""
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


def build_store(path: Path, articles: int) -> tuple[Store, float]:
    store = Store.open(path, create=True)
    started = time.perf_counter()
    store.ingest((synthetic_article(i) for i in range(articles)), extractor=synthetic_facts, batch_size=500, progress=False)
    return store, time.perf_counter() - started


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
    args = parser.parse_args()

    from tests.backend_servers import prepare, start_fuseki, start_neo4j

    workdir = Path(tempfile.mkdtemp(prefix="coalition-bench-"))
    store_path = args.store or workdir / "store"
    print(f"building a synthetic store of {args.articles} articles in {store_path} ...", flush=True)
    store, ingest_seconds = build_store(store_path, args.articles)
    counts = store.counts()
    nodes = sum(v for k, v in counts.items() if k[0].isupper() and not k.isupper())
    rels = sum(v for k, v in counts.items() if k.isupper())
    print(f"store: {nodes:,} nodes, {rels:,} relationships, {args.articles:,} articles; "
          f"ingest with views {ingest_seconds:.1f}s", flush=True)

    prepare()
    neo4j_server = start_neo4j(workdir, heap="1g", pagecache_mb=512)
    fuseki_server = start_fuseki(workdir, heap="3g")
    print(f"servers: Neo4j started in {neo4j_server.start_seconds:.1f}s, Fuseki in {fuseki_server.start_seconds:.1f}s",
          flush=True)
    try:
        first = push_to_neo4j(store, neo4j_server.uri, neo4j_server.user, neo4j_server.password,
                              batch_size=args.batch_size)
        print(f"Neo4j first push:  {first.summary()}", flush=True)
        again = push_to_neo4j(store, neo4j_server.uri, neo4j_server.user, neo4j_server.password,
                              batch_size=args.batch_size)
        print(f"Neo4j second push: {again.summary()}", flush=True)
        neo4j = Neo4jBackend(neo4j_server.uri, neo4j_server.user, neo4j_server.password)
        in_neo4j = neo4j.count()
        assert sum(v for k, v in in_neo4j.items() if not k.isupper()) == nodes, in_neo4j
        assert sum(v for k, v in in_neo4j.items() if k.isupper()) == rels, in_neo4j

        sparql_push = push_to_sparql(store, fuseki_server.query_url, gsp_endpoint=fuseki_server.gsp_url)
        print(f"Fuseki push:       {sparql_push.summary()}", flush=True)
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
    finally:
        neo4j_server.stop()
        fuseki_server.stop()
        store.close()
        shutil.rmtree(workdir, ignore_errors=True)  # the servers' data, and the store unless --store


if __name__ == "__main__":
    main()
