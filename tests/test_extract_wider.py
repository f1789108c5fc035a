"""Sentence forms from other house styles (wire datelines, live blogs, role lists); each text is our own."""
from tests.test_extract_helpers import facts


def _people(f, meeting=None, status=None):
    return {a.person for a in f.attendances if a.person and (meeting is None or a.meeting == meeting)
            and (status is None or a.status == status)}


def test_a_wire_dateline_places_the_meeting_told_in_the_lede():
    f = facts("VILNIUS, Lithuania, March 4 - Defence officials from a dozen countries met at a military academy on "
              "Tuesday to plan more ammunition deliveries for Ukraine.", "2025-03-04")
    assert f.meetings and f.meetings[0].city == "Vilnius" and str(f.meetings[0].start) == "2025-03-04"


def test_a_dateline_city_missing_from_the_gazetteer_is_read_with_its_country():
    f = facts("RUKLA, Lithuania - Officials from five allies gathered at the training ground on Monday to discuss "
              "air defence for Ukraine.", "2025-03-04")
    assert f.meetings and f.meetings[0].city == "Rukla" and f.meetings[0].country == "LTU"


def test_as_did_adds_the_next_person_to_those_who_attended():
    f = facts("Defence ministers met in Brussels on Thursday for a contact group meeting. Rustem Umerov attended, "
              "as did John Healey.", "2025-02-14")
    assert _people(f) >= {"rustem-umerov", "john-healey"}


def test_hosts_were_and_around_the_table_were_are_lists():
    f = facts("The NATO summit in The Hague opened on Tuesday. Hosts of the summit were Dick Schoof together with "
              "Mark Rutte. Around the table were, among others, Keir Starmer and Friedrich Merz.", "2025-06-25")
    assert _people(f) >= {"dick-schoof", "mark-rutte", "keir-starmer", "friedrich-merz"}
    assert {a.role for a in f.attendances if a.person == "dick-schoof"} == {"host"}


def test_a_country_not_invited_or_staying_away_is_absent():
    f = facts("Leaders met at a summit in Geneva on Saturday. Russia was not invited, and China, whose envoy had "
              "been expected, stayed away.", "2025-06-15")
    rows = {(a.country, a.status) for a in f.attendances if a.person is None}
    assert ("RUS", "absent") in rows and ("CHN", "absent") in rows


def test_a_span_from_one_day_to_another_starts_the_meeting():
    f = facts("The summit in Madrid, hosted by Pedro Sánchez from Tuesday to Thursday, ended with a declaration "
              "agreed on Wednesday.", "2025-07-11")
    assert str(f.meetings[0].start) == "2025-07-08"


def test_a_two_day_conference_that_closed_on_a_day_began_the_day_before():
    f = facts("A two-day conference on rebuilding Ukraine in Rome closed on Thursday with new promises.", "2025-07-11")
    assert str(f.meetings[0].start) == "2025-07-09"
