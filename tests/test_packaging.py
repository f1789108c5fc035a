"""What a reviewer signs off (issue 9, item 10): the LICENSE, extras that say how to install them, the README's
exit-code table, .gitignore for the stores the README makes, and a file lock that keeps a second writer out."""
from __future__ import annotations

import re
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from coalition_graph.cli import cli
from coalition_graph.errors import ExitStatus, MissingDependency, StoreError
from coalition_graph.graph.lock import StoreLock

ROOT = Path(__file__).resolve().parent.parent


def test_the_license_exists_and_pyproject_names_it():
    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in license_text and "Permission is hereby granted" in license_text
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]


def _hide(monkeypatch, *modules: str) -> None:
    """Make `import module` fail in this process, as if the extra were not installed."""
    for name in list(sys.modules):
        if any(name == m or name.startswith(m + ".") for m in modules):
            monkeypatch.delitem(sys.modules, name)
    for name in modules:
        monkeypatch.setitem(sys.modules, name, None)  # None in sys.modules: import raises ImportError


def test_a_missing_plots_extra_says_which_extra_to_install(monkeypatch, tmp_path: Path, sample_store_path: Path):
    _hide(monkeypatch, "matplotlib")
    result = CliRunner().invoke(cli, ["plot", "pledges", "--out", str(tmp_path / "p.png"),
                                      "--store", str(sample_store_path)])
    assert result.exit_code == ExitStatus.MISSING_DEPENDENCY == 8, result.output
    assert "pip install 'coalition-graph[plots]'" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("module, extra, call", [
    ("pandas", "frames", lambda: __import__("coalition_graph.frames", fromlist=["x"]).to_dataframe([{"a": 1}])),
    ("neo4j", "neo4j", lambda: __import__("coalition_graph.graph.backends.neo4j", fromlist=["x"])._neo4j()),
])
def test_a_missing_extra_in_the_api_names_it(monkeypatch, module: str, extra: str, call):
    _hide(monkeypatch, module)
    with pytest.raises(MissingDependency) as error:
        call()
    assert f"pip install 'coalition-graph[{extra}]'" in str(error.value)
    assert error.value.exit_status == ExitStatus.MISSING_DEPENDENCY


def test_the_readme_exit_code_table_is_the_exit_status_enum():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| (\d+) \| (.+?) \|$", readme, flags=re.MULTILINE))
    assert {int(code) for code in table} == {int(status) for status in ExitStatus}
    assert "optional dependency" in table[str(int(ExitStatus.MISSING_DEPENDENCY))]
    assert "no store" in table[str(int(ExitStatus.NO_STORE))]
    assert "unknown id" in table[str(int(ExitStatus.NOT_FOUND))]
    assert "interrupted" in table[str(int(ExitStatus.INTERRUPTED))]


def test_gitignore_ignores_the_stores_the_readme_uses(tmp_path: Path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    stores = set(re.findall(r"--store ([a-z][\w.-]*)", readme)) | {"coalition-store"}  # the default store
    assert "my-store" in stores
    paths = [f"{store}/facts.sqlite" for store in sorted(stores)] + ["neo4j-import/import.sh", "graph.html"]
    checked = subprocess.run(["git", "-C", str(ROOT), "check-ignore", "--no-index", *paths],
                             capture_output=True, text=True)
    assert sorted(checked.stdout.split()) == sorted(paths), checked.stderr


def test_the_file_lock_keeps_a_second_writer_out(tmp_path: Path):
    lock_file = tmp_path / "store.lock"
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from coalition_graph.graph.lock import StoreLock
        lock = StoreLock(Path({str(lock_file)!r}))
        with lock.exclusive():
            print("held", flush=True)
            sys.stdin.readline()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        second = StoreLock(lock_file, timeout=0.3)
        with pytest.raises(StoreError, match="busy"):
            with second.exclusive():
                pass
        with pytest.raises(StoreError, match="busy"):  # nor may a reader read half a batch
            second.shared()
        second.release()
    finally:
        holder.communicate("done\n", timeout=30)
    after = StoreLock(lock_file, timeout=5)
    with after.exclusive():  # once the first writer is done, the second gets the store
        pass
    after.release()
