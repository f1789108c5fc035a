"""neo4j-admin CSV: headers neo4j-admin reads, one file per label and relationship type, re-read equals the graph."""
from __future__ import annotations

import csv

import pytest

from coalition_graph.graph.export import export_graph, typed
from coalition_graph.graph.export.neo4j_csv import ExportError, read_neo4j_csv
from tests.graph_fixtures import small_graph
from tests.test_export_networkx import assert_same_graph


def header(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return next(csv.reader(fh))


def test_csv_reread_equals_graph(tmp_path):
    graph = small_graph()
    written = export_graph(graph, "csv", tmp_path / "csv")
    assert len(written) == 7 + 16 + 2  # labels, (type, start label, end label) files, constraints.cypher, import.sh
    assert_same_graph(typed.without_none(graph), read_neo4j_csv(tmp_path / "csv"))


def test_csv_headers_are_neo4j_admin_headers(tmp_path):
    export_graph(small_graph(), "csv", tmp_path)
    assert header(tmp_path / "nodes_Meeting.csv") == [
        "id:ID(Meeting)", ":LABEL", "name", "kind", "start_date:date", "end_date:date", "date_precision", "city",
        "country", "mode", "sources:string[]"]
    assert header(tmp_path / "nodes_Pledge.csv")[:5] == ["id:ID(Pledge)", ":LABEL", "amount:double", "currency", "amount_eur:double"]
    assert "direct:boolean" in header(tmp_path / "nodes_Statement.csv")
    assert header(tmp_path / "rels_SOURCED_FROM_Meeting_Article.csv") == [
        ":START_ID(Meeting)", ":END_ID(Article)", ":TYPE", "id", "evidence", "start_offset:long", "end_offset:long",
        "rule", "sources:string[]"]
    rows = list(csv.reader(open(tmp_path / "nodes_Person.csv", encoding="utf-8")))
    starmer = next(r for r in rows if r[0] == "person/keir-starmer")
    assert starmer[header(tmp_path / "nodes_Person.csv").index("aliases:string[]")] == "Starmer;Sir Keir Starmer"
    script = (tmp_path / "import.sh").read_text()
    assert "neo4j-admin database import full" in script
    assert "--relationships=ATTENDED=rels_ATTENDED_Person_Meeting.csv" in script
    assert "--nodes=Person=nodes_Person.csv" in script


def test_a_list_item_with_the_array_delimiter_is_refused(tmp_path):
    graph = small_graph()
    graph.nodes["person/keir-starmer"]["aliases"] = ["Starmer; Keir"]
    with pytest.raises(ExportError):
        export_graph(graph, "csv", tmp_path)


def test_sample_store_csv_round_trip(sample_store, tmp_path):
    graph = sample_store.networkx()
    export_graph(graph, "csv", tmp_path)
    assert_same_graph(typed.without_none(graph), read_neo4j_csv(tmp_path))


def test_neo4j_import_has_captions_and_id_constraints(sample_store, tmp_path):
    import csv

    export_graph(sample_store.networkx(), "csv", tmp_path)
    for label in ("Pledge", "Statement"):
        with open(tmp_path / f"nodes_{label}.csv", newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        assert rows and all(r["caption"] for r in rows)
    constraints = (tmp_path / "constraints.cypher").read_text()
    for label in ("Meeting", "Person", "Pledge", "Statement", "Country"):
        assert f"FOR (n:{label}) REQUIRE n.id IS UNIQUE" in constraints
    assert "constraints.cypher" in (tmp_path / "import.sh").read_text()


def test_import_sh_without_a_password_or_cypher_shell_imports_and_says_what_to_run(tmp_path):
    """The paths of import.sh the real-Neo4j test (tests/test_neo4j_import.py) does not take."""
    import os
    import subprocess

    export_graph(small_graph(), "csv", tmp_path / "csv")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "neo4j-admin").write_text('#!/bin/sh\necho "neo4j-admin $*" > "$(dirname "$0")/admin.args"\n')
    (bin_dir / "neo4j-admin").chmod(0o755)
    base = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    base["PATH"] = f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin"

    def run(**env):
        return subprocess.run(["sh", str(tmp_path / "csv" / "import.sh"), "graphdb"], env={**base, **env},
                              capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)

    plain = run()
    assert plain.returncode == 0, plain.stderr
    assert "database import full graphdb" in (bin_dir / "admin.args").read_text()
    assert "cypher-shell -d graphdb -f constraints.cypher" in plain.stderr
    no_shell = run(NEO4J_PASSWORD="secret")
    assert no_shell.returncode == 1 and "cypher-shell is not on PATH" in no_shell.stderr
