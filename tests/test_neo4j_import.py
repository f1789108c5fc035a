"""The CSV export loaded by a real `neo4j-admin database import full` (Neo4j 5.26 from Maven Central, the
jars tests/servers/prepare.sh fetched), run through the exported import.sh as a user runs it, then read
back over Bolt from a Neo4j server started on the imported database."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter

import neo4j
import pytest

from coalition_graph.graph.export import export_graph
from tests.backend_servers import NEO4J_PASSWORD, ServerStartError, neo4j_admin, prepare, start_neo4j


# Stand-ins for the distribution's `neo4j` and `cypher-shell` (the tests have Neo4j's jars, not its tarball):
# `neo4j start` asks the test to start the server on the imported home and waits for it; cypher-shell runs its
# statements over Bolt with the official driver, as the real one does.
FAKE_NEO4J = """#!/bin/sh
case "$1" in
  status) [ -f "$NEO4J_TEST_STATE/started" ] ;;
  start) touch "$NEO4J_TEST_STATE/start-requested"; n=0
         while [ ! -f "$NEO4J_TEST_STATE/started" ]; do sleep 0.2; n=$((n + 1)); [ "$n" -gt 1500 ] && exit 1; done
         echo "Started neo4j" ;;
  *) echo "neo4j $1: not in this stand-in" >&2; exit 2 ;;
esac
"""
FAKE_CYPHER_SHELL = """#!{python}
import argparse, os, sys
from pathlib import Path
import neo4j
p = argparse.ArgumentParser()
p.add_argument("-d"); p.add_argument("-u"); p.add_argument("-p"); p.add_argument("-a"); p.add_argument("-f")
p.add_argument("cypher", nargs="?")
args = p.parse_args()
state = Path(os.environ["NEO4J_TEST_STATE"])
with open(state / "cypher-shell.calls", "a") as calls:
    calls.write(" ".join(sys.argv[1:]) + "\\n")
started = state / "started"
address = args.a or os.environ.get("NEO4J_ADDRESS") or (started.read_text().strip() if started.exists() else "")
if not address:
    sys.exit("cypher-shell: connection refused")
text = Path(args.f).read_text() if args.f else args.cypher
try:
    with neo4j.GraphDatabase.driver(address, auth=(args.u, args.p)) as driver:
        for statement in text.split(";"):
            if statement.strip():
                driver.execute_query(statement, database_=args.d)
except Exception as error:
    sys.exit(f"cypher-shell: {{error}}")
"""


@pytest.fixture(scope="module")
def imported(sample_store, tmp_path_factory):
    """(graph, Neo4j server on the database import.sh made, import.sh's output, the CSV directory, the state dir).

    import.sh runs its whole documented flow: the offline import, `neo4j start`, then constraints.cypher."""
    try:
        prepare()
    except ServerStartError as error:
        pytest.fail(str(error), pytrace=False)
    work = tmp_path_factory.mktemp("neo4j-import")
    graph = sample_store.networkx()
    export_graph(graph, "csv", work / "csv")
    bin_dir = neo4j_admin(work / "bin", heap="1g").parent
    for name, text in (("neo4j", FAKE_NEO4J), ("cypher-shell", FAKE_CYPHER_SHELL.format(python=sys.executable))):
        (bin_dir / name).write_text(text)
        (bin_dir / name).chmod(0o755)
    state = work / "state"
    state.mkdir()
    home = work / "neo4j-home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(NEO4J_HOME=str(home), PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}", NEO4J_PASSWORD=NEO4J_PASSWORD,
               NEO4J_TEST_STATE=str(state), NEO4J_WAIT="60")
    script = subprocess.Popen(["sh", str(work / "csv" / "import.sh")], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, stdin=subprocess.DEVNULL)
    server = None
    try:
        deadline = time.monotonic() + 400
        while script.poll() is None and time.monotonic() < deadline:
            if server is None and (state / "start-requested").exists():  # what `neo4j start` does
                server = start_neo4j(work, home=home)
                (state / "started.tmp").write_text(server.uri)
                (state / "started.tmp").rename(state / "started")
            time.sleep(0.2)
        if script.poll() is None:
            script.kill()
        output = script.communicate(timeout=30)[0]
        assert script.returncode == 0, output[-3000:]
        assert server is not None, "import.sh never started Neo4j"
        yield graph, server, output, work / "csv", state
    finally:
        if server is not None:
            server.stop()


def query(server, cypher: str, **params):
    with neo4j.GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as driver:
        records, _, _ = driver.execute_query(cypher, params, database_=server.database)
    return [r.data() for r in records]


def test_neo4j_admin_imports_every_node_and_relationship(imported):
    graph, server, output, _, _ = imported
    assert "IMPORT DONE" in output
    assert f"{graph.number_of_nodes()} nodes" in output and f"{graph.number_of_edges()} relationships" in output
    labels = Counter(d["label"] for _, d in graph.nodes(data=True))
    got = {r["label"]: r["n"] for r in query(server, "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")}
    assert got == dict(labels)
    types = Counter(d["type"] for _, _, d in graph.edges(data=True))
    got = {r["type"]: r["n"] for r in query(server, "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")}
    assert got == dict(types)


def test_imported_values_are_typed_and_every_node_has_a_caption(imported):
    graph, server, _, _, _ = imported
    meeting, data = next((n, d) for n, d in sorted(graph.nodes(data=True))
                         if d["label"] == "Meeting" and d.get("start_date"))
    row = query(server, "MATCH (m:Meeting {id: $id}) RETURN m.name AS name, m.start_date AS day, m.sources AS sources",
                id=meeting)[0]
    assert row["name"] == data["name"]
    assert isinstance(row["day"], neo4j.time.Date) and row["day"].iso_format() == data["start_date"].isoformat()
    assert row["sources"] == list(data["sources"])
    amounts = query(server, "MATCH (p:Pledge) WHERE p.amount IS NOT NULL RETURN p.amount AS amount LIMIT 5")
    assert amounts and all(isinstance(r["amount"], float) for r in amounts)
    # Browser and Bloom show a caption for every node: name, else title, else caption
    assert query(server, "MATCH (n) WHERE coalesce(n.name, n.title, n.caption) IS NULL RETURN count(n) AS n") == [{"n": 0}]
    attended = sum(1 for _, _, d in graph.edges(data=True) if d["type"] == "ATTENDED" and d.get("role"))
    assert query(server, "MATCH ()-[a:ATTENDED]->() WHERE a.role IS NOT NULL RETURN count(a) AS n") == [{"n": attended}]


def test_import_sh_starts_neo4j_and_creates_a_uniqueness_constraint_on_id_per_label(imported):
    graph, server, output, csv_dir, state = imported
    # the documented flow did it all: neo4j start, wait, cypher-shell -f constraints.cypher (not this test)
    assert "Started neo4j" in output and "uniqueness constraints on id created in neo4j" in output
    calls = (state / "cypher-shell.calls").read_text().splitlines()
    assert calls[-1].endswith("-f constraints.cypher") and f"-p {NEO4J_PASSWORD}" in calls[-1]
    rows = query(server, "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties RETURN *")
    unique = {r["labelsOrTypes"][0] for r in rows if r["type"] == "UNIQUENESS" and r["properties"] == ["id"]}
    assert unique == {d["label"] for _, d in graph.nodes(data=True)}
    # and Neo4j now refuses a second node with an id that is taken
    taken = next(iter(graph.nodes))
    label = graph.nodes[taken]["label"]
    with pytest.raises(neo4j.exceptions.ConstraintError):
        query(server, f"CREATE (:{label} {{id: $id}})", id=taken)
