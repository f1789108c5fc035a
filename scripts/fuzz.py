#!/usr/bin/env python3
"""The fuzz suite at full size: the properties of tests/test_fuzz.py over many more inputs.

    .venv/bin/python scripts/fuzz.py [--examples 100000] [--ingest 30]

Prints how many inputs each property saw and fails (exit 1) on the first counterexample, which
hypothesis shrinks and prints.
"""
from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests import fuzz_properties as fp  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=100_000, help="reader inputs in all (default 100000)")
    parser.add_argument("--ingest", type=int, default=30, help="ingest → query runs (each a fresh store)")
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)  # trafilatura logs every page it cannot parse
    counts = {"any bytes, any format": 0, "jsonl files": 0, "ingest runs": 0}
    big = dict(deadline=None, database=None, suppress_health_check=list(HealthCheck))

    @settings(max_examples=args.examples * 6 // 10, **big)
    @given(data=fp.any_bytes, suffix=st.sampled_from(fp.SUFFIXES))
    def readers(data, suffix):
        fp.check_read(data, suffix)
        counts["any bytes, any format"] += 1

    @settings(max_examples=args.examples - args.examples * 6 // 10, **big)
    @given(fp.jsonl_files())
    def jsonl(file):
        fp.check_jsonl_accounts_for_every_line(*file)
        counts["jsonl files"] += 1

    from tests.test_fuzz import test_ingest_of_hostile_inputs_accounts_for_each_and_keeps_the_store_consistent as ingest

    ingest_run = settings(max_examples=args.ingest, **big)(ingest.hypothesis.inner_test)
    ingest_run = given(st.lists(fp.records, min_size=1, max_size=5), st.lists(fp.any_bytes, max_size=2))(ingest_run)

    started = time.monotonic()
    for name, prop in (("readers", readers), ("jsonl", jsonl), ("ingest", ingest_run)):
        t = time.monotonic()
        prop()
        if name == "ingest":
            counts["ingest runs"] = args.ingest
        print(f"{name}: ok in {time.monotonic() - t:.0f} s", flush=True)
    total = counts["any bytes, any format"] + counts["jsonl files"]
    print(f"{total:,} reader inputs ({counts['any bytes, any format']:,} any bytes in any format, "
          f"{counts['jsonl files']:,} JSONL files), {counts['ingest runs']} ingest → query runs: "
          f"0 escaped exceptions, 0 lines lost, in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
