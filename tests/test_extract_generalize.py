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


def test_a_subject_list_that_was_in_the_room_attended():
    # presence predicates with an appositive title inside the list
    f = facts("Defence ministers met in Brussels on Thursday for a contact group meeting. "
              "Mark Rutte and Ukraine's defence minister, Rustem Umerov, were also in the room.", "2025-02-14")
    assert {a.person for a in f.attendances} >= {"mark-rutte", "rustem-umerov"}


def test_a_list_that_completed_the_table_attended():
    f = facts("Keir Starmer hosted a summit of European leaders in London on Sunday. Mark Rutte, Ursula von der "
              "Leyen and António Costa completed the table.", "2025-03-03")
    assert {a.person for a in f.attendances} >= {"keir-starmer", "mark-rutte", "ursula-von-der-leyen", "antonio-costa"}


def test_the_call_refers_back_to_the_video_call():
    f = facts("Keir Starmer said on Saturday after chairing a video call with leaders from across Europe that talks "
              "would continue. The call brought together 25 other leaders, among them Emmanuel Macron and Mette "
              "Frederiksen. The United States was not among the participants.", "2025-03-16")
    assert len(f.meetings) == 1 and f.meetings[0].kind == "video-call"
    rows = {(a.person, a.country, a.status) for a in f.attendances}
    assert ("emmanuel-macron", "FRA", "attended") in rows and ("mette-frederiksen", "DNK", "attended") in rows
    assert (None, "USA", "absent") in rows


def test_a_comparison_with_an_earlier_meeting_is_not_attendance():
    f = facts("Keir Starmer said on Saturday after chairing a video call with leaders that the group was larger "
              "than the one that met in Paris last month.", "2025-03-16")
    paris = [m for m in f.meetings if m.city == "Paris"]
    assert not [a for a in f.attendances if paris and a.meeting == paris[0].key]


def test_the_other_side_and_a_place_before_the_date_still_date_the_meeting():
    f = facts("The talks came four days after Trump's summit with Putin in Anchorage, Alaska, on Friday.", "2025-08-19")
    anchorage = [m for m in f.meetings if m.city == "Anchorage"]
    assert anchorage and str(anchorage[0].start) == "2025-08-15"


def test_an_undated_meeting_in_the_city_of_the_days_news_is_that_day():
    f = facts("Emmanuel Macron hosted European leaders at the Elysee Palace in Paris on Thursday.\n\n"
              "Macron first met Zelenskyy alone in Paris.", "2025-03-28")
    side = [m for m in f.meetings if m.kind == "bilateral"]
    assert side and str(side[0].start) == "2025-03-27"


def test_a_previous_meeting_in_the_same_city_stays_undated():
    f = facts("Emmanuel Macron hosted European leaders at the Elysee Palace in Paris on Thursday.\n\n"
              "An earlier meeting between Macron and Zelenskyy in Paris had ended without a deal.", "2025-03-28")
    side = [m for m in f.meetings if m.kind == "bilateral"]
    assert side and side[0].start is None


def test_as_well_as_extends_those_who_took_part():
    f = facts("Leaders met in Rome on Monday for a summit on Ukraine. Eight heads of government travelled to Rome "
              "for it, as well as the President of the European Commission, Ursula von der Leyen, and NATO Secretary "
              "General Mark Rutte.", "2025-06-03")
    assert {a.person for a in f.attendances} >= {"ursula-von-der-leyen", "mark-rutte"}


def test_as_well_as_without_a_verb_of_taking_part_is_no_attendance():
    f = facts("Leaders met in Rome on Monday for a summit on Ukraine. Sanctions were criticised by Viktor Orban, "
              "as well as Robert Fico.", "2025-06-03")
    assert not {a.person for a in f.attendances} & {"viktor-orban", "robert-fico"}
