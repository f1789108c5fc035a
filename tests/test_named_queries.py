"""Each named query exists in Cypher and SPARQL, and both give the same rows in the JSON contract."""
from __future__ import annotations

import pytest

from coalition_graph.errors import CoalitionError
from coalition_graph.graph.store import Store
from coalition_graph.queries import NAMES, query_text, run_named

CONTRACT = {
    "meetings": {"id", "name", "kind", "start", "end", "city", "country", "sources"},
    "attendance": {"meeting", "person", "country", "organization", "role", "status", "sources"},
    "pledges": {"id", "donor", "recipient", "amount", "currency", "amount_eur", "what", "kind", "announced", "meeting", "sources"},
    "statements": {"id", "speaker", "text", "date", "direct", "meeting", "sources"},
}

CASES = [
    ("meetings", {}),
    ("attendance", {}),
    ("attendance", {"meeting": "paris"}),
    ("attendance", {"person": "starmer"}),
    ("attendance", {"country": "gbr"}),
    ("pledges", {}),
    ("pledges", {"donor": "GBR"}),
    ("pledges", {"donor": "united kingdom"}),
    ("pledges", {"since": "2025-04-01", "until": "2025-06-30"}),
    ("statements", {}),
    ("statements", {"speaker": "zelensk"}),
]


@pytest.mark.parametrize("name,filters", CASES, ids=[f"{n}-{'-'.join(f) or 'all'}" for n, f in CASES])
def test_cypher_and_sparql_give_the_same_rows(sample_store: Store, name: str, filters: dict):
    cypher_rows = run_named(sample_store.cypher, name, **filters)
    sparql_rows = run_named(sample_store.sparql, name, **filters)
    assert cypher_rows == sparql_rows
    if not filters:
        assert cypher_rows, f"the sample should give {name} rows"


@pytest.mark.parametrize("name", NAMES)
def test_rows_carry_the_contract_fields(sample_store: Store, name: str):
    rows = run_named(sample_store.cypher, name)
    for row in rows:
        assert CONTRACT[name] <= row.keys()
        assert row["sources"] and all(s.startswith("https://sample.coalition-graph.invalid/") for s in row["sources"])
    if name == "attendance":
        for row in rows:
            assert CONTRACT["meetings"] <= row["meeting"].keys()
            assert row["person"] is None or {"id", "name"} <= row["person"].keys()
            assert row["role"] in {"host", "chair", "participant"} and row["status"] in {"attended", "expected", "absent"}
    if name == "pledges":
        for row in rows:
            assert row["donor"]["name"]
            assert row["currency"] is None or len(row["currency"]) == 3
            assert (row["amount"] is None) == (row["amount_eur"] is None)


def test_filters_filter(sample_store: Store):
    everyone = run_named(sample_store.cypher, "attendance")
    british = run_named(sample_store.cypher, "attendance", country="GBR")
    assert 0 < len(british) < len(everyone)
    assert all(r["country"] == "GBR" for r in british)
    spring = run_named(sample_store.cypher, "pledges", since="2025-04-01", until="2025-06-30")
    assert spring and all("2025-04-01" <= p["announced"] <= "2025-06-30" for p in spring)


def test_every_named_query_has_both_files():
    for name in NAMES:
        assert "MATCH" in query_text(name, "cypher")
        assert "SELECT" in query_text(name, "sparql")


def test_unknown_filter_and_bad_date_are_domain_errors(sample_store: Store):
    with pytest.raises(CoalitionError, match="takes no filter"):
        run_named(sample_store.cypher, "meetings", donor="FRA")
    with pytest.raises(CoalitionError, match="YYYY-MM-DD"):
        run_named(sample_store.cypher, "pledges", since="last year")



@pytest.mark.parametrize("name,filters,some", [
    ("attendance", {"person": "Keir Starmer"}, True),       # a space: no IRI can hold it, the name still matches
    ("pledges", {"donor": "united kingdom"}, True),
    ("attendance", {"person": 'Starmer" } ; DROP'}, False),  # quotes and braces stay inside the literal
    ("statements", {"speaker": "person/<none>"}, False),
])
def test_filter_values_no_iri_can_spell_match_by_name_alike_on_both_engines(sample_store: Store, name: str,
                                                                           filters: dict, some: bool):
    rows = run_named(sample_store.sparql, name, **filters)
    assert bool(rows) == some
    assert rows == run_named(sample_store.cypher, name, **filters)


def test_filters_find_records_by_id_on_both_engines(sample_store: Store):
    person = next(r["person"] for r in run_named(sample_store.cypher, "attendance") if r["person"])
    by_id = run_named(sample_store.sparql, "attendance", person=person["id"])
    assert by_id and all(r["person"]["id"] == person["id"] for r in by_id)
    assert by_id == run_named(sample_store.cypher, "attendance", person=person["id"])


@pytest.mark.parametrize("name,anchor", [("attendance", lambda r: {"meeting": r["meeting"]["id"]}),
                                         ("pledges", lambda r: {"donor": r["donor"]["id"]}),
                                         ("statements", lambda r: {"speaker": r["speaker"]["id"]})])
def test_rows_and_sources_are_the_same_with_and_without_a_filter(sample_store: Store, name: str, anchor):
    # unfiltered, the sources come grouped in the main query (sparql_named.with_sources); after an anchor, from
    # a last query for the rows returned
    every = {r["id"]: r for r in run_named(sample_store.sparql, name)}
    assert every and all(r["sources"] for r in every.values())
    for row in list(every.values())[:5]:
        filtered = run_named(sample_store.sparql, name, **anchor(row))
        assert row in filtered
        assert all(r == every[r["id"]] for r in filtered)
