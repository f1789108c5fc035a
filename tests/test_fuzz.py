"""Property-based fuzzing (hypothesis), a short profile: readers and ingest → query.

scripts/fuzz.py runs the same properties over 10^5 inputs.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coalition_graph.graph.store import Store
from coalition_graph.queries import run_named
from tests.fuzz_properties import (SUFFIXES, any_bytes, check_jsonl_accounts_for_every_line, check_read,
                                   jsonl_files, records, write_inputs, _json_line)

QUICK = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@QUICK
@given(data=any_bytes, suffix=st.sampled_from(SUFFIXES))
def test_reading_any_bytes_in_any_format_gives_articles_or_problems(data, suffix):
    check_read(data, suffix)


@QUICK
@given(jsonl_files())
def test_every_jsonl_line_is_one_article_or_one_problem(file):
    check_jsonl_accounts_for_every_line(*file)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(records, min_size=1, max_size=5), st.lists(any_bytes, max_size=2))
def test_ingest_of_hostile_inputs_accounts_for_each_and_keeps_the_store_consistent(good, junk):
    tmp = Path(tempfile.mkdtemp(prefix="coalition-fuzz-"))
    try:
        files = [("\n".join(_json_line(r) for r in good).encode("utf-8", "surrogatepass"), ".jsonl")]
        files += [(data, ".txt") for data in junk]
        paths = write_inputs(tmp / "in", files)
        with Store.open(tmp / "store", create=True) as store:
            report = store.ingest(paths, progress=False)
            lines = sum(1 for line in files[0][0].splitlines() if line.strip())
            assert report.read + len(report.problems) >= lines + len(junk)
            assert store.counts()["articles"] == len({a.id for a in store.articles()})
            assert store.verify() == []
            for name in ("meetings", "pledges"):
                assert run_named(store.cypher, name) == run_named(store.sparql, name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
