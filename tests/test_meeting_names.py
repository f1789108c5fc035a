"""Meeting names a person would write: from format, kind, place, people and date, never "Sunday's summit"."""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from click.testing import CliRunner

from coalition_graph.cli import cli
from coalition_graph.graph.meeting_names import meeting_name
from coalition_graph.graph.merge import fold_props
from coalition_graph.schema.models import Article, ArticleFacts, Attendance, Meeting, Person

ARTICLE = Article(id="a1", url="https://example.org/a1", title="Leaders meet", publisher="Example News",
                  published=dt.date(2025, 3, 3), text="…")
PEOPLE = [Person(key="donald-trump", name="Donald Trump"), Person(key="vladimir-putin", name="Vladimir Putin"),
          Person(key="volodymyr-zelenskyy", name="Volodymyr Zelenskyy")]


def named(name: str, *, people: tuple[str, ...] = (), **fields) -> str:
    meeting = Meeting(key="M1", name=name, **fields)
    facts = ArticleFacts(article=ARTICLE, persons=PEOPLE, meetings=[meeting],
                         attendances=[Attendance(meeting="M1", person=p) for p in people])
    return meeting_name(meeting, facts)


@pytest.mark.parametrize("name, fields, expected", [
    # a weekday's summit: the format and the place say which one
    ("Sunday's summit", dict(kind="summit", format="coalition-of-the-willing", city="London", country="GBR",
                             start=dt.date(2025, 3, 2)), "Coalition of the Willing summit in London"),
    ("last week's meeting", dict(kind="contact-group", format="ukraine-defense-contact-group", city="Brussels"),
     "Ukraine Defense Contact Group meeting in Brussels"),
    ("Meeting", dict(kind="summit", format="coalition-of-the-willing", city="London"), "Coalition of the Willing summit in London"),
    # a bare noun with only a date gets the date, as a person writes it
    ("Video call", dict(kind="video-call", start=dt.date(2025, 3, 15)), "Video call on 15 March 2025"),
    ("Virtual meeting", dict(kind="video-call", start=dt.date(2023, 12, 19)), "Video call on 19 December 2023"),
    ("Stormy meeting", dict(kind="other", start=dt.date(2025, 2, 1), date_precision="month"), "Meeting in February 2025"),
    ("Second conference", dict(kind="conference", start=dt.date(2024, 6, 11), date_precision="week"),
     "Conference in the week of 11 June 2024"),
    # nothing known but the article it comes from
    ("Meeting", dict(kind="other"), "Meeting reported by Example News on 3 March 2025"),
    # a leading "the" goes, unless it is the place's own
    ("The Ukraine Recovery Conference", dict(kind="conference", city="Rome", country="ITA"), "Ukraine Recovery Conference in Rome"),
    ("The Hague summit", dict(kind="summit", city="The Hague", country="NLD"), "The Hague summit"),
    # a name of its own keeps its words, and gains the place it lacks
    ("Second Ukraine peace summit", dict(kind="summit", start=dt.date(2024, 8, 23)), "Second Ukraine peace summit"),
    ("Humanitarian aid conference", dict(kind="conference", start=dt.date(2024, 6, 11)), "Humanitarian aid conference"),
    ("Arab League Summit", dict(kind="summit", city="Baghdad", country="IRQ"), "Arab League Summit in Baghdad"),
    ("G7 summit", dict(kind="summit", country="CAN"), "G7 summit in Canada"),
    ("Intense and productive talks in Berlin", dict(kind="summit", city="Berlin"), "Talks in Berlin"),
])
def test_names_from_format_kind_place_and_date(name, fields, expected):
    assert named(name, **fields) == expected


def test_a_persons_summit_is_named_for_the_people_at_it():
    assert named("Trump's summit", people=("donald-trump", "vladimir-putin"), kind="bilateral", city="Anchorage",
                 country="USA", start=dt.date(2025, 8, 15)) == "Trump–Putin summit"


def test_a_person_taken_for_the_place_is_not_named_as_one():
    assert named("Zelenskyy–Trump call in Zelenskyy", people=("volodymyr-zelenskyy", "donald-trump"), kind="bilateral",
                 city="Zelenskyy", start=dt.date(2025, 5, 10)) == "Zelenskyy–Trump call"


def test_a_country_is_named_as_a_sentence_names_it():
    assert named("Trump–Putin meeting in United States", kind="bilateral", country="USA") == "Trump–Putin meeting in the United States"
    assert named("Summit", kind="summit", country="NLD") == "Summit in the Netherlands"


def test_a_later_fuller_name_wins_over_the_first_reported_one():
    first = {"name": "Summit in London", "city": "London"}
    later = {"name": "Coalition of the Willing summit in London", "city": "London"}
    assert fold_props("Meeting", [first, later])["name"] == later["name"]
    assert fold_props("Meeting", [later, first])["name"] == later["name"]
    # another name, not a fuller one: the first report's stays
    other = {"name": "Élysée meeting on Ukraine"}
    assert fold_props("Meeting", [{"name": "Summit in Paris"}, other])["name"] == "Summit in Paris"


def test_no_meeting_of_the_sample_has_a_name_that_says_nothing(sample_store_path):
    result = CliRunner().invoke(cli, ["meetings", "--format", "json", "--store", str(sample_store_path)])
    assert result.exit_code == 0, result.output
    names = [row["name"] for row in json.loads(result.stdout)]
    assert len(names) >= 30
    generic = re.compile(r"^(meeting|summit|conference|video call|call|talks|ministerial|virtual meeting)$", re.I)
    context = re.compile(r"(?:day|week|month|year|night)['’]s\b|^the (?!hague)|\bin (?:Zelenskyy|Trump|Putin)\b", re.I)
    assert [n for n in names if generic.match(n) or context.search(n)] == []
    assert "Trump–Putin summit" in names and "Ukraine Recovery Conference in Rome" in names
