"""--out is careful: never inside a store, no symlinks unless asked, no overwrite without --force,
parents only with --parents, and every failure one line."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from coalition_graph.cli import cli
from coalition_graph.graph.store import Store


@pytest.fixture(scope="module")
def store_dir(sample_store_path: Path, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("out") / "store"
    shutil.copytree(sample_store_path, path)
    (path / "store.lock").unlink(missing_ok=True)
    return path


def export(store_dir: Path, out: Path, *extra: str, fmt: str = "graphml"):
    return CliRunner().invoke(cli, ["export", "--format", fmt, "--out", str(out), "--store", str(store_dir), *extra])


def one_line(result, *words: str) -> None:
    assert result.exit_code not in (0, 1), result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in result.output, result.stderr
    assert all(w in lines[0] for w in words), lines[0]


def test_export_into_the_store_is_refused_and_the_store_survives(store_dir):
    before = (store_dir / "facts.sqlite").read_bytes()
    one_line(export(store_dir, store_dir / "facts.sqlite", "--force"), "inside the store")
    one_line(export(store_dir, store_dir / "rdf" / "x.graphml", "--force", "--parents"), "inside the store")
    assert (store_dir / "facts.sqlite").read_bytes() == before
    with Store.open(store_dir) as store:
        assert store.verify() == []


def test_no_overwrite_without_force(store_dir, tmp_path):
    out = tmp_path / "g.graphml"
    out.write_text("keep me")
    one_line(export(store_dir, out), "exists", "--force")
    assert out.read_text() == "keep me"
    assert export(store_dir, out, "--force").exit_code == 0
    assert out.read_text().startswith("<?xml")


def test_symlink_is_not_followed_unless_asked(store_dir, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    link = tmp_path / "link.graphml"
    link.symlink_to(victim)
    one_line(export(store_dir, link, "--force"), "symbolic link")
    assert victim.read_text() == "precious"
    assert export(store_dir, link, "--force", "--follow-symlinks").exit_code == 0
    assert victim.read_text().startswith("<?xml") and link.is_symlink()


def test_parents_only_with_the_flag(store_dir, tmp_path):
    out = tmp_path / "a" / "b" / "g.graphml"
    one_line(export(store_dir, out), "does not exist", "--parents")
    assert not (tmp_path / "a").exists()
    assert export(store_dir, out, "--parents").exit_code == 0 and out.exists()


def test_directory_file_and_csv_folder_mistakes_are_one_line(store_dir, tmp_path):
    one_line(export(store_dir, tmp_path), "is a folder")
    csv_dir = tmp_path / "csv"
    assert export(store_dir, csv_dir, fmt="csv").exit_code == 0
    one_line(export(store_dir, csv_dir, fmt="csv"), "exists", "--force")
    assert export(store_dir, csv_dir, "--force", fmt="csv").exit_code == 0
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    one_line(export(store_dir, a_file, "--force", fmt="csv"), "is a file")
    one_line(export(store_dir, a_file / "under-a-file.graphml", "--parents"), "not a folder")


def test_a_failed_export_leaves_no_temporary_file(store_dir, tmp_path):
    out = tmp_path / "g.graphml"
    assert export(store_dir, out).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.graphml"]


def test_plot_out_is_careful_too(store_dir, tmp_path):
    out = tmp_path / "p.png"
    out.write_text("keep")
    result = CliRunner().invoke(cli, ["plot", "pledges", "--out", str(out), "--store", str(store_dir)])
    one_line(result, "exists")
    assert out.read_text() == "keep"
    result = CliRunner().invoke(cli, ["plot", "pledges", "--out", str(out), "--force", "--store", str(store_dir)])
    assert result.exit_code == 0 and out.read_bytes().startswith(b"\x89PNG")
