"""CLI start-up (issue 10: a named query on a small store within 0.3 s): a named query loads only what it
uses. Each check runs the command in a fresh interpreter and lists the heavy modules it imported."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Needed only to ingest, export, plot or reach a server: none of them belongs in a named query's start-up.
HEAVY = ("pydantic", "coalition_graph.schema.models", "coalition_graph.loaders.readers", "coalition_graph.graph.merge",
         "spacy", "numpy", "matplotlib", "networkx", "pandas", "trafilatura", "neo4j", "currency_converter")
# The embedded SPARQL engine is asked through pyoxigraph itself; rdflib's SPARQL parser comes only with
# the rdflib Graph over the view (rdflib_graph).
SPARQL_HEAVY = ("oxrdflib", "rdflib.plugins.sparql")

RUN = """
import io, json, sys, contextlib
sys.argv = ["coalition", *json.loads(sys.argv[1])]
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        from coalition_graph.cli import main
        main()
    except SystemExit as done:
        code = done.code
print(json.dumps({"code": code, "rows": json.loads(out.getvalue()), "modules": sorted(sys.modules)}))
"""


def _run(args: list[str]) -> dict:
    done = subprocess.run([sys.executable, "-c", RUN, json.dumps(args)], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _loaded(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


@pytest.mark.parametrize("args", [
    ["attendance", "--person", "Macron"],
    ["meetings"],
    ["pledges", "--donor", "UK", "--since", "2025-03"],
    ["statements", "--speaker", "Zelensky"],
])
def test_a_named_query_on_the_cypher_engine_loads_no_heavy_module(sample_store_path: Path, args: list[str]):
    result = _run([*args, "--store", str(sample_store_path), "--format", "json"])
    assert result["code"] == 0 and result["rows"], result["rows"]
    assert _loaded(result["modules"], HEAVY + SPARQL_HEAVY + ("rdflib", "pyoxigraph")) == []


def test_a_named_query_on_the_sparql_engine_loads_no_rdflib_sparql_parser(sample_store_path: Path):
    args = ["attendance", "--person", "Macron", "--store", str(sample_store_path), "--format", "json"]
    cypher, sparql = _run(args), _run([*args, "--engine", "sparql"])
    assert sparql["code"] == 0 and sparql["rows"] == cypher["rows"] and sparql["rows"]
    assert "pyoxigraph" in sparql["modules"]
    assert _loaded(sparql["modules"], HEAVY + SPARQL_HEAVY) == []


def test_the_rdflib_graph_over_the_view_is_still_there_when_asked_for(sample_store):
    graph = sample_store.sparql.rdflib_graph
    assert graph is sample_store.sparql.rdflib_graph  # made once
    assert len(graph) == sum(1 for _ in sample_store.sparql.quads())
