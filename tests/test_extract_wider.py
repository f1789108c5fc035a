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


def test_thanking_someone_in_a_phone_call_is_a_two_sided_call():
    f = facts("On Tuesday Keir Starmer thanked Mark Carney in a phone call for the new air-defence package.",
              "2025-05-07")
    calls = [m for m in f.meetings if m.kind == "bilateral"]
    assert calls and calls[0].mode == "virtual" and str(calls[0].start) == "2025-05-06"
    assert _people(f, calls[0].key) == {"keir-starmer", "mark-carney"}


def test_sat_down_with_is_a_meeting_of_the_two():
    f = facts("In the evening Donald Tusk sat down with Volodymyr Zelenskyy at the Mariinsky Palace.", "2025-05-07")
    assert f.meetings and f.meetings[0].city == "Kyiv"
    assert _people(f, f.meetings[0].key) == {"donald-tusk", "volodymyr-zelenskyy"}


def test_a_live_blog_visit_is_due_and_meets_are_future():
    f = facts("Emmanuel Macron has left Kyiv. He is due in Warsaw, where he meets Polish President Karol Nawrocki "
              "on Thursday.", "2025-09-02")
    m = [m for m in f.meetings if m.city == "Warsaw"]
    assert m and str(m[0].start) == "2025-09-04"
    assert _people(f, m[0].key, "expected") == {"emmanuel-macron", "karol-nawrocki"}


def test_talks_in_a_city_between_two_leaders():
    f = facts("The visit coincided with talks in Beijing between Xi Jinping and Vladimir Putin, which opened on "
              "Friday.", "2025-05-10")
    assert [(m.kind, m.city) for m in f.meetings] == [("bilateral", "Beijing")]
    assert _people(f) == {"xi-jinping", "vladimir-putin"}


def _pledges(f):
    return {(p.donor.key if p.donor else None, p.amount, p.currency) for p in f.pledges}


def test_made_in_a_country_is_not_the_donor():
    f = facts("Belgium will pay for a package of U.S.-made interceptors worth 300 million dollars, the government "
              "said on Tuesday.", "2025-09-03")
    assert _pledges(f) == {("BEL", 300000000, "USD")}


def test_a_part_of_a_package_for_a_purpose_is_not_a_second_pledge():
    f = facts("Canada announced $900 million in new aid, about $200 million of it for demining.", "2025-09-03")
    assert _pledges(f) == {("CAN", 900000000, "CAD")}  # a Canadian "$" is Canadian dollars
