"""A pledge's label says what was pledged: the amount and the thing, never "he said" or "the text reads"."""
from __future__ import annotations

import re

import pytest

from coalition_graph.graph.export.style import display_name


def label(what: str | None, amount: float | None = 2e9, currency: str | None = "EUR") -> str:
    return display_name("pledge/x", {"label": "Pledge", "amount": amount, "currency": currency, "what": what})


@pytest.mark.parametrize("what, expected", [
    ("in humanitarian aid", "€2bn in humanitarian aid"),
    ("for air defence, the minister said", "€2bn for air defence"),
    ("for reconstruction,” she said", "€2bn for reconstruction"),
    ("the text reads", "€2bn pledge"),
    ("he said", "€2bn pledge"),
    ("respectively", "€2bn pledge"),
    ("", "€2bn pledge"),
    (None, "€2bn pledge"),
    ("2.3 billion) in military aid, including shells", "€2bn in military aid"),
    ("in aid per year according to the agreement signed today", "€2bn in aid per year"),
    ("to deliver 100,000 drones — ten times more than last year", "€2bn to deliver 100,000 drones"),
    ("for “other arrangements”, according to the presidency", "€2bn for other arrangements"),
])
def test_the_label_is_the_amount_and_what_was_pledged(what, expected):
    assert label(what) == expected


def test_without_an_amount_the_thing_alone_reads_as_a_label():
    assert label("for four more IRIS-T systems, officials said", amount=None, currency=None) == "Four more IRIS-T systems"
    assert label("the text reads", amount=None, currency=None) == "Pledge"


def test_no_pledge_label_of_the_sample_quotes_its_source(sample_store):
    graph = sample_store.networkx()
    labels = [display_name(n, d) for n, d in graph.nodes(data=True) if d["label"] == "Pledge"]
    assert len(labels) >= 10
    reported = re.compile(r"\b(said|says|reads|according to)\b|[”\"]$", re.I)
    assert [text for text in labels if reported.search(text)] == []


@pytest.mark.parametrize("what, amount, expected", [
    ("would also share its intelligence", None, "Military aid pledge"),
    ("financed by the Danish government", None, "Military aid pledge"),
    ("2023", 1e8, "€100m pledge"),
    ("announced a new aid package", 2e9, "€2bn pledge"),
])
def test_a_verb_phrase_or_a_year_is_not_what_was_pledged(what, amount, expected):
    data = {"label": "Pledge", "amount": amount, "currency": "EUR" if amount else None, "what": what, "kind": "military"}
    assert display_name("pledge/x", data) == expected
