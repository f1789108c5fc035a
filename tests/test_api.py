"""The Python API gives typed rows, the same as the CLI's JSON."""
from __future__ import annotations

import datetime as dt

import pytest

from coalition_graph import api
from coalition_graph.queries import run_named
from tests.conftest import SAMPLE


def test_typed_rows_from_both_engines(sample_store):
    rows = api.attendance(sample_store, meeting="paris")
    assert rows and all(isinstance(r, api.AttendanceRow) for r in rows)
    assert all(isinstance(r.meeting.start, dt.date) for r in rows if r.meeting.start)
    assert rows == api.attendance(sample_store, meeting="paris", engine="sparql")
    assert [r.model_dump(mode="json") for r in rows] == run_named(sample_store.cypher, "attendance", meeting="paris")


def test_pledges_with_date_objects_and_totals(sample_store):
    spring = api.pledges(sample_store, since=dt.date(2025, 4, 1), until=dt.date(2025, 6, 30))
    assert spring and all(dt.date(2025, 4, 1) <= p.announced <= dt.date(2025, 6, 30) for p in spring)
    assert all(p.amount_eur is None or p.amount_eur > 0 for p in spring)


def test_every_named_query_has_a_row_type(sample_store):
    assert api.meetings(sample_store) and api.statements(sample_store, speaker="Starmer")
    assert all(s.speaker.name == "Keir Starmer" for s in api.statements(sample_store, speaker="Starmer"))


def test_open_store_and_ingest(tmp_path):
    with api.open_store(tmp_path / "s", create=True) as store:
        report = store.ingest([SAMPLE], progress=False)
        assert report.added == 12
        assert len(api.meetings(store)) == len(run_named(store.cypher, "meetings"))


def test_an_unknown_named_query_is_a_usage_error_listing_the_names(sample_store):
    from coalition_graph import api
    from coalition_graph.errors import CoalitionError, ExitStatus, UsageError

    with pytest.raises(UsageError) as error:
        api.frame(sample_store, "nope")
    assert isinstance(error.value, CoalitionError) and not isinstance(error.value, KeyError)
    assert error.value.exit_status == ExitStatus.USAGE
    assert "'nope'" in str(error.value)
    assert all(name in str(error.value) for name in ("meetings", "attendance", "pledges", "statements"))
    with pytest.raises(UsageError):
        api.named_query(sample_store, "nope")
