"""Attendance and meeting kinds from general sentence forms; each test is our own short text."""
from tests.test_extract_helpers import facts


def test_one_delegation_meeting_an_envoy_is_two_sided_and_later_leaders_make_the_summit():
    f = facts("Leaders held talks in Geneva on Monday about a ceasefire. A Ukrainian delegation met on Sunday in "
              "Geneva with US envoy Steve Witkoff. Six European prime ministers travelled to Geneva on Monday "
              "to join the talks.", "2025-11-24")
    kinds = sorted(m.kind for m in f.meetings)
    assert "bilateral" in kinds and "summit" in kinds
