"""Every `coalition …` example of README.md that needs no server runs as written (through CliRunner)."""
from __future__ import annotations

import json
import os
import re
import shlex
from pathlib import Path

from click.testing import CliRunner

from coalition_graph.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SERVER_OPTIONS = ("--neo4j", "--gsp", "--sparql-endpoint")


def readme_commands() -> list[list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.DOTALL):
        for line in block.splitlines():
            if line.startswith("coalition ") and not any(o in line for o in SERVER_OPTIONS):
                words = shlex.split(line.replace("\\$", "$"), comments=True)
                commands.append(words[1:])
    return commands


def test_readme_examples_run_as_written(tmp_path: Path, monkeypatch):
    commands = readme_commands()
    assert len(commands) >= 20 and all("--store" in c for c in commands), commands
    monkeypatch.chdir(tmp_path)
    os.symlink(ROOT / "coalition_graph", tmp_path / "coalition_graph")  # the sample path as the README writes it
    runner = CliRunner(env={"COLUMNS": "80"})
    for args in commands:
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, f"coalition {' '.join(args)}: {result.output}"
        assert "Traceback" not in result.output
    assert (tmp_path / "pledges.pdf").read_bytes().startswith(b"%PDF")


def test_readme_table_is_laid_out_as_coalition_meetings_prints_it_at_80_columns(sample_store_path: Path):
    """The README shows the command's real layout; its rows may lag an extraction change by a commit, so the
    check is on the layout (header, footer, width, one dated row per meeting) and on the dates being the
    store's, not on every cell (re-make it with .venv/bin/python docs/img/make_images.py)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"`coalition meetings --limit 8 --store my-store` in an 80-column terminal.*?```text\n(.*?)```",
                      text, flags=re.DOTALL)
    assert shown, "README.md lost its 80-column table example"
    runner = CliRunner(env={"COLUMNS": "80"})
    result = runner.invoke(cli, ["meetings", "--limit", "8", "--store", str(sample_store_path)])
    assert result.exit_code == 0, result.output
    readme_lines, printed_lines = shown.group(1).splitlines(), result.stdout.splitlines()
    assert readme_lines[:2] == printed_lines[:2] and readme_lines[-1] == printed_lines[-1] == "(8 rows)"
    assert max(len(line) for line in readme_lines + printed_lines) <= 80
    dated = re.compile(r"^(\d{4}-\d{2}(?:-\d{2})?)  ")
    readme_dates = [m.group(1) for line in readme_lines if (m := dated.match(line))]
    every = runner.invoke(cli, ["meetings", "--format", "json", "--store", str(sample_store_path)])
    # a month-precision meeting has no start day; its id carries the month the table prints
    starts = [str(row.get("start") or row["id"].split("/")[1]) for row in json.loads(every.stdout)]
    assert len(readme_dates) == 8 and all(any(s.startswith(d) for s in starts) for d in readme_dates), readme_dates
