"""Quality never silently drops: score the dev corpus with the real CLI and compare to the baseline.

Runs where ../shared/eval exists (beside the repository, as in CI):
    python ../shared/eval/score.py --cli "<python> -m coalition_graph" --json <tmp>
and fails if any kind's F1 is more than 0.02 below tests/extraction_baseline.json.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
BASELINE = Path(__file__).resolve().parent / "extraction_baseline.json"
TOLERANCE = 0.02

# CI always has ../shared/eval: there a missing scorer is a failure, not a skip.
pytestmark = pytest.mark.skipif(not (EVAL / "score.py").exists() and not os.environ.get("CI"),
                                reason="no ../shared/eval beside the repository")


def test_dev_corpus_f1_does_not_drop(tmp_path):
    out = tmp_path / "score.json"
    proc = subprocess.run(
        [sys.executable, str(EVAL / "score.py"), "--cli", f"{sys.executable} -m coalition_graph", "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-3000:]
    totals = json.loads(out.read_text())["totals"]
    baseline = json.loads(BASELINE.read_text())
    drops = {k: (totals[k]["f1"], v) for k, v in baseline.items()
             if not k.startswith("_") and totals[k]["f1"] < v - TOLERANCE}
    assert not drops, f"F1 below baseline (measured, baseline): {drops}\n{proc.stdout}"
