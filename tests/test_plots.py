"""Plots: valid PNG/SVG files of the size asked for, drawn from exactly what the named queries return."""
from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections import defaultdict

import pytest
from click.testing import CliRunner
from PIL import Image

from coalition_graph.cli import cli
from coalition_graph.graph import plots
from coalition_graph.queries.named import run_named


@pytest.fixture(scope="module")
def pledge_rows(sample_store):
    return run_named(sample_store.cypher, "pledges")


@pytest.fixture(scope="module")
def attendance_rows(sample_store):
    return run_named(sample_store.cypher, "attendance")


def png_size(path):
    with Image.open(path) as img:
        img.verify()
    with Image.open(path) as img:
        return img.format, img.size


def test_pledges_plot_shows_the_named_query_in_euros(tmp_path, pledge_rows):
    out = tmp_path / "pledges.png"
    series = plots.plot_pledges(pledge_rows, out, cumulative=True, size=(900, 600))
    assert png_size(out) == ("PNG", (900, 600))
    # recompute the totals from the query rows, independently of the plot code
    totals = defaultdict(float)
    for row in pledge_rows:
        if row["amount_eur"] is not None and row["announced"] and not row["part_of"]:
            totals[row["donor"]["name"]] += row["amount_eur"]
    assert totals, "the sample has pledges with euro amounts"
    assert {d: v[-1] for d, v in series.cumulative.items()} == pytest.approx(dict(totals))
    assert {d: sum(v) for d, v in series.per_month.items()} == pytest.approx(dict(totals))
    months = {row["announced"][:7] for row in pledge_rows if row["announced"] and row["amount_eur"] is not None}
    assert min(months) == series.months[0] and max(months) == series.months[-1]
    # cumulative never goes down
    assert all(a <= b for values in series.cumulative.values() for a, b in zip(values, values[1:]))


def test_pledges_data_table_has_original_currencies(tmp_path, pledge_rows):
    out = tmp_path / "pledges.csv"
    plots.write_pledges_csv(pledge_rows, out)
    table = list(csv.DictReader(open(out, encoding="utf-8")))
    assert len(table) == len(pledge_rows)
    by_id = {r["id"]: r for r in pledge_rows}
    currencies = {r["currency"] for r in table if r["currency"]}
    assert len(currencies) > 1 and "EUR" in currencies | {"EUR"}
    for line in table:
        row = by_id[line["id"]]
        assert line["currency"] == (row["currency"] or "")
        if row["amount"] is not None:
            assert float(line["amount"]) == pytest.approx(row["amount"])
        if row["amount_eur"] is not None:
            assert float(line["amount_eur"]) == pytest.approx(row["amount_eur"])


def test_per_month_svg_has_the_size_asked_for(tmp_path, pledge_rows):
    out = tmp_path / "pledges.svg"
    plots.plot_pledges(pledge_rows, out, cumulative=False, size=(1000, 500))
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    # matplotlib writes SVG sizes in points: 72 per inch at 100 pixels per inch
    assert (root.get("width"), root.get("height")) == ("720pt", "360pt")


def test_attendance_matrix_is_the_named_query(tmp_path, attendance_rows):
    out = tmp_path / "attendance.png"
    matrix = plots.plot_attendance(attendance_rows, out, size=(1200, 800))
    assert png_size(out) == ("PNG", (1200, 800))
    expected = {(r["person"]["id"], r["meeting"]["id"]) for r in attendance_rows if r["person"] and r["status"] == "attended"}
    drawn = {(p, m) for (p, _), row in zip(matrix.people, matrix.cells)
             for (m, _, _), cell in zip(matrix.meetings, row) if cell == 2}
    assert drawn == expected and expected
    starts = [start or "9999" for _, _, start in matrix.meetings]
    assert starts == sorted(starts)  # meetings by date
    counts = [sum(1 for c in row if c == 2) for row in matrix.cells]
    assert counts == sorted(counts, reverse=True)  # most meetings first


def test_network_plot_of_a_donor_subgraph(tmp_path, sample_store):
    from coalition_graph.graph.export import GraphFilter, filter_graph

    graph = filter_graph(sample_store.networkx(), GraphFilter(donor="GBR"))
    out = tmp_path / "gbr.png"
    pos = plots.plot_network(graph, out, size=(800, 600))
    assert png_size(out) == ("PNG", (800, 600))
    assert set(pos) == set(graph) and "country/GBR" in pos
    pledges = [n for n, d in graph.nodes(data=True) if d["label"] == "Pledge"]
    assert pledges and all(graph.has_edge("country/GBR", p) for p in pledges)


def test_plot_cli(tmp_path, sample_store_path):
    runner = CliRunner()
    out, table = tmp_path / "p.png", tmp_path / "p.csv"
    result = runner.invoke(cli, ["plot", "pledges", "--per-month", "--out", str(out), "--csv", str(table),
                                 "--size", "640x480", "--store", str(sample_store_path)])
    assert result.exit_code == 0, result.output
    assert png_size(out) == ("PNG", (640, 480)) and table.exists()
    result = runner.invoke(cli, ["plot", "network", "--meeting", "Hague", "--out", str(tmp_path / "n.svg"),
                                 "--store", str(sample_store_path)])
    assert result.exit_code == 0, result.output
    assert ET.parse(tmp_path / "n.svg").getroot().tag.endswith("svg")
    result = runner.invoke(cli, ["plot", "attendance", "--out", str(tmp_path / "a.gif"), "--store", str(sample_store_path)])
    assert result.exit_code != 0 and ".png, .svg or .pdf" in result.output
    result = runner.invoke(cli, ["plot", "attendance", "--out", str(tmp_path / "a.pdf"), "--store", str(sample_store_path)])
    assert result.exit_code == 0 and (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")


# ---------------------------------------------------------------- fit for a report

def svg_texts(path) -> list[str]:
    """The text elements of a matplotlib SVG (text stays text: svg.fonttype none)."""
    return ["".join(el.itertext()).strip() for el in ET.parse(path).getroot().iter("{http://www.w3.org/2000/svg}text")]


def whole_words_of(shown: str, full: str) -> bool:
    """`shown` is `full`, or `full` cut after a whole word and marked with '…'."""
    if shown == full:
        return True
    head = shown.removesuffix("…")
    return shown.endswith("…") and full.startswith(head) and (full[len(head):][:1] in (" ", ",", ";", ":", "–", "-", "—", "("))


@pytest.mark.parametrize("kind", ["pledges", "attendance", "network"])
def test_svg_and_pdf_for_a_report_with_caption_and_no_warnings(kind, tmp_path, sample_store_path, capfd, recwarn):
    import warnings

    warnings.simplefilter("always")
    runner = CliRunner()
    svg, pdf = tmp_path / f"{kind}.svg", tmp_path / f"{kind}.pdf"
    for out in (svg, pdf):
        result = runner.invoke(cli, ["plot", kind, "--out", str(out), "--store", str(sample_store_path)])
        assert result.exit_code == 0, result.output
        assert result.stderr.splitlines() == [line for line in result.stderr.splitlines() if line.startswith("Wrote ")]
    assert pdf.read_bytes().startswith(b"%PDF") and b"Coalition Graph" in pdf.read_bytes()
    assert [str(w.message) for w in recwarn] == []
    assert capfd.readouterr().err == ""  # nothing from a library's logger or warnings either
    texts = svg_texts(svg)
    caption = [t for t in texts if t.startswith("Source: ")]
    assert caption == [caption[0]] and "12 articles" in caption[0]
    first, last = re.fullmatch(r".* · (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})", caption[0]).groups()
    assert first < last


def test_captions_give_the_date_range_drawn(tmp_path, pledge_rows, attendance_rows, sample_store):
    from coalition_graph.graph.export import GraphFilter, filter_graph
    from coalition_graph.graph.export.filters import node_dates

    out = tmp_path / "p.svg"
    plots.plot_pledges(pledge_rows, out, source="Example News")
    days = sorted(r["announced"][:10] for r in pledge_rows if plots.counted(r))
    assert f"Source: Example News · {days[0]} to {days[-1]}" in svg_texts(out)
    matrix = plots.plot_attendance(attendance_rows, out)
    starts = sorted(s for _, _, s in matrix.meetings if s)
    assert f"Source: Coalition Graph · {starts[0]} to {starts[-1]}" in svg_texts(out)
    graph = filter_graph(sample_store.networkx(), GraphFilter(meeting=matrix.meetings[0][0]))
    plots.plot_network(graph, out, source="Example News")
    days = sorted(d for _, data in graph.nodes(data=True) for d in node_dates(data) if d)
    assert f"Source: Example News · {days[0]} to {days[-1]}" in svg_texts(out)


def test_no_label_is_cut_mid_word(tmp_path, attendance_rows, sample_store):
    out = tmp_path / "a.svg"
    matrix = plots.plot_attendance(attendance_rows, out, size=(1400, 900))
    texts = svg_texts(out)
    names = [name for _, name in matrix.people] + [f"{start or 'undated'} {name}" for _, name, start in matrix.meetings]
    cut = 0
    for full in names:
        shown = [t for t in texts if t == full or (t.endswith("…") and full.startswith(t[:-1]))]
        assert shown and whole_words_of(shown[0], full), (full, shown)
        cut += shown[0] != full
    assert cut > 0  # the sample has names too long for an axis, so the cutting rule is exercised
    graph = sample_store.networkx()
    plots.plot_network(graph, out, max_labels=60)
    from coalition_graph.graph.export.style import display_name

    full_names = {display_name(n, d) for n, d in graph.nodes(data=True)}
    labels = [t for t in svg_texts(out) if t.endswith("…")]
    assert labels and all(any(whole_words_of(t, f) for f in full_names) for t in labels)


def test_one_outline_per_node_type_in_plots_and_page(tmp_path, sample_store, monkeypatch):
    from matplotlib.markers import MarkerStyle

    from coalition_graph.graph.export.style import NODE_STYLE, SAME_OUTLINE

    shapes = [s["shape"] for s in NODE_STYLE.values()]
    markers = [s["marker"] for s in NODE_STYLE.values()]
    assert len(set(shapes)) == len(shapes) and len(set(markers)) == len(markers)
    assert all(SAME_OUTLINE[s["shape"]] == s["marker"] for s in NODE_STYLE.values())
    figures = []
    real_save = plots._save
    monkeypatch.setattr(plots, "_save", lambda fig, out, text: (figures.append(fig), real_save(fig, out, text)))
    graph = sample_store.networkx()
    plots.plot_network(graph, tmp_path / "n.svg")
    drawn = {c.get_label(): c for c in figures[0].axes[0].collections if c.get_label() in NODE_STYLE}
    assert set(drawn) == {d["label"] for _, d in graph.nodes(data=True)}
    for label, collection in drawn.items():
        marker = MarkerStyle(NODE_STYLE[label]["marker"])
        expected = marker.get_path().transformed(marker.get_transform()).vertices
        assert collection.get_paths()[0].vertices.round(6).tolist() == expected.round(6).tolist(), label
