"""The kill-soak, short: 5 SIGKILLs at random moments of ingest, reindex and export (scripts/soak.py runs 100)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_five_kills_leave_whole_articles_agreeing_views_and_a_rerun_equal_to_a_clean_run():
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "soak.py"), "--kills", "5", "--copies", "1", "--seed", "7"],
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    assert "5 kills survived" in out.stdout and "re-run equals a clean run (12 articles)" in out.stdout, out.stdout
