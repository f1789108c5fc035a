"""The data model: what a loader extracts from one article, validated by pydantic.

Loaders produce one `ArticleFacts` per article. Facts refer to each other by
*local keys* inside that article (a meeting "M1", a person's gazetteer key);
the graph layer turns them into stable ids and merges them with what other
articles said about the same things.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

MeetingKind = Literal["summit", "ministerial", "contact-group", "video-call", "conference", "bilateral", "other"]
MeetingMode = Literal["in-person", "virtual", "hybrid"]
DatePrecision = Literal["day", "week", "month"]
AttendanceRole = Literal["host", "chair", "participant"]
AttendanceStatus = Literal["attended", "expected", "absent"]
PledgeKind = Literal["military", "financial", "humanitarian", "reconstruction", "troops", "other"]
PledgeStatus = Literal["announced", "delivered", "planned"]

NODE_LABELS = ("Person", "Country", "Organization", "Meeting", "Pledge", "Statement", "Article")


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Evidence(Model):
    """The sentence a fact was read from: article, exact text and character offsets."""

    article_id: str
    sentence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    rule: str = Field(description="name of the extraction rule that produced the fact")


class Article(Model):
    id: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    text: str

    @property
    def source(self) -> str:
        """What a fact's `sources` lists for this article: its URL, else its id."""
        return self.url or self.id


class Office(Model):
    """An office a person holds: "Prime Minister" of GBR from 2024-07-05."""

    role: str
    of: str = Field(description="ISO3 code of a country or key of an organization")
    start: dt.date | None = None
    end: dt.date | None = None


class Person(Model):
    key: str = Field(description="canonical gazetteer key (a slug of the canonical name)")
    name: str
    aliases: list[str] = []
    wikidata: str | None = None
    offices: list[Office] = []

    @field_validator("wikidata")
    @classmethod
    def _qid(cls, v: str | None) -> str | None:
        if v is not None and not (v.startswith("Q") and v[1:].isdigit()):
            raise ValueError(f"not a Wikidata QID: {v!r}")
        return v


class Country(Model):
    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    name: str


class Organization(Model):
    key: str = Field(description="slug, e.g. 'nato', 'coalition-of-the-willing'")
    name: str
    kind: str | None = None  # alliance, union, format, institution, agency ...
    wikidata: str | None = None


class Actor(Model):
    """A donor or recipient: a country (by ISO3) or an organization (by key)."""

    kind: Literal["country", "organization"]
    key: str


class Meeting(Model):
    key: str = Field(description="local key inside the article, e.g. 'M1'")
    name: str
    kind: MeetingKind = "other"
    start: dt.date | None = None
    end: dt.date | None = None
    date_precision: DatePrecision = "day"
    city: str | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    mode: MeetingMode | None = None
    format: str | None = Field(default=None, description="organization key of the format, e.g. 'ukraine-defense-contact-group'")
    evidence: list[Evidence] = []


class Attendance(Model):
    """Someone (a person, else a country, else an organization) at a meeting."""

    meeting: str = Field(description="local meeting key")
    person: str | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    organization: str | None = None
    role: AttendanceRole = "participant"
    status: AttendanceStatus = "attended"
    evidence: list[Evidence] = []


class Pledge(Model):
    key: str = Field(description="local key inside the article, e.g. 'P1'")
    donor: Actor
    donor_person: str | None = None
    recipient: Actor | None = None
    amount: float | None = None
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    amount_eur: float | None = None
    eur_rate_date: dt.date | None = None
    what: str | None = None
    kind: PledgeKind = "other"
    announced: dt.date | None = None
    status: PledgeStatus = "announced"
    meeting: str | None = None
    part_of: str | None = Field(default=None, description="local key of the package this is an item of")
    evidence: list[Evidence] = []


class Statement(Model):
    key: str
    speaker: str = Field(description="person key")
    text: str
    date: dt.date | None = None
    direct: bool
    meeting: str | None = None
    evidence: list[Evidence] = []


class OfficeHeld(Model):
    """The article names a person in an office (Person → Country/Organization)."""

    person: str
    role: str
    of: str
    start: dt.date | None = None
    end: dt.date | None = None
    evidence: list[Evidence] = []


class ArticleFacts(Model):
    """Everything extracted from one article."""

    article: Article
    persons: list[Person] = []
    countries: list[Country] = []
    organizations: list[Organization] = []
    meetings: list[Meeting] = []
    attendances: list[Attendance] = []
    pledges: list[Pledge] = []
    statements: list[Statement] = []
    offices: list[OfficeHeld] = []
