"""Attendance and meeting kinds from general sentence forms; each test is our own short text."""
from tests.test_extract_helpers import facts


def test_one_delegation_meeting_an_envoy_is_two_sided_and_later_leaders_make_the_summit():
    f = facts("Leaders held talks in Geneva on Monday about a ceasefire. A Ukrainian delegation met on Sunday in "
              "Geneva with US envoy Steve Witkoff. Six European prime ministers travelled to Geneva on Monday "
              "to join the talks.", "2025-11-24")
    kinds = sorted(m.kind for m in f.meetings)
    assert "bilateral" in kinds and "summit" in kinds


def _rows(f):
    return {(a.person, a.country, a.status) for a in f.attendances}


def test_a_list_of_offices_by_country_resolves_through_the_office_table():
    f = facts("NATO leaders met at a summit in The Hague on Tuesday. The prime ministers of Japan, Australia and "
              "New Zealand attended as partners.", "2025-06-25")
    assert {("shigeru-ishiba", "JPN", "attended"), ("anthony-albanese", "AUS", "attended"),
            ("christopher-luxon", "NZL", "attended")} <= _rows(f)


def test_the_same_office_list_on_an_earlier_date_gives_the_holders_of_that_day():
    f = facts("NATO leaders met at a summit in Madrid on Wednesday. The prime ministers of Japan and Australia "
              "attended as partners.", "2022-06-30")
    assert {a.person for a in f.attendances} >= {"fumio-kishida", "anthony-albanese"}
