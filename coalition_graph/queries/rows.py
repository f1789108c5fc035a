"""Typed rows of the named queries: the JSON contract as pydantic models, for the Python API."""
from __future__ import annotations

import datetime as dt

from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict

R = TypeVar("R", bound="Row")


class Row(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)


class Ref(Row):
    id: str | None = None
    name: str | None = None


class Actor(Ref):
    iso3: str | None = None


class MeetingRow(Row):
    id: str
    name: str
    kind: str | None
    start: dt.date | None
    end: dt.date | None
    city: str | None
    country: str | None
    sources: list[str]


class AttendanceRow(Row):
    id: str
    meeting: MeetingRow
    person: Ref | None
    country: str | None
    organization: str | None
    role: str
    status: str
    sources: list[str]


class PledgeRow(Row):
    id: str
    donor: Actor
    recipient: Actor | None
    amount: float | None
    currency: str | None
    amount_eur: float | None
    eur_rate_date: dt.date | None = None
    what: str | None
    kind: str | None
    announced: dt.date | None
    status: str | None = None
    meeting: str | None
    announced_by: Ref | None = None
    part_of: str | None = None
    sources: list[str]


class StatementRow(Row):
    id: str
    speaker: Ref
    text: str
    date: dt.date | None
    direct: bool | None
    meeting: str | None
    sources: list[str]


class Rows(list[R]):
    """The rows of a query: a plain list that also becomes a pandas DataFrame (`rows.to_dataframe()`)."""

    def to_dataframe(self) -> Any:
        from coalition_graph.frames import to_dataframe

        return to_dataframe(self)


class Evidence(Row):
    """One sentence behind a fact: its article, where it sits in the text, and the rule that read it."""

    sentence: str
    start: int | None
    end: int | None
    rule: str | None
    article_id: str
    url: str | None
    title: str | None
    publisher: str | None
    published: dt.date | None


class Explanation(Row):
    """A node or relationship with its properties and the evidence behind it (`coalition explain`)."""

    id: str
    kind: str
    label: str
    props: dict[str, Any]
    src: str | None
    dst: str | None
    evidence: list[Evidence]


ROW_TYPES: dict[str, type[Row]] = {
    "meetings": MeetingRow,
    "attendance": AttendanceRow,
    "pledges": PledgeRow,
    "statements": StatementRow,
}
