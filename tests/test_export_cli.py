"""`coalition export`: every format from a store, filters, standard output, and clear errors."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from rdflib import Graph

from coalition_graph.cli import cli
from coalition_graph.graph.export import FORMATS, GraphFilter, filter_graph
from coalition_graph.graph.export.nx_formats import read_node_link


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_writes_from_the_store(tmp_path, sample_store_path, fmt):
    out = tmp_path / ("csv" if fmt == "csv" else f"graph.{fmt}")
    result = CliRunner().invoke(cli, ["export", "--format", fmt, "--out", str(out), "--store", str(sample_store_path)])
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.output
    if fmt == "csv":
        assert (out / "nodes_Meeting.csv").exists() and (out / "import.sh").exists()
    else:
        assert out.stat().st_size > 1000


def test_filters_reach_the_export(tmp_path, sample_store, sample_store_path):
    out = tmp_path / "hague.json"
    result = CliRunner().invoke(cli, ["export", "--format", "node-link", "--meeting", "Hague", "--types", "Person,Meeting,Country",
                                      "--out", str(out), "--store", str(sample_store_path)])
    assert result.exit_code == 0, result.output
    got = read_node_link(out)
    expected = filter_graph(sample_store.networkx(), GraphFilter(meeting="Hague", types=("Person,Meeting,Country",)))
    assert set(got) == set(expected) and got.number_of_edges() == expected.number_of_edges()
    assert {d["label"] for _, d in got.nodes(data=True)} <= {"Person", "Meeting", "Country"}
    assert any(d["label"] == "Meeting" and "Hague" in d["name"] for _, d in got.nodes(data=True))


def test_text_formats_go_to_standard_output(sample_store_path):
    result = CliRunner().invoke(cli, ["export", "--format", "turtle", "--since", "2025-06-01", "--until", "2025-06-30",
                                      "--store", str(sample_store_path)])
    assert result.exit_code == 0, result.output
    rdf = Graph().parse(data=result.stdout, format="turtle")
    assert len(rdf) > 20
    result = CliRunner().invoke(cli, ["export", "--format", "node-link", "--store", str(sample_store_path)])
    assert json.loads(result.stdout)["directed"] is True


def test_user_mistakes_are_one_line_errors(tmp_path, sample_store_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "--format", "csv", "--store", str(sample_store_path)])
    assert result.exit_code != 0 and "--out" in result.output and "Traceback" not in result.output
    result = runner.invoke(cli, ["export", "--format", "gexf", "--types", "Leaders", "--store", str(sample_store_path)])
    assert result.exit_code != 0 and "unknown type 'Leaders'" in result.output
    result = runner.invoke(cli, ["export", "--format", "gexf", "--meeting", "Atlantis", "--store", str(sample_store_path)])
    assert result.exit_code == 7 and "Atlantis" in result.output
    result = runner.invoke(cli, ["export", "--format", "gexf", "--since", "March", "--store", str(sample_store_path)])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output
    result = runner.invoke(cli, ["export", "--format", "gexf", "--store", str(tmp_path / "nowhere")])
    assert result.exit_code == 4
