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


SUMMIT = "Leaders met in London on Sunday for a summit. "


def test_leading_a_delegation_and_following_as_an_observer_are_attendance():
    f = facts(SUMMIT + "Zelenskyy led his country's delegation. Hakan Fidan followed the talks as an observer.",
              "2025-03-03")
    assert {("volodymyr-zelenskyy", "UKR", "attended"), ("hakan-fidan", "TUR", "attended")} <= _rows(f)


def test_a_country_represented_or_sending_a_delegation_without_a_name():
    f = facts(SUMMIT + "Turkey was represented by its foreign minister. Canada sent a delegation. The Japanese "
              "delegation attended.", "2025-03-03")
    assert {(None, "TUR", "attended"), (None, "CAN", "attended"), (None, "JPN", "attended")} <= _rows(f)


def test_a_country_that_did_not_send_a_delegation_is_not_attending():
    f = facts(SUMMIT + "Hungary did not send a delegation.", "2025-03-03")
    assert (None, "HUN", "attended") not in _rows(f)


def test_the_conference_that_closed_a_day_later_is_the_same_conference():
    f = facts("Donors at the Rebuild Ukraine Conference in Warsaw pledged support over two days, the organisers said "
              "as the event closed on Thursday.\n\nThe conference, co-hosted by Poland and Ukraine, opened on "
              "Wednesday. Ukrainian Prime Minister Denys Shmyhal led his government's delegation.", "2025-11-21")
    assert len(f.meetings) == 1
    assert ("denys-shmyhal", "UKR", "attended") in _rows(f)


TALLINN = "Defence ministers met in Tallinn on Thursday. "


def test_national_ministries_named_by_demonyms_take_part_as_countries():
    f = facts(TALLINN + "The Polish, Latvian and Danish defence ministries sent their ministers or deputies.",
              "2023-01-20")
    assert {(None, "POL", "attended"), (None, "LVA", "attended"), (None, "DNK", "attended")} <= _rows(f)
    f = facts(TALLINN + "Officials from the Dutch and Czech defence ministries also took part.", "2023-01-20")
    assert {(None, "NLD", "attended"), (None, "CZE", "attended")} <= _rows(f)


def test_ministries_that_stayed_away_are_not_attending():
    f = facts(TALLINN + "The Hungarian and Slovak defence ministries did not take part.", "2023-01-20")
    assert not [r for r in _rows(f) if r[2] == "attended" and r[1] in ("HUN", "SVK")]


def test_a_list_of_demonym_offices_resolves_by_date():
    f = facts(TALLINN + "The Polish, Latvian and Lithuanian defence ministers attended.", "2023-01-20")
    assert {"mariusz-blaszczak", "inara-murniece", "arvydas-anusauskas"} <= {a.person for a in f.attendances}


def test_also_present_were_a_list():
    f = facts(TALLINN + "Also present were delegations from Sweden and Norway.", "2023-01-20")
    assert {(None, "SWE", "attended"), (None, "NOR", "attended")} <= _rows(f)


def test_his_meeting_with_and_held_talks_with_are_two_sided_meetings():
    f = facts("Volodymyr Zelenskyy spent Sunday in Oslo. At the start of his meeting with Prime Minister Jonas Gahr "
              "Støre, he thanked Norway. Zelenskyy also held his first in-person talks in a year with Finnish "
              "President Alexander Stubb.", "2025-06-01")
    sides = {frozenset(a.person for a in f.attendances if a.meeting == m.key) for m in f.meetings
             if m.kind == "bilateral"}
    assert frozenset({"volodymyr-zelenskyy", "jonas-gahr-store"}) in sides
    assert frozenset({"volodymyr-zelenskyy", "alexander-stubb"}) in sides



def test_a_meeting_told_in_the_present_tense_is_on_the_day_of_publication():
    f = facts("Officials say Keir Starmer is at the presidential palace in Kyiv for talks with Volodymyr Zelenskyy.",
              "2025-01-16")
    assert f.meetings and str(f.meetings[0].start) == "2025-01-16"
    f = facts("Officials say Keir Starmer is at the presidential palace in Kyiv for talks with Volodymyr Zelenskyy "
              "that will begin next week.", "2025-01-16")
    assert all(str(m.start) != "2025-01-16" for m in f.meetings)  # planned talks do not take today's date


def test_the_visitors_on_a_call_are_the_guests_of_the_meeting_before():
    f = facts("Volodymyr Zelenskyy hosted a summit in Kyiv on Saturday, attended by Emmanuel Macron, Keir Starmer and "
              "Friedrich Merz. The visitors and Zelenskyy then spoke by phone with "
              "US President Donald Trump.", "2025-05-10")
    call = [m for m in f.meetings if m.kind in ("video-call", "bilateral", "other") and
            any(a.person == "donald-trump" and a.meeting == m.key for a in f.attendances)]
    assert call
    on_call = {a.person for a in f.attendances if a.meeting == call[0].key}
    assert {"emmanuel-macron", "keir-starmer", "friedrich-merz", "donald-trump"} <= on_call


def test_the_leaders_holding_a_call_are_not_copied_from_the_summit():
    f = facts("Emmanuel Macron hosted a summit in Paris on Thursday with Keir Starmer. After the summit the leaders "
              "held a call with US President Donald Trump.", "2025-09-05")
    call = [m for m in f.meetings if any(a.person == "donald-trump" and a.meeting == m.key for a in f.attendances)]
    assert call and "keir-starmer" not in {a.person for a in f.attendances if a.meeting == call[0].key}


def test_a_planned_meeting_after_the_talks_keeps_no_date_and_is_expected():
    f = facts("Donald Trump hosted Volodymyr Zelenskyy at the White House on Monday. After the talks Trump said he had "
              "begun arranging a meeting between Vladimir Putin and Volodymyr Zelenskyy.", "2025-08-19")
    planned = [m for m in f.meetings if any(a.person == "vladimir-putin" and a.meeting == m.key for a in f.attendances)]
    assert planned and planned[0].start is None
    assert {a.status for a in f.attendances if a.meeting == planned[0].key} == {"expected"}


def test_the_next_edition_of_a_named_conference_is_another_meeting_of_that_name():
    f = facts("Donors met at the Ukraine Recovery Conference in Rome on Thursday. Poland will host the next edition "
              "of the conference in 2026.", "2025-07-11")
    assert len(f.meetings) == 2
    nxt = [m for m in f.meetings if m.city != "Rome"]
    assert nxt and nxt[0].name == "Ukraine Recovery Conference"
    assert (None, "POL", "expected") in _rows(f)


def test_a_speech_or_video_address_by_someone_at_the_meeting():
    f = facts("The Ukraine Recovery Conference in Rome opened on Thursday with a speech by Prime Minister Giorgia "
              "Meloni and a video address by President Volodymyr Zelenskyy.", "2025-07-11")
    assert {("giorgia-meloni", "ITA", "attended"), ("volodymyr-zelenskyy", "UKR", "attended")} <= _rows(f)


def test_a_hyphenated_word_does_not_cut_the_other_side_of_a_meeting():
    f = facts("A Ukrainian delegation met on Sunday in Geneva with US envoy Steve Witkoff, and his son-in-law Jared "
              "Kushner to discuss a ceasefire.", "2025-11-24")
    assert {"steve-witkoff", "jared-kushner"} <= {a.person for a in f.attendances}


def test_with_someone_taking_part_after_chaired_by_is_no_co_chair():
    from tests.test_extract_helpers import facts
    f = facts("Trudeau took part in a videoconference of G7 leaders on Saturday, chaired by Prime Minister Giorgia "
              "Meloni from Kyiv, with President Volodymyr Zelenskyy taking part.", "2024-02-24")
    roles = {x.person: x.role for x in f.attendances}
    assert roles["giorgia-meloni"] == "chair" and roles["volodymyr-zelenskyy"] == "participant"


def test_the_subject_of_a_verb_after_a_by_list_is_no_co_host():
    from tests.test_extract_helpers import facts
    f = facts("NATO's Baltic Sea allies met in Helsinki on Tuesday, in a summit co-hosted by Finnish President "
              "Alexander Stubb and Estonian Prime Minister Kristen Michal, and NATO Secretary General Mark Rutte "
              "announced a new mission.", "2025-01-16")
    hosts = {x.person for x in f.attendances if x.role == "host"}
    assert hosts == {"alexander-stubb", "kristen-michal"}
