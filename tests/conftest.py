"""Shared fixtures: a store ingested from the bundled sample, and fresh stores."""
from __future__ import annotations

from pathlib import Path

import pytest

import coalition_graph
from coalition_graph.graph.store import Store

SAMPLE = Path(coalition_graph.__file__).parent / "sample"
FIXTURES = Path(__file__).parent / "fixtures"

pytest_plugins = ["tests.backend_servers"]


@pytest.fixture(scope="session")
def sample_store_path(tmp_path_factory) -> Path:
    """A store holding the bundled sample; tests must not write to it (copy it or use new_store)."""
    path = tmp_path_factory.mktemp("sample") / "store"
    with Store.open(path, create=True) as store:
        report = store.ingest([SAMPLE], progress=False)
    assert report.added == 12 and not report.problems
    return path


@pytest.fixture(scope="session")
def sample_store(sample_store_path: Path):
    store = Store.open(sample_store_path)
    yield store
    store.close()


@pytest.fixture
def new_store(tmp_path: Path):
    store = Store.open(tmp_path / "store", create=True)
    yield store
    store.close()
