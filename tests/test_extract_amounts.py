"""Amounts in every written form, conversions, and euro values at the ECB rate of the day."""
import datetime as dt

import pytest

from coalition_graph.loaders.extract.amounts import find_money, settle_currency, to_eur

FORMS = [
    ("€2bn", 2e9, "EUR"), ("2 billion euros", 2e9, "EUR"), ("EUR 2 billion", 2e9, "EUR"), ("$400m", 4e8, "$"),
    ("£1.6bn", 1.6e9, "GBP"), ("C$2 billion", 2e9, "CAD"), ("NOK 85 billion", 85e9, "NOK"),
    ("SEK 13.5 billion", 13.5e9, "SEK"), ("¥471.9 billion", 471.9e9, "JPY"), ("1.5 billion dollars", 1.5e9, "$"),
    ("$1.2 billion", 1.2e9, "$"), ("500 million euros", 5e8, "EUR"), ("US$949 million", 949e6, "USD"),
    ("A$3.2 billion", 3.2e9, "AUD"), ("200 million Canadian dollars", 2e8, "CAD"), ("16 billion Swedish kronor", 16e9, "SEK"),
    ("450 million pounds", 4.5e8, "GBP"), ("ten billion euros", 1e10, "EUR"), ("143,4 million US dollars", 143.4e6, "USD"),
    # currencies of the other coalitions' donors and hosts, and Indian English scales
    ("2 billion yuan", 2e9, "CNY"), ("500 million Saudi riyals", 5e8, "SAR"), ("Rs 500 crore", 5e9, "INR"),
    ("₹2 lakh", 2e5, "INR"), ("R$ 1 billion", 1e9, "BRL"), ("30 billion rand", 3e10, "ZAR"),
    ("20 million Egyptian pounds", 2e7, "EGP"), ("100 million dirhams", 1e8, "AED"),
]


def test_a_symbol_inside_a_word_is_no_currency():
    assert find_money("The DRs 5 team and HRs 10 were listed.") == []


@pytest.mark.parametrize("text,amount,currency", FORMS)
def test_every_amount_form(text, amount, currency):
    found = find_money(f"The government will give {text} to Kyiv.")
    assert len(found) == 1
    assert found[0].amount == pytest.approx(amount)
    assert found[0].currency == currency


def test_counts_are_not_money():
    assert find_money("Berlin sends 10,000 shells and 100 vehicles in 2025.") == []


def test_bracketed_and_dashed_restatements_are_conversions():
    found = find_money("a package of SEK 13.5 billion (roughly US$1.25 billion) and NOK 1.4 billion - more than €118 million - too")
    assert [(m.currency, m.conversion) for m in found] == [("SEK", False), ("USD", True), ("NOK", False), ("EUR", True)]


def test_plain_dollar_and_kroner_follow_the_donor():
    assert settle_currency("$", "CAN") == "CAD"
    assert settle_currency("$", "AUS") == "AUD"
    assert settle_currency("$", "DEU") == "USD"
    assert settle_currency("KRONER", "NOR") == "NOK"
    assert settle_currency("KRONER", "DNK") == "DKK"


def test_euro_value_uses_the_last_ecb_fixing_on_or_before_the_date():
    # 2024-10-27 was a Sunday: the rate is Friday 2024-10-25's
    eur, day = to_eur(1.4e9, "NOK", dt.date(2024, 10, 27))
    assert day == dt.date(2024, 10, 25)
    assert 1.1e8 < eur < 1.25e8
    assert to_eur(5e8, "EUR", dt.date(2025, 3, 27)) == (5e8, dt.date(2025, 3, 27))
    assert to_eur(1e6, "XYZ", dt.date(2025, 3, 27)) == (None, None)


def test_no_date_means_no_rate_rather_than_todays():
    assert to_eur(1e6, "USD", None) == (None, None)


def test_an_amount_joined_to_the_next_by_and_shares_its_currency_but_a_bare_number_does_not():
    from coalition_graph.loaders.extract.amounts import find_money
    got = [(m.text, m.amount, m.currency) for m in find_money("Chile and Peru gave 2 million and 4 million euros.")]
    assert got == [("2 million", 2e6, "EUR"), ("4 million euros", 4e6, "EUR")]
    assert [m.text for m in find_money("between 1 and 5 million euros")] == ["5 million euros"]


def test_dollars_of_hong_kong_singapore_and_taiwan_keep_their_currency():
    assert [(m.amount, m.currency) for m in find_money("HK$10bn, S$5m and NT$3 billion were pledged.")] == [
        (1e10, "HKD"), (5e6, "SGD"), (3e9, "TWD")]


def test_crowns_are_the_donors_own_crowns():
    from tests.test_extract_helpers import facts
    base = "Donors met in Brussels on Monday for the Syria conference. "
    got = {(p.donor.key, p.currency) for t in ("Norway pledged 100 million crowns.",
                                               "The Czech Republic pledged 50 million crowns.")
           for p in facts(base + t, "2025-03-18").pledges}
    assert got == {("NOR", "NOK"), ("CZE", "CZK")}


def test_a_bare_sum_after_an_amount_in_the_same_sentence_is_in_its_currency():
    from coalition_graph.loaders.extract.amounts import find_money
    got = [(m.text, m.amount, m.currency) for m in find_money(
        "Donors pledged a total of €2.1 billion, including 600 million from Germany. 300 million came later.")]
    assert got == [("€2.1 billion", 2.1e9, "EUR"), ("600 million", 6e8, "EUR")]
    assert [m.text for m in find_money("It gave $5 billion to 600 million people.")] == ["$5 billion"]
