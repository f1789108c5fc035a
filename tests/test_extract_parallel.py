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
