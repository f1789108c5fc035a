"""Whole short articles we wrote about real events: every meeting, attendance, pledge and speaker, exactly.

The expected facts in tests/fixtures/extract/*.json were checked by hand against each text.
"""
import pytest

from tests.test_extract_helpers import evidence_ok, fixture

ARTICLES = ["nato_ministers", "g7_apulia", "udcg_brussels", "video_call", "nordic_aid", "bilateral_warsaw",
            "ramstein_2023", "paris_troops", "kyiv_visit"]


@pytest.mark.parametrize("name", ARTICLES)
def test_article_facts(name):
    f, exp = fixture(name)
    evidence_ok(f)
    assert [{"key": m.key, "start": str(m.start) if m.start else None, "city": m.city, "country": m.country,
             "kind": m.kind} for m in f.meetings] == exp["meetings"]
    assert sorted([[a.meeting, a.person, a.country, a.organization, a.status] for a in f.attendances], key=str) \
        == exp["attendance"]
    assert sorted([[p.donor.key, p.amount, p.currency, p.donor_person, p.part_of] for p in f.pledges], key=str) \
        == exp["pledges"]
    assert [[s.speaker, s.direct] for s in f.statements] == exp["statements"]


def test_every_pledge_with_an_amount_has_its_euro_value_and_rate_date():
    f, _ = fixture("nordic_aid")
    for p in f.pledges:
        assert p.amount_eur is not None and p.eur_rate_date is not None
        if p.currency == "EUR":
            assert p.amount_eur == p.amount
        else:
            assert p.eur_rate_date <= f.article.published
