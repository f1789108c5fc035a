"""Pledges read through the verb that governs their amount: one construction per test, on sentences we wrote."""
from tests.test_extract_helpers import facts


def pledges(text: str, published: str = "2024-10-25") -> list[tuple[str, float | None, str | None]]:
    return sorted(((p.donor.key, p.amount, p.currency) for p in facts(text, published).pledges),
                  key=lambda x: (x[0], x[1] or 0))


def test_respectively_pairs_donors_and_amounts_in_order():
    got = pledges("Japan and Canada have pledged 3 billion dollars and 5 billion Canadian dollars to Ukraine, "
                  "respectively.")
    assert got == [("CAN", 5e9, "CAD"), ("JPN", 3e9, "USD")]


def test_as_did_gives_the_same_amount_to_a_second_donor():
    got = pledges("At the climate talks in Dubai, Qatar pledged $50 million to the fund, as did Norway.", "2023-12-01")
    assert ("NOR", 50e6, "USD") in got and ("QAT", 50e6, "USD") in got


def test_an_amount_that_is_needed_is_nobodys_pledge():
    assert pledges("Norway pledged aid for Gaza on Tuesday. The UN says $2.5 billion is needed to feed Gaza "
                   "until the end of the year.", "2024-06-11") == [("NOR", None, None)]


def test_a_sum_a_conference_raised_is_no_pledge_of_its_host():
    got = pledges("The conference in Paris raised $1 billion in pledges for Lebanon, France said on Thursday.")
    assert all(amount != 1e9 for _d, amount, _c in got)


def test_an_item_inside_a_package_is_not_a_second_pledge():
    got = pledges("Australia has committed A$1.5 billion to Ukraine, including A$1.3 billion in military support.",
                  "2025-03-16")
    assert got == [("AUS", 1.5e9, "AUD")]


def test_one_donors_total_is_its_pledge():
    assert pledges("Germany pledged a total of 96 million euros in humanitarian aid for Lebanon on Thursday.") == \
        [("DEU", 96e6, "EUR")]


def test_two_equal_amounts_for_two_purposes_are_two_pledges():
    got = pledges("Iraq pledged $20 million for the reconstruction of Gaza and $20 million for the reconstruction "
                  "of Lebanon.", "2025-05-17")
    assert got == [("IRQ", 20e6, "USD"), ("IRQ", 20e6, "USD")]


def test_as_did_takes_only_the_amount_before_it():
    got = pledges("Britain pledged $100 million and France pledged $50 million, as did Germany.")
    assert ("DEU", 50e6, "USD") in got and ("DEU", 100e6, "USD") not in got


def test_amounts_after_a_respectively_pair_still_count():
    got = pledges("Britain and France pledged $100 million and $50 million, respectively, and Germany pledged "
                  "$30 million.")
    assert ("DEU", 30e6, "USD") in got and ("GBR", 100e6, "USD") in got and ("FRA", 50e6, "USD") in got
