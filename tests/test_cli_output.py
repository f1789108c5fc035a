"""What an analyst sees: tables that fit 80 columns, typed CSV/JSON/NDJSON/TSV, --columns/--sort/--limit,
`query --file/--param`, filters that know the gazetteer, and pandas frames."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from coalition_graph import api
from coalition_graph.cli import cli
from coalition_graph.errors import ExitStatus, UsageError
from coalition_graph.output import plural, render


@pytest.fixture(scope="module")
def sample_store_path(tmp_path_factory) -> Path:
    """A store of its own: the session's sample store is held open by other tests (Oxigraph locks its files)."""
    from tests.conftest import SAMPLE

    path = tmp_path_factory.mktemp("output") / "store"
    result = CliRunner().invoke(cli, ["ingest", str(SAMPLE), "--store", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def sample_store(sample_store_path: Path):
    store = api.open_store(sample_store_path)
    yield store
    store.close()


def run(store: Path, *args: str, input: str | None = None, width: int = 80):
    return CliRunner(env={"COLUMNS": str(width)}).invoke(cli, [*args, "--store", str(store)], input=input)


@pytest.mark.parametrize("name", ["meetings", "attendance", "pledges", "statements"])
def test_tables_fit_80_columns_and_keep_ids_whole(sample_store_path: Path, name: str):
    result = run(sample_store_path, name)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[-1].startswith("(") and lines[-1].endswith(" rows)")
    if name == "meetings":
        ids = {m["id"] for m in json.loads(run(sample_store_path, name, "--format", "json").stdout)}
        # ids too long to sit beside the names go on their own line under them: every id whole, copyable,
        # and every name on one line, not broken mid-word
        assert any(len(i) > 36 for i in ids) and lines[0].split() == ["start", "name", "/", "id", "kind"]
        shown = {line.strip() for line in lines}
        room = 80 - len("2025-03-01  ") - len("  contact-group")  # beside the date and the kind
        assert ids <= shown and len(ids) > 30  # every id whole on its line, never folded or cut
        assert any(len(i) > room for i in ids)  # one longer than the column runs on beside it, whole
        assert all(line.startswith(" " * len("2025-03-01  ") + "meeting/") for line in lines if "meeting/" in line)
        names = {m["name"] for m in json.loads(run(sample_store_path, name, "--format", "json").stdout)}
        assert all(any(n in line for line in lines) for n in names if len(n) <= room)
        assert "…" not in result.stdout


def test_meetings_table_is_by_date_and_month_precision_shows_as_a_month(sample_store_path: Path):
    rows = json.loads(run(sample_store_path, "meetings", "--format", "json").stdout)
    table = run(sample_store_path, "meetings", "--columns", "start,id", width=120).stdout.splitlines()[2:-1]
    shown = [line.split()[0] for line in table if line.split()[-1].startswith("meeting/")]
    dated = [s for s in shown if s[0].isdigit()]
    assert dated == sorted(dated) and len(dated) > 5
    months = [r for r in rows if r["date_precision"] == "month"]
    assert months, "the sample has a month-precision meeting"
    line = next(line for line in table if months[0]["id"] in line)
    assert line.split()[0] == months[0]["start"][:7]


def test_meetings_are_by_date_then_id_in_every_format_so_limit_picks_the_same_rows(sample_store_path: Path,
                                                                                   sample_store: api.Store):
    every = json.loads(run(sample_store_path, "meetings", "--format", "json").stdout)
    rank = {"year": 0, "month": 1}
    key = [(m["start"] or "9999", rank.get(m["date_precision"], 2), m["id"]) for m in every]
    assert key == sorted(key) and len({m["start"] for m in every}) > 10
    expected = [m["id"] for m in every[:6]]
    assert [m["id"] for m in json.loads(run(sample_store_path, "meetings", "--format", "json", "--limit", "6").stdout)] \
        == expected
    nd = run(sample_store_path, "meetings", "--format", "ndjson", "--limit", "6").stdout.splitlines()
    assert [json.loads(line)["id"] for line in nd] == expected
    for fmt, sep in (("csv", ","), ("tsv", "\t")):
        out = run(sample_store_path, "meetings", "--format", fmt, "--limit", "6", "--columns", "id,start").stdout
        assert [line.split(sep)[0] for line in out.splitlines()[1:]] == expected, fmt
    table = run(sample_store_path, "meetings", "--limit", "6", width=200).stdout
    assert [line.split()[-1] for line in table.splitlines() if "meeting/" in line] == expected
    assert [m.id for m in api.meetings(sample_store)][:6] == expected
    assert [m.id for m in api.meetings(sample_store, engine="sparql")][:6] == expected


def test_singular_and_limit_columns_sort(sample_store_path: Path):
    result = run(sample_store_path, "pledges", "--sort", "-amount_eur", "--limit", "1", "--columns", "donor.name,amount_eur")
    assert result.exit_code == 0 and result.stdout.rstrip().endswith("(1 row)")
    pledges = json.loads(run(sample_store_path, "pledges", "--format", "json").stdout)
    top = max((p for p in pledges if p["amount_eur"]), key=lambda p: p["amount_eur"])
    assert top["donor"]["name"] in result.stdout
    bad = run(sample_store_path, "pledges", "--columns", "nonsense")
    assert bad.exit_code == ExitStatus.USAGE and "no such column" in bad.stderr
    assert plural(1, "article") == "1 article" and plural(2, "article") == "2 articles"


def test_csv_is_typed_with_one_flat_header(sample_store_path: Path):
    out = run(sample_store_path, "pledges", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    header = list(rows[0])
    assert "recipient" not in header and "announced_by" not in header and "recipient.id" in header
    assert all(not r["amount"].endswith(".0") for r in rows if r["amount"])
    assert any(r["amount"].isdigit() for r in rows)
    statements = list(csv.DictReader(io.StringIO(run(sample_store_path, "statements", "--format", "csv").stdout)))
    assert {r["direct"] for r in statements} <= {"true", "false", ""} and "true" in {r["direct"] for r in statements}


def test_ndjson_and_tsv_carry_the_same_rows_as_json(sample_store_path: Path):
    rows = json.loads(run(sample_store_path, "statements", "--format", "json").stdout)
    nd = [json.loads(line) for line in run(sample_store_path, "statements", "--format", "ndjson").stdout.splitlines()]
    assert nd == rows
    tsv = run(sample_store_path, "statements", "--format", "tsv").stdout.splitlines()
    assert len(tsv) == len(rows) + 1 and all(len(line.split("\t")) == len(tsv[0].split("\t")) for line in tsv)
    assert json.loads(run(sample_store_path, "pledges", "--format", "json").stdout)[0]["amount"] % 1 == 0


@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv", "tsv", "table"])
def test_stats_in_every_format(sample_store_path: Path, fmt: str):
    result = run(sample_store_path, "stats", "--format", fmt, "--top", "2")
    assert result.exit_code == 0, result.output
    if fmt == "ndjson":
        sections = {json.loads(line)["section"] for line in result.stdout.splitlines()}
        assert sections == {"nodes", "relationships", "top_attendees", "top_donors", "central_leaders"}
    elif fmt in ("csv", "tsv"):
        assert result.stdout.splitlines()[0].split("," if fmt == "csv" else "\t")[0] == "section"
    elif fmt == "table":
        assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_query_file_picks_the_language_from_its_extension(sample_store_path: Path, tmp_path: Path):
    cypher = tmp_path / "q.cql"
    # a Cypher file whose first word is also SPARQL's: the extension decides, not the text
    cypher.write_text("MATCH (d)-[:PLEDGED]->(p:Pledge) WHERE d.iso3 = $iso AND p.amount_eur >= $min\n"
                      "RETURN d.name AS donor, p.announced AS day ORDER BY day", encoding="utf-8")
    result = run(sample_store_path, "query", "--file", str(cypher), "--param", "iso=GBR", "--param", "min=5e8",
                 "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    expected = [p for p in json.loads(run(sample_store_path, "pledges", "--donor", "GBR", "--format", "json").stdout)
                if (p["amount_eur"] or 0) >= 5e8]
    assert len(rows) == len(expected) > 0 and {r["donor"] for r in rows} == {"United Kingdom"}
    missing = run(sample_store_path, "query", "--file", str(cypher), "--param", "iso=GBR")
    assert missing.exit_code == ExitStatus.USAGE and "$min" in missing.stderr


def _cypher_names_on(store: Path, day: str) -> list[str]:
    """The names of the meetings that start on `day`, by a Cypher query with a typed parameter."""
    cypher = run(store, "query", "--format", "json", "--cypher",
                 "MATCH (m:Meeting) WHERE m.start_date = $day RETURN m.name AS name ORDER BY name", "--param", f"day={day}")
    return [r["name"] for r in json.loads(cypher.stdout)]


def test_query_params_are_typed_for_sparql_and_stdin(sample_store_path: Path):
    sparql = ("PREFIX schema: <https://schema.org/> PREFIX cg: <https://w3id.org/coalition-graph/ontology#>\n"
              "SELECT ?name WHERE { ?m a cg:Meeting ; schema:name ?name ; schema:startDate ?day } ORDER BY ?name")
    result = run(sample_store_path, "query", "--file", "-", "--param", "day=2025-03-27", "--format", "json", input=sparql)
    assert result.exit_code == 0, result.output
    names = [r["name"] for r in json.loads(result.stdout)]
    assert names and names == _cypher_names_on(sample_store_path, "2025-03-27")
    listed = run(sample_store_path, "query", "--file", "-", "--format", "json", "--param",
                 f'name={json.dumps(names[:1] + ["no such meeting"])}', input=sparql.replace("; schema:startDate ?day", ""))
    assert [r["name"] for r in json.loads(listed.stdout)] == names[:1]
    unused = run(sample_store_path, "query", "--file", "-", "--param", "nope=1", input=sparql)
    assert unused.exit_code == ExitStatus.USAGE and "?nope" in unused.stderr


def test_sparql_param_after_an_iri_on_the_same_line_is_bound(sample_store_path: Path):
    # one line: `//` in `https://` starts no comment in SPARQL, and `#` inside an IRI or a string is no comment
    sparql = ("PREFIX schema: <https://schema.org/> PREFIX cg: <https://w3id.org/coalition-graph/ontology#> "
              "SELECT ?name WHERE { ?m a cg:Meeting ; schema:name ?name ; schema:startDate ?day } ORDER BY ?name "
              "# a comment naming ?nope")
    result = run(sample_store_path, "query", "--sparql", sparql, "--param", "day=2025-03-27", "--format", "json")
    assert result.exit_code == 0, result.output
    names = [r["name"] for r in json.loads(result.stdout)]
    assert names and names == _cypher_names_on(sample_store_path, "2025-03-27")
    commented = run(sample_store_path, "query", "--sparql", sparql, "--param", "nope=1")
    assert commented.exit_code == ExitStatus.USAGE and "?nope" in commented.stderr


@pytest.mark.parametrize("args, expect", [
    (["pledges", "--donor", "UK"], "United Kingdom"),
    (["pledges", "--donor", "Britain"], "United Kingdom"),
    (["attendance", "--country", "France"], "Emmanuel Macron"),
    (["attendance", "--person", "Zelenski"], "Volodymyr Zelenskyy"),
    (["statements", "--speaker", "Zelensky"], "Volodymyr Zelenskyy"),
])
def test_filters_know_the_gazetteer(sample_store_path: Path, args: list[str], expect: str):
    result = run(sample_store_path, *args, "--format", "json")
    assert result.exit_code == 0 and not result.stderr, result.output
    rows = json.loads(result.stdout)
    assert rows and expect in result.stdout
    if args[0] == "pledges":
        assert {r["donor"]["iso3"] for r in rows} == {"GBR"}  # not Ukraine, which also contains "uk"


def test_meeting_filter_by_date_and_unknown_names_suggest(sample_store_path: Path):
    rows = json.loads(run(sample_store_path, "attendance", "--meeting", "2025-03-27", "--format", "json").stdout)
    assert rows and {r["meeting"]["start"] for r in rows} == {"2025-03-27"}
    unknown = run(sample_store_path, "attendance", "--person", "Zelinskyx")
    assert unknown.exit_code == 0 and unknown.stdout == "(no rows)\n"
    assert "Warning: no person" in unknown.stderr and "nearest: Volodymyr Zelenskyy" in unknown.stderr


@pytest.mark.parametrize("args, nearest", [
    (["pledges", "--donor", "Brittain"], "nearest: United Kingdom"),  # the gazetteer's other names count
    (["attendance", "--country", "Frnace"], "nearest: France"),  # a country's name, not its code
    (["attendance", "--meeting", "2025-03-28"], "nearest: Summit in Paris (2025-03-27)"),  # the nearest in date
])
def test_unknown_filters_suggest_what_a_person_would_write(sample_store_path: Path, args: list[str], nearest: str):
    result = run(sample_store_path, *args)
    assert result.exit_code == 0 and result.stdout == "(no rows)\n", result.output
    assert f"Warning: no {args[1].lstrip('-')}" in result.stderr and nearest in result.stderr
    assert "FRA" not in result.stderr


def test_dataframes_with_dates_as_dates_and_api_errors_in_its_own_words(sample_store: api.Store):
    frame = api.frame(sample_store, "pledges", donor="Britain", since="2025-03", until="2025")
    assert str(frame["announced"].dtype).startswith("datetime64") and "donor.name" in frame.columns
    assert set(frame["donor.iso3"]) == {"GBR"} and frame["announced"].min().month >= 3
    rows = api.statements(sample_store)
    assert str(rows.to_dataframe()["direct"].dtype) == "boolean"
    with pytest.raises(UsageError) as error:
        api.pledges(sample_store, since="March")
    assert "--" not in str(error.value) and "since" in str(error.value)
    explanation = api.explain(sample_store, frame["id"][0])
    assert explanation.evidence and explanation.evidence[0].published is not None
    assert isinstance(explanation.evidence[0].start, int)


def test_render_wraps_long_cells_inside_their_column():
    rows = [{"id": "x/1", "text": "word " * 60}]
    out = render(None, rows, "table", width=40)
    assert max(len(line) for line in out.splitlines()) <= 40 and out.count("word") == 60


def test_tsv_of_one_column_with_empty_cells_and_quotes_is_plain_tsv():
    rows = [{"what": ""}, {"what": 'the "IRIS-T" systems'}, {"what": "two\tcells\nand lines"}]
    out = render(None, rows, "tsv")
    assert out == 'what\n\nthe "IRIS-T" systems\ntwo cells and lines\n'
    assert render(None, rows[:1], "csv") == 'what\n""\n'


def test_one_rule_for_the_eu_and_its_commission_as_donors_and_no_letters_matching(tmp_path: Path):
    article = {"id": "eu-aid", "url": "https://example.org/eu-aid", "title": "EU and Commission pledge aid",
               "publisher": "Example News", "published": "2025-04-14",
               "text": "The European Union pledged €1 billion in military aid to Ukraine on Monday. "
                       "The European Commission pledged €500 million in humanitarian aid to Ukraine on Monday. "
                       "Japan pledged $100 million in humanitarian aid to Ukraine. "
                       "Australia pledged A$10 million in humanitarian aid to Ukraine."}
    (tmp_path / "eu.json").write_text(json.dumps(article), encoding="utf-8")
    store = tmp_path / "store"
    assert CliRunner().invoke(cli, ["ingest", str(tmp_path / "eu.json"), "--store", str(store)]).exit_code == 0

    def donors(name: str) -> tuple[list[str], str]:
        result = run(store, "pledges", "--donor", name, "--format", "json")
        assert result.exit_code == 0, result.output
        return sorted(r["donor"]["name"] for r in json.loads(result.stdout)), result.stderr

    assert donors("EU") == (["European Commission", "European Union"], "")  # the Commission pledges the EU's money
    assert donors("European Union") == (["European Commission", "European Union"], "")
    assert donors("the Commission") == (["European Commission"], "")
    assert donors("European Commission") == (["European Commission"], "")
    # and the README states this very rule
    readme = " ".join((Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8").split())
    assert ("`--donor EU` (or \"European Union\") covers the Union and its Commission, so it finds the pledges of "
            "both, while `--donor \"European Commission\"` finds only the Commission's") in readme
    # a country the gazetteer knows is never matched by its letters: no US pledges here, and not Australia's
    assert donors("Australia") == (["Australia"], "")
    assert donors("US") == ([], "Warning: United States pledged nothing in the graph\n")


def test_render_never_folds_an_id_longer_than_its_column():
    long_id = "meeting/2025-08-17/video-call/coalition-of-the-willing-video-call"
    rows = [{"start": "2025-08-17", "name": "Coalition of the Willing video call " * 2, "kind": "video-call",
             "id": long_id}, {"start": "2025-03-27", "name": "Summit in Paris", "kind": "summit",
                              "id": "meeting/2025-03-27/summit/paris"}]
    for width in (80, 70):
        out = render(None, rows, "table", "meetings", width=width)
        lines = out.splitlines()
        assert max(len(line) for line in lines) <= width and long_id in {line.strip() for line in lines}, out
        assert "meeting/2025-03-27/summit/paris" in {line.strip() for line in lines}
    out = render(None, rows, "table", show=["start", "kind", "id"], width=40)  # no name to stack under
    assert long_id in {line.strip() for line in out.splitlines()}, out


def test_counts_of_one_are_singular_in_ingest_and_explain(tmp_path: Path):
    from tests.conftest import SAMPLE

    article = SAMPLE / "03-paris-summit-reassurance-force.json"
    store = tmp_path / "store"
    ingest = CliRunner().invoke(cli, ["ingest", str(article), "--store", str(store), "--no-progress"])
    assert ingest.exit_code == 0, ingest.output
    assert "1 article read: 1 added" in ingest.stderr and "articles read" not in ingest.stderr
    meetings = json.loads(run(store, "meetings", "--format", "json").stdout)
    explained = run(store, "explain", meetings[0]["id"])
    assert explained.exit_code == 0, explained.output
    assert "  sources: 1 article\n" in explained.stdout and "article(s)" not in explained.stdout
