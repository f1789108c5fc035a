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
