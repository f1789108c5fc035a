"""Pledges: donors, amounts, joint totals, restatements, further pledges, items without amounts."""
import pytest

from tests.test_extract_helpers import evidence_ok, facts, fixture


def rows(f):
    return [(p.donor.key, p.amount, p.currency) for p in f.pledges]


def test_fixture_pledges_at_a_contact_group_meeting():
    f, exp = fixture("udcg_virtual")
    evidence_ok(f)
    got = sorted(((p.donor.key, p.amount, p.currency, p.donor_person, p.meeting) for p in f.pledges), key=str)
    assert got == sorted((tuple(r) for r in exp["pledges"]), key=str)
    nok = next(p for p in f.pledges if p.currency == "NOK")
    assert nok.amount_eur and nok.eur_rate_date and nok.eur_rate_date <= f.article.published


@pytest.mark.parametrize("sentence,expected", [
    ("Germany pledged €2bn for air defence.", ("DEU", 2e9, "EUR")),
    ("Britain will provide £1.6bn in export finance for missiles.", ("GBR", 1.6e9, "GBP")),
    ("Canada announced C$2 billion in military aid.", ("CAN", 2e9, "CAD")),
    ("Canada will lend $2.3 billion to rebuild power plants.", ("CAN", 2.3e9, "CAD")),
    ("Norway allocated NOK 85 billion for the support programme.", ("NOR", 85e9, "NOK")),
    ("Sweden announced a package worth SEK 13.5 billion (roughly US$1.25 billion).", ("SWE", 13.5e9, "SEK")),
    ("Japan committed ¥471.9 billion in loans.", ("JPN", 471.9e9, "JPY")),
    ("The United States pledged 1.5 billion dollars in military aid.", ("USA", 1.5e9, "USD")),
    ("Washington would provide an additional $400m in military assistance.", ("USA", 4e8, "USD")),
    ("The French announcement of 500 million euros was welcomed.", ("FRA", 5e8, "EUR")),
    ("The European Union will allocate EUR 2 billion for reconstruction.", ("european-union", 2e9, "EUR")),
    ("Ukraine will receive a €50 million contribution from Denmark for demining.", ("DNK", 5e7, "EUR")),
    ("The Pentagon announced a new $400m package of weapons for Ukraine.", ("USA", 4e8, "USD")),
    ("It includes the $300 million package that the United States promised last week.", ("USA", 3e8, "USD")),
    ("Spain said it would send a further 10 Leopard tanks.", ("ESP", None, None)),
])
def test_donor_amount_and_currency(sentence, expected):
    f = facts(sentence, "2025-03-20")
    assert rows(f) == [expected]


def test_a_joint_amount_is_no_single_donors_pledge():
    f = facts("Poland, Norway and Germany will finance a $500 million package of US weapons for Ukraine.", "2025-12-03")
    assert sorted(rows(f)) == [("DEU", None, None), ("NOR", None, None), ("POL", None, None)]


def test_totals_over_unnamed_donors_are_skipped():
    f = facts("Five countries have allocated an additional $1 billion for the programme. "
              "Partners have committed more than £50 billion in total.", "2025-12-03")
    assert f.pledges == []


def test_a_restated_amount_is_one_pledge_in_the_donors_currency():
    f = facts("Norway will provide €118 million for a Patriot system. Prime Minister Jonas Gahr Støre said that "
              "Norway is allocating NOK 1.4 billion - more than €118 million - to the project.", "2024-10-29")
    assert rows(f) == [("NOR", 1.4e9, "NOK")]
    assert f.pledges[0].donor_person == "jonas-gahr-store"


def test_a_further_pledge_is_new_even_with_the_same_sum():
    f = facts("In March, Denmark pledged €500 million for artillery. On Monday Denmark pledged a further "
              "€500 million for drones.", "2025-06-16")
    assert rows(f) == [("DNK", 5e8, "EUR"), ("DNK", 5e8, "EUR")]


def test_pledges_without_an_amount():
    f = facts("Italy has also committed to providing Ukraine with another SAMP-T air defence system. "
              "The U.S., Germany and Romania will supply one Patriot battery each.", "2024-07-09")
    assert sorted(rows(f)) == [("DEU", None, None), ("ITA", None, None), ("ROU", None, None), ("USA", None, None)]
    assert all(p.kind == "military" for p in f.pledges)


def test_the_announcing_persons_country_is_the_donor():
    f = facts("Sir Keir Starmer said Ukraine will be allowed to use £1.6bn of export finance to buy missiles.", "2025-03-02")
    assert rows(f) == [("GBR", 1.6e9, "GBP")]
    assert f.pledges[0].donor_person == "keir-starmer"
    assert f.pledges[0].recipient.key == "UKR"


@pytest.mark.parametrize("sentence,expected", [
    ("Ukraine will receive two more Patriot systems from Germany.", [("DEU", None, None)]),
    ("NATO allies would also share more air defence systems with Ukraine.", [("nato", None, None)]),
    ("The fourth battery will be built from components provided by the Netherlands.", [("NLD", None, None)]),
    ("European Union countries will co-finance the delivery of U.S. weapons to Ukraine.", [("european-union", None, None)]),
    ("Russia will receive more shells from North Korea.", []),
    ("Iran supplied Russia with drones worth $2 billion.", []),
])
def test_pledges_without_an_amount_and_who_is_not_a_donor(sentence, expected):
    assert rows(facts(sentence, "2025-07-21")) == expected


def test_a_country_joining_a_pledge_just_told():
    f = facts("Norway is allocating NOK 1.4 billion for a Patriot system for Ukraine. "
              "In addition to Norway, Germany and the United States are also participating.", "2024-10-29")
    assert sorted(rows(f)) == [("DEU", None, None), ("NOR", 1.4e9, "NOK"), ("USA", None, None)]


def test_a_country_written_before_a_currency_sign_is_the_currency_not_the_donor():
    f = facts("Prime Minister Narendra Modi announced a grant of US $7.5 million for cancer screening in the "
              "region.", "2024-09-22")
    assert [(p.donor.key, p.amount) for p in f.pledges] == [("IND", 7_500_000)]


def test_the_officials_of_a_format_pledge_for_it():
    f = facts("Leaders of the Group of Twenty agreed on Sunday to provide the Pandemic Fund with 2 billion dollars.",
              "2023-09-10")
    assert [(p.donor.key, p.amount, p.currency) for p in f.pledges] == [("g20", 2e9, "USD")]


def test_respectively_pairs_amounts_that_share_a_currency_and_what_adds_up_to_a_sum_is_a_total():
    from tests.test_extract_helpers import facts
    f = facts("Chile and Peru offered 2 million and 4 million euros respectively for the fund. Officials said the "
              "commitments added up to about 6 million euros.", "2025-11-08")
    assert sorted((p.donor.key, p.amount) for p in f.pledges) == [("CHL", 2e6), ("PER", 4e6)]


def test_matching_a_pledge_with_an_amount_is_pledging_it():
    f = facts("Colombia put 50 million dollars into the forest fund on Friday. Peru matched it with 50 million "
              "dollars.", "2025-11-08")
    assert sorted((p.donor.key, p.amount) for p in f.pledges) == [("COL", 5e7), ("PER", 5e7)]


def test_a_pledge_told_the_day_after_a_meeting_without_a_day_is_made_on_the_meetings_day():
    f = facts("Ministers from 20 countries met in London on Tuesday to raise aid for Sudan.\n\nBritain announced 120 "
              "million pounds in new aid.", "2025-04-16")
    [p] = f.pledges
    assert str(p.announced) == "2025-04-15" and p.meeting == f.meetings[0].key


def test_the_person_a_passive_clause_says_announced_the_pledge_made_it():
    f = facts("Ministers from 20 countries met in London on Tuesday to raise aid for Sudan.\n\nThe European Commission "
              "followed with 522 million euros, announced by Commissioner Dubravka Suica.", "2025-04-16")
    [p] = f.pledges
    assert p.donor_person == "dubravka-suica"
    assert ("dubravka-suica", "attended") in {(a.person, a.status) for a in f.attendances}


def test_what_the_package_is_worth_in_the_next_sentence_is_the_last_pledges_amount():
    f = facts("Britain will send 650 lightweight missiles to Ukraine, the defence secretary said on Friday. The "
              "package is worth 162 million pounds.", "2024-09-06")
    assert [(p.donor.key, p.amount, p.currency) for p in f.pledges] == [("GBR", 162e6, "GBP")]
    assert [e.rule for e in f.pledges[0].evidence].count("pledge.worth_of_the_last") == 1


def test_the_by_phrase_of_a_participle_on_another_noun_names_no_announcer():
    f = facts("Britain pledged 100 million pounds on Monday to the fund set up by Bill Gates.", "2024-06-11")
    assert [(p.donor.key, p.donor_person) for p in f.pledges] == [("GBR", None)]


def test_what_was_pledged_is_not_cut_at_a_thousands_comma():
    from tests.test_extract_helpers import facts
    f = facts("Leaders met in London on Sunday. Britain signed a £1.6bn deal that lets Ukraine buy more than 5,000 air "
              "defence missiles, Starmer said.", "2025-03-03")
    assert [p.what for p in f.pledges] == ["deal that lets Ukraine buy more than 5,000 air defence missiles"]
