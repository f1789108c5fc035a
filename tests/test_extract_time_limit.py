"""Each article's extraction is bounded in time: one over $COALITION_MAX_ARTICLE_SECONDS is one reported
problem (path, line, the limit and the variable), the others are stored, and what was stored before stays.

A real ingest: short articles take tens of milliseconds, the long one (about 100,000 characters of news
paragraphs) several seconds, so a limit of 0.75 s cuts the long one only, in one process and in the pool.
"""
from __future__ import annotations

import json
import signal
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from coalition_graph.cli import cli
from coalition_graph.errors import ExitStatus, UsageError
from coalition_graph.graph.store import Store
from coalition_graph.loaders.extract import parallel
from coalition_graph.loaders.extract.time_limit import ENV_VAR, OverTime, article_seconds, within

SHORT = [
    ("berlin", "Leaders of Germany and France met in Berlin on Monday for talks on Ukraine. "
               "Chancellor Friedrich Merz said Germany would give €500 million in air defence."),
    ("oslo", "Defence ministers of Norway and Denmark met in Oslo on Tuesday. "
             "Norway pledged 1 billion kroner for Ukraine's navy, the ministry said."),
    ("rome", "Prime Minister Giorgia Meloni hosted a conference on Ukraine's recovery in Rome on Thursday."),
]
LONG_PARAGRAPH = ("Foreign ministers of Sweden, Finland and Estonia met in Tallinn on Wednesday to discuss "
                  "sanctions, and President Emmanuel Macron said France would send more equipment to Kyiv.\n\n")
LIMIT = "0.75"


def _record(key: str, text: str) -> dict:
    return {"id": key, "url": f"https://news.example/{key}", "title": key, "published": "2025-05-06", "text": text}


def _feed(tmp_path: Path) -> Path:
    """Three short articles and, on line 3, the long one."""
    records = [_record(*SHORT[0]), _record(*SHORT[1]), _record("long", LONG_PARAGRAPH * 500), _record(*SHORT[2])]
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.parametrize("workers", ["1", "2"])
def test_an_article_over_the_time_limit_is_one_problem_and_the_others_are_stored(workers, tmp_path, monkeypatch):
    monkeypatch.setenv(parallel.ENV_VAR, workers)  # 1: this process; 2: the forked pool (4 articles)
    monkeypatch.setenv(ENV_VAR, LIMIT)
    feed = _feed(tmp_path)
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["ingest", str(feed), "--store", str(tmp_path / "store"), "--no-progress"])
    assert time.monotonic() - started < 20  # the long article was cut at its limit, not extracted to the end
    assert result.exit_code == ExitStatus.BAD_INPUT, result.output
    skipped = [line for line in result.stderr.splitlines() if line.startswith("Skipped")]
    assert skipped == [f"Skipped {feed}:3: over the time limit of 0.75 s ({ENV_VAR})"]
    assert "4 articles read: 3 added" in result.stderr and "1 input skipped" in result.stderr
    with Store.open(tmp_path / "store") as store:
        stored = {row[0] for row in store.cypher.query("MATCH (a:Article) RETURN a.url").rows}
        assert stored == {"https://news.example/berlin", "https://news.example/oslo", "https://news.example/rome"}
        assert store.counts()["articles"] == 3
        assert store.counts().get("Meeting", 0) >= 2  # the short ones were extracted, not only stored
        assert store.verify() == []
    parallel.shutdown()


def test_an_edit_over_the_limit_keeps_the_version_stored_before(tmp_path, monkeypatch):
    monkeypatch.setenv(parallel.ENV_VAR, "1")
    with Store.open(tmp_path / "store", create=True) as store:
        from coalition_graph.schema.models import Article

        first = Article(id="oslo", url="https://news.example/oslo", text=SHORT[1][1])
        assert store.ingest([first], progress=False).added == 1
        before = (store.counts(), store.cypher.query("MATCH (n) RETURN n.id ORDER BY n.id").rows)
        monkeypatch.setenv(ENV_VAR, "0.001")
        edited = Article(id="oslo", url="https://news.example/oslo", text=SHORT[1][1] + " " + LONG_PARAGRAPH * 40)
        report = store.ingest([edited], progress=False)
        assert [str(p) for p in report.problems] == [f"article oslo: over the time limit of 0.001 s ({ENV_VAR})"]
        assert (report.added, report.updated) == (0, 0)
        assert (store.counts(), store.cypher.query("MATCH (n) RETURN n.id ORDER BY n.id").rows) == before
        monkeypatch.setenv(ENV_VAR, "0")  # no limit: the edit goes in
        assert store.ingest([edited], progress=False).updated == 1


def test_a_bad_limit_is_one_line_before_the_store_is_made(tmp_path, monkeypatch):
    feed = _feed(tmp_path)
    for bad in ("soon", "-1", "nan", "inf"):
        monkeypatch.setenv(ENV_VAR, bad)
        with pytest.raises(UsageError, match=ENV_VAR):
            article_seconds()
        result = CliRunner().invoke(cli, ["ingest", str(feed), "--store", str(tmp_path / "store")])
        assert result.exit_code == ExitStatus.USAGE, result.output
        assert len(result.output.strip().splitlines()) == 1 and ENV_VAR in result.output
        assert not (tmp_path / "store").exists()


def test_the_default_is_30_seconds_and_0_is_no_limit(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert article_seconds() == 30.0
    monkeypatch.setenv(ENV_VAR, "0")
    assert article_seconds() is None
    monkeypatch.setenv(ENV_VAR, " 2.5 ")
    assert article_seconds() == 2.5


def _spin(seconds: float) -> str:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass
    return "done"


def test_within_cuts_the_work_and_leaves_no_alarm_behind():
    previous = signal.getsignal(signal.SIGALRM)
    started = time.monotonic()
    assert within(0.05, _spin, 5.0) == OverTime(0.05)
    assert time.monotonic() - started < 2
    assert within(2.0, _spin, 0.01) == "done"
    assert within(None, _spin, 0.01) == "done"
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) == previous


def test_an_except_exception_in_the_work_does_not_swallow_the_alarm():
    def stubborn() -> str:
        try:
            return _spin(5.0)
        except Exception:  # noqa: BLE001 - what an extraction rule might do
            return "swallowed"

    assert within(0.05, stubborn) == OverTime(0.05)
