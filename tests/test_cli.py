"""The `coalition` CLI, in process: output, exit codes, one-line errors for user mistakes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from coalition_graph.cli import cli
from coalition_graph.errors import ExitStatus
from tests.conftest import FIXTURES, SAMPLE


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "store"
    result = CliRunner().invoke(cli, ["ingest", str(SAMPLE), "--store", str(path)])
    assert result.exit_code == 0, result.output
    return path


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def one_line_error(result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def test_ingest_reports_what_it_did_and_reingest_changes_nothing(store_dir: Path):
    result = run("ingest", str(SAMPLE), "--store", str(store_dir))
    assert result.exit_code == 0
    assert "12 articles read: 0 added, 0 updated, 12 unchanged" in result.stderr


@pytest.mark.parametrize("name", ["meetings", "attendance", "pledges", "statements"])
def test_named_query_json_is_one_array(store_dir: Path, name: str):
    result = run(name, "--store", str(store_dir), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert isinstance(rows, list) and rows and all("sources" in r for r in rows)
    sparql = json.loads(run(name, "--store", str(store_dir), "--format", "json", "--engine", "sparql").stdout)
    assert sparql == rows


def test_table_and_csv(store_dir: Path):
    table = run("attendance", "--store", str(store_dir), "--person", "Starmer")
    assert table.exit_code == 0 and "Keir Starmer" in table.stdout and table.stdout.rstrip().endswith("rows)")
    csv_out = run("pledges", "--store", str(store_dir), "--format", "csv", "--donor", "GBR")
    header, *lines = csv_out.stdout.splitlines()
    assert "donor.name" in header.split(",") and lines
    assert all("United Kingdom" in line for line in lines)


def test_own_cypher_and_sparql_queries(store_dir: Path):
    cypher = run("query", "--store", str(store_dir), "--format", "json",
                 "--cypher", "MATCH (p:Person)-[:ATTENDED]->(m:Meeting) RETURN count(*) AS n")
    sparql = run("query", "--store", str(store_dir), "--format", "json", "--sparql",
                 "PREFIX cg: <https://w3id.org/coalition-graph/ontology#> PREFIX schema: <https://schema.org/> "
                 "SELECT (COUNT(*) AS ?n) WHERE { ?a cg:attendee ?p ; cg:meeting ?m . ?p a schema:Person }")
    assert cypher.exit_code == 0 and sparql.exit_code == 0
    assert json.loads(cypher.stdout)[0]["n"] == json.loads(sparql.stdout)[0]["n"] > 0


def test_malformed_queries_give_the_engines_message_on_one_line(store_dir: Path):
    bad_cypher = run("query", "--store", str(store_dir), "--cypher", "MATCH (p:Persn) RETURN p")
    assert bad_cypher.exit_code == ExitStatus.BAD_QUERY
    assert "Persn" in one_line_error(bad_cypher)
    bad_sparql = run("query", "--store", str(store_dir), "--sparql", "SELEKT ?x WHERE { ?x ?y ?z }")
    assert bad_sparql.exit_code == ExitStatus.BAD_QUERY
    assert one_line_error(bad_sparql).startswith("Error:")


def test_query_against_a_missing_store(tmp_path: Path):
    result = run("meetings", "--store", str(tmp_path / "nope"))
    assert result.exit_code == ExitStatus.NO_STORE
    assert "no store at" in one_line_error(result)
    assert not (tmp_path / "nope").exists()


def test_store_defaults_to_the_environment(store_dir: Path, monkeypatch):
    monkeypatch.setenv("COALITION_STORE", str(store_dir))
    result = run("meetings", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)


def test_bad_input_files_are_reported_and_good_ones_kept(tmp_path: Path):
    store = tmp_path / "store"
    feed = tmp_path / "feed.jsonl"
    good = {"url": "https://example.org/a", "published": "2025-03-27",
            "text": "French President Emmanuel Macron hosted a summit in Paris on Thursday."}
    feed.write_text(json.dumps(good) + "\n{broken\n")
    (tmp_path / "photo.txt").write_bytes(bytes(range(256)))
    result = run("ingest", str(feed), str(tmp_path / "photo.txt"), "--store", str(store))
    assert result.exit_code == ExitStatus.BAD_INPUT
    assert f"{feed}:2: malformed JSON" in result.stderr
    assert "photo.txt: binary file" in result.stderr
    assert "1 article read: 1 added" in result.stderr
    assert "Traceback" not in result.output
    stored = run("query", "--store", str(store), "--format", "json", "--cypher", "MATCH (a:Article) RETURN a.url AS url")
    assert json.loads(stored.stdout) == [{"url": "https://example.org/a"}]


def test_strict_stops_at_the_first_bad_input(tmp_path: Path):
    feed = tmp_path / "feed.jsonl"
    rows = [{"url": f"https://example.org/{i}", "text": f"Article {i} about NATO."} for i in range(3)]
    feed.write_text(json.dumps(rows[0]) + "\nnot json\n" + json.dumps(rows[1]) + "\n")
    result = run("ingest", str(feed), "--store", str(tmp_path / "s"), "--strict")
    assert result.exit_code == ExitStatus.BAD_INPUT
    assert one_line_error(result) == f"Error: {feed}:2: malformed JSON: Expecting value (column 1)"


def test_stdin_and_explain(tmp_path: Path):
    store = str(tmp_path / "s")
    article = {"url": "https://example.org/video-call", "published": "2025-03-15",
               "text": "British Prime Minister Keir Starmer hosted a video call of the Coalition of the Willing "
                       "on Saturday. \"We will keep up the pressure,\" Starmer said."}
    result = run("ingest", "-", "--store", store, input=json.dumps(article))
    assert result.exit_code == 0, result.output
    rows = json.loads(run("statements", "--store", store, "--format", "json").stdout)
    assert rows, "the quote should be a statement"
    explained = run("explain", rows[0]["id"], "--store", store)
    assert explained.exit_code == 0
    assert "https://example.org/video-call" in explained.stdout and "rule " in explained.stdout
    missing = run("explain", "statement/nope", "--store", store)
    assert missing.exit_code == ExitStatus.NOT_FOUND and "no node or relationship" in one_line_error(missing)


def test_reindex_rebuilds_and_keeps_answers(tmp_path: Path):
    store = str(tmp_path / "s")
    assert run("ingest", str(FIXTURES / "formats"), "--store", store).exit_code == 0
    before = run("attendance", "--store", store, "--format", "json").stdout
    result = run("reindex", "--store", store)
    assert result.exit_code == 0 and "Rebuilt cypher, sparql views" in result.stderr
    assert run("attendance", "--store", store, "--format", "json").stdout == before


def test_python_dash_m_entry_point():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "coalition_graph", "--help"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "ingest" in out.stdout and "attendance" in out.stdout


def test_whole_nodes_stay_one_cell_in_table_and_csv(store_dir: Path):
    table = run("query", "--store", str(store_dir), "--cypher", "MATCH (c:Country {iso3: 'GBR'}) RETURN c, c.name AS name")
    header, _, row, *_ = table.stdout.splitlines()
    assert header.split()[:2] == ["c", "name"]
    assert '"_LABEL": "Country"' in row and '"iso3": "GBR"' in row and "_ID" not in row
    csv_out = run("query", "--store", str(store_dir), "--format", "csv", "--cypher", "MATCH (c:Country {iso3: 'GBR'}) RETURN c")
    assert csv_out.stdout.splitlines()[0] == "c"


def test_dates_must_be_iso_days_on_every_engine(store_dir: Path):
    for engine in ("cypher", "sparql"):
        result = run("pledges", "--store", str(store_dir), "--since", "20250301", "--engine", engine)
        assert result.exit_code == ExitStatus.USAGE
        assert "YYYY-MM-DD" in one_line_error(result)


def test_maps_stay_one_cell_and_unreadable_query_files_are_one_line(store_dir: Path, tmp_path: Path):
    table = run("query", "--store", str(store_dir), "--cypher", "RETURN {a: 1, b: 'x'} AS m, 3 AS n")
    assert '{"a": 1, "b": "x"}' in table.stdout
    bad = tmp_path / "q.cypher"
    bad.write_bytes(b"MATCH (n) RETURN \xff")
    result = run("query", "--store", str(store_dir), "--file", str(bad))
    assert result.exit_code == ExitStatus.BAD_INPUT and "cannot read the query" in one_line_error(result)


def test_a_store_path_that_cannot_be_created_is_one_line(tmp_path: Path):
    (tmp_path / "afile").write_text("x")
    result = run("ingest", str(SAMPLE), "--store", str(tmp_path / "afile" / "sub"))
    assert result.exit_code != 0 and "cannot create the store" in one_line_error(result)
