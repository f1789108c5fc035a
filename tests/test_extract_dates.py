"""Date expressions resolved against the publication date."""
import datetime as dt

import pytest

from coalition_graph.loaders.extract.dates import find_dates

PUB = dt.date(2025, 3, 28)  # a Friday


@pytest.mark.parametrize("text,expected,precision", [
    ("leaders met on Tuesday in Paris", dt.date(2025, 3, 25), "day"),
    ("Sunday's summit in London", dt.date(2025, 3, 23), "day"),
    ("the leaders will meet again on Monday", dt.date(2025, 3, 31), "day"),
    ("On March 27, Paris hosted a summit", dt.date(2025, 3, 27), "day"),
    ("the previous summit held in London earlier this month", dt.date(2025, 3, 1), "month"),
    ("This week in London, planners will meet", dt.date(2025, 3, 24), "week"),
    ("the package promised last week", dt.date(2025, 3, 17), "week"),
    ("In October 2024, the council approved a loan", dt.date(2024, 10, 1), "month"),
    ("In May, Sweden announced plans", dt.date(2024, 5, 1), "month"),
    ("the contact group meets on April 11", dt.date(2025, 4, 11), "day"),
    ("the deal was signed yesterday", dt.date(2025, 3, 27), "day"),
    ("ministers gathered on Thursday, 27 March", dt.date(2025, 3, 27), "day"),
])
def test_relative_and_absolute_dates(text, expected, precision):
    found = find_dates(text, PUB)
    assert [(d.date, d.precision) for d in found] == [(expected, precision)]


def test_without_a_publication_date_only_dates_with_a_year_resolve():
    found = find_dates("Leaders met on Tuesday; the pact of March 27, 2025 holds; the talks of May 5 did not.", None)
    assert [(d.date, d.precision) for d in found] == [(dt.date(2025, 3, 27), "day")]


def test_a_month_with_last_or_next_year():
    import datetime as dt

    from coalition_graph.loaders.extract.dates import find_dates

    assert [d.date for d in find_dates("the talks in Jeddah in May last year", dt.date(2024, 4, 16))] == \
        [dt.date(2023, 5, 1)]
    assert [d.date for d in find_dates("a summit in March next year", dt.date(2024, 4, 16))] == [dt.date(2025, 3, 1)]


def test_a_day_earlier_counts_from_the_day_written_before_it_in_the_paragraph():
    text = "Ministers met in Rome on Wednesday. A day earlier the envoys had talks in Naples."
    got = [d for d in find_dates(text, PUB) if d.text.lower().startswith("a day")]
    assert got and got[0].date == dt.date(2025, 3, 25)


def test_at_a_paragraphs_start_a_day_earlier_counts_from_the_ledes_day():
    text = "Leaders met in Rome on Monday.\n\nThe envoys spoke on Wednesday.\n\nTwo days earlier the chiefs met."
    got = [d for d in find_dates(text, PUB) if d.text.lower().startswith("two days")]
    assert got and got[0].date == dt.date(2025, 3, 22)


def test_a_day_after_a_named_event_is_no_date_of_its_own():
    assert not [d for d in find_dates("The trip came a day after Austin travelled to Kyiv.", PUB)]


def test_a_weekday_after_from_today_until_is_ahead():
    from coalition_graph.loaders.extract.dates import find_dates
    text = "The summit runs from today until Saturday."
    got = [(text[d.start:d.end], str(d.date)) for d in find_dates(text, dt.date(2024, 6, 13))]
    assert ("Saturday", "2024-06-15") in got


def test_a_weekday_of_a_meeting_told_in_the_present_is_ahead():
    from coalition_graph.loaders.extract.dates import find_dates
    text = "Defence ministers of the alliance meet in the same building on Thursday."
    got = [(text[d.start:d.end], str(d.date)) for d in find_dates(text, dt.date(2025, 2, 12))]
    assert got == [("Thursday", "2025-02-13")]


def test_a_weekday_hung_on_a_verb_in_the_past_is_past_whatever_future_word_is_near():
    from tests.test_extract_helpers import facts
    f = facts("BEIRUT - The European Union will give Lebanon one billion euros, Ursula von der Leyen announced in "
              "Beirut on Thursday, in a package that Brussels hopes will help.", "2024-05-03")
    assert [(str(p.announced), p.donor.key) for p in f.pledges] == [("2024-05-02", "european-union")]


def test_a_weekday_on_a_participle_is_as_past_as_the_clauses_finite_verb():
    # "plan to" near it reads as a future cue; the parse hangs the day on "meeting", a gerund under "adopted"
    from tests.test_extract_helpers import facts
    f = facts("Gulf leaders meeting at a summit in Riyadh on Tuesday adopted a plan to rebuild the port.",
              "2025-03-05")
    assert [str(m.start) for m in f.meetings] == ["2025-03-04"]


def test_a_month_and_year_after_for_is_a_month_date():
    found = [(x.text, str(x.date), x.precision) for x in find_dates("The next session is planned for February 2025.",
                                                                     dt.date(2024, 2, 18))]
    assert found == [("February 2025", "2025-02-01", "month")]


def test_a_month_naming_a_meeting_dates_it():
    from tests.test_extract_helpers import facts
    base = "EU leaders met in Brussels on Thursday for a summit on defence. "
    past = facts(base + "Orbán, who has blocked aid since the June summit, stayed home.", "2025-03-07")
    assert [(str(m.start), m.date_precision) for m in past.meetings] == [("2025-03-06", "day"), ("2024-06-01", "month")]


def test_a_span_of_days_of_one_month_is_dated_by_its_first_day():
    from coalition_graph.loaders.extract.dates import find_dates
    for text in ("The summit takes place from 12 to 14 March.", "It meets on 12-14 March.", "on 12 and 13 March"):
        got = [(str(d.date), d.precision) for d in find_dates(text, dt.date(2025, 3, 1))]
        assert got == [("2025-03-12", "day")], text


def test_a_month_after_a_present_tense_verb_of_hosting_is_the_coming_one():
    # "hosts the summit in November", told in May: this November, not last
    from coalition_graph.loaders.extract.dates import find_dates
    got = [(str(d.date), d.precision) for d in find_dates("South Africa hosts the summit in November.",
                                                          dt.date(2025, 5, 20))]
    assert got == [("2025-11-01", "month")]
