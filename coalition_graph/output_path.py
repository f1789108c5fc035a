"""Writing a file the user named with --out: carefully.

Never inside a store, never through a symbolic link unless asked, never over an existing file without
`force`, parent folders only with `parents`; written to a temporary file beside the target and renamed
into place, so a crash or a kill leaves the old file or the new one, never half of one.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import click

from coalition_graph.errors import UsageError
from coalition_graph.util import printable  # not from readers: that would load the pydantic models at start-up

STORE_MARKER = "facts.sqlite"


class OutputError(UsageError):
    """An --out path that cannot or must not be written."""


def output_options(func):
    """--force, --parents and --follow-symlinks for a command that writes --out."""
    for option in (
        click.option("--follow-symlinks", is_flag=True, help="Write through --out when it is a symbolic link."),
        click.option("--parents", is_flag=True, help="Create the folders of --out that do not exist."),
        click.option("--force", is_flag=True, help="Overwrite --out when it exists."),
    ):
        func = option(func)
    return func


def _inside_a_store(path: Path) -> Path | None:
    for folder in [path, *path.parents]:
        if (folder / STORE_MARKER).exists():
            return folder
    return None


def check_output(out: Path, *, force: bool, parents: bool, follow_symlinks: bool, directory: bool = False) -> Path:
    """The path to write, resolved; OutputError (one line) when it must not be written."""
    name = printable(str(out))
    if out.is_symlink() and not follow_symlinks:
        raise OutputError(f"--out {name} is a symbolic link: pass --follow-symlinks to write where it points")
    target = out.resolve()
    store = _inside_a_store(target if target.is_dir() else target.parent)
    if store is not None:
        raise OutputError(f"--out {name} is inside the store {printable(str(store))}: write exports elsewhere")
    if target.exists():
        if directory and not target.is_dir():
            raise OutputError(f"--out {name} is a file: csv is written to a folder")
        if not directory and target.is_dir():
            raise OutputError(f"--out {name} is a folder: give a file name")
        if not force and (not directory or any(target.iterdir())):
            raise OutputError(f"--out {name} exists: pass --force to overwrite it")
    if not target.parent.is_dir():
        if target.parent.exists():
            raise OutputError(f"--out {name}: {printable(str(target.parent))} is not a folder")
        if not parents:
            raise OutputError(f"--out {name}: the folder {printable(str(target.parent))} does not exist "
                              "(pass --parents to create it)")
    return target


@contextmanager
def careful_output(out: Path, *, force: bool = False, parents: bool = False, follow_symlinks: bool = False,
                   directory: bool = False) -> Iterator[Path]:
    """A temporary path (file or folder) beside `out` to write; renamed onto `out` when the block succeeds."""
    target = check_output(out, force=force, parents=parents, follow_symlinks=follow_symlinks, directory=directory)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if directory:
            tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
        else:
            fd, raw = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}.", suffix=target.suffix)
            os.close(fd)
            tmp = Path(raw)
    except OSError as exc:
        raise OutputError(f"cannot write --out {printable(str(out))}: {exc.strerror}") from None
    try:
        yield tmp
        if directory and target.exists():
            old = target.with_name(f".{target.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            target.rename(old)
            tmp.rename(target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            tmp.replace(target)
    except OSError as exc:
        raise OutputError(f"cannot write --out {printable(str(out))}: {exc.strerror}") from None
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True) if tmp.is_dir() else tmp.unlink(missing_ok=True)
