"""Extraction on every core gives the same facts, byte for byte, as one process."""
import json

import pytest

from coalition_graph.errors import UsageError
from coalition_graph.loaders.extract import extract_facts
from coalition_graph.loaders.extract import parallel
from coalition_graph.schema.models import Article
from tests.conftest import SAMPLE


def sample_articles() -> list[Article]:
    out = []
    for path in sorted(SAMPLE.glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        out.append(Article(id=d["id"], url=d["url"], title=d["title"], published=d["published"], text=d["text"]))
    return out


def test_a_worker_pool_gives_the_facts_one_process_gives(monkeypatch):
    articles = sample_articles()
    monkeypatch.setenv(parallel.ENV_VAR, "2")
    pooled = parallel.extract_many(articles)
    parallel.shutdown()
    alone = [extract_facts(a) for a in articles]
    assert [f.model_dump_json() for f in pooled] == [f.model_dump_json() for f in alone]


def test_a_bad_worker_count_is_a_usage_error(monkeypatch):
    monkeypatch.setenv(parallel.ENV_VAR, "many")
    with pytest.raises(UsageError):
        parallel.workers()
    monkeypatch.setenv(parallel.ENV_VAR, "0")
    with pytest.raises(UsageError):
        parallel.workers()


def test_the_store_is_free_again_when_an_ingest_with_workers_ends(tmp_path, monkeypatch):
    from coalition_graph.graph.store import Store

    monkeypatch.setenv(parallel.ENV_VAR, "2")
    with Store.open(tmp_path / "s", create=True) as store:
        report = store.ingest(sample_articles(), progress=False)
    assert report.added == 12
    with Store.open(tmp_path / "s") as store:  # the workers held the store's lock until they ended
        assert store.counts()["articles"] == 12


def test_a_dead_worker_costs_its_batch_nothing(monkeypatch):
    import os
    import signal

    monkeypatch.setenv(parallel.ENV_VAR, "2")
    articles = sample_articles()
    pool = parallel.prepare()
    parallel.extract_many(articles[:4])  # the workers are up
    for pid in list(pool._processes):
        os.kill(pid, signal.SIGKILL)
    facts = parallel.extract_many(articles)
    assert [f.article.id for f in facts] == [a.id for a in articles]
    parallel.shutdown()


def test_cli_names_a_bad_worker_count_in_one_line(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from coalition_graph.cli import cli

    monkeypatch.setenv(parallel.ENV_VAR, "abc")
    res = CliRunner().invoke(cli, ["ingest", str(SAMPLE), "--store", str(tmp_path / "s")])
    assert res.exit_code == 2 and len(res.output.strip().splitlines()) == 1 and parallel.ENV_VAR in res.output
    assert not (tmp_path / "s").exists()
