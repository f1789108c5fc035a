"""Matching across articles: when two reports are the same meeting or pledge, and when they are not."""
from __future__ import annotations

import datetime as dt

from coalition_graph.graph.merge import ResolutionIndex, article_claims, same_meeting, same_pledge
from coalition_graph.schema.models import Article, ArticleFacts, Meeting

PARIS = {"name": "Coalition of the Willing summit in Paris", "kind": "summit", "start_date": "2025-03-27", "city": "Paris", "country": "FRA"}


def test_same_date_and_city_is_the_same_meeting_a_day_apart_too():
    assert same_meeting(PARIS, {**PARIS, "name": "Paris meeting on Ukraine", "kind": "conference"})
    assert same_meeting(PARIS, {**PARIS, "start_date": "2025-03-28"})
    assert not same_meeting(PARIS, {**PARIS, "start_date": "2025-03-29"})
    assert not same_meeting(PARIS, {**PARIS, "city": "London"})


def test_a_bilateral_on_the_sidelines_is_another_meeting():
    assert not same_meeting(PARIS, {**PARIS, "kind": "bilateral", "name": "Macron meets Zelenskyy"})


def test_undated_mentions_do_not_take_another_articles_date():
    undated = {**PARIS, "start_date": None}
    assert not same_meeting(PARIS, undated)
    assert same_meeting(undated, {**undated, "name": "the Paris summit of the Coalition of the Willing"})


def test_month_precision_needs_place_and_kind():
    month = {**PARIS, "start_date": "2025-03-01", "date_precision": "month"}
    assert same_meeting(PARIS, month)
    assert not same_meeting(PARIS, {**month, "kind": "ministerial"})


def test_without_a_city_the_format_or_name_decides():
    udcg = {"name": "Ukraine Defense Contact Group meeting", "kind": "contact-group", "start_date": "2025-04-11", "format": "ukraine-defense-contact-group"}
    assert same_meeting(udcg, {**udcg, "name": "Ramstein-format talks"})
    assert not same_meeting(udcg, {**udcg, "format": None, "name": "NATO defence ministers"})


def test_pledges_match_on_amount_currency_and_close_dates():
    p = {"amount": 2e9, "currency": "EUR", "announced": "2025-03-27"}
    assert same_pledge(p, {**p, "amount": 2.01e9, "announced": "2025-04-05"})
    assert not same_pledge(p, {**p, "currency": "USD"})
    assert not same_pledge(p, {**p, "announced": "2025-05-20"})
    assert not same_pledge(p, {**p, "amount": 2.5e9})
    assert not same_pledge(p, {"amount": None, "what": "air defence", "announced": "2025-03-27"})


def test_two_different_meetings_with_the_same_kind_day_and_city_get_different_ids():
    article = Article(id="a", url="https://e.org/a", published=dt.date(2025, 9, 5), text="x")
    facts = ArticleFacts(article=article, meetings=[
        Meeting(key="M1", name="Witkoff meets Zelenskyy", kind="bilateral", start=dt.date(2025, 9, 4), city="Paris"),
        Meeting(key="M2", name="Macron meets Zelenskyy", kind="bilateral", start=dt.date(2025, 9, 4), city="Paris"),
    ])
    ids = sorted(c.fact_id for c in article_claims(facts, ResolutionIndex()) if c.label == "Meeting")
    assert ids == ["meeting/2025-09-04/bilateral/paris", "meeting/2025-09-04/bilateral/paris/macron-meets-zelenskyy"]
