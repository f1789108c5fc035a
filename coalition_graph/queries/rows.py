"""Typed rows of the named queries: the JSON contract as pydantic models, for the Python API."""
from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict


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


ROW_TYPES: dict[str, type[Row]] = {
    "meetings": MeetingRow,
    "attendance": AttendanceRow,
    "pledges": PledgeRow,
    "statements": StatementRow,
}
