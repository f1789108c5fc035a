"""General sentence patterns found failing on unseen articles; each test is our own short text."""
from tests.test_extract_helpers import facts


def _meeting_of(f, person):
    keys = {a.meeting for a in f.attendances if a.person == person}
    return [m for m in f.meetings if m.key in keys]


def test_a_meeting_tied_to_the_main_one_takes_its_day():
    # "After the meeting …", "Before the talks …", "Earlier in the day …": same day as the meeting just told
    f = facts("Defence ministers met in Berlin on Monday for a contact group meeting chaired by Boris Pistorius. "
              "After the meeting Mark Rutte was received by Chancellor Friedrich Merz at the Chancellery in Berlin.",
              "2025-05-13")
    side = _meeting_of(f, "friedrich-merz")
    assert side and str(side[0].start) == "2025-05-12"
    assert side[0].kind == "bilateral"


def test_earlier_in_the_day_is_the_same_day_and_past():
    f = facts("Keir Starmer hosted a meeting of coalition leaders in London on Friday. "
              "Earlier in the day Volodymyr Zelenskyy had been received by King Charles III at Windsor Castle.",
              "2025-10-25")
    side = _meeting_of(f, "charles-iii")
    assert side and str(side[0].start) == "2025-10-24"
    assert {a.status for a in f.attendances if a.meeting == side[0].key} == {"attended"}


def test_before_the_meeting_dates_a_past_welcome_not_a_future_one():
    f = facts("Keir Starmer hosted a meeting of coalition leaders in London on Friday. "
              "Before the meeting Starmer welcomed Zelenskyy to Downing Street.", "2025-10-25")
    side = _meeting_of(f, "volodymyr-zelenskyy")
    side = [m for m in side if m.kind == "bilateral"]
    assert side and str(side[0].start) == "2025-10-24"
    assert all(a.status == "attended" for a in f.attendances if a.meeting == side[0].key)
