"""Pieces every click command shares: the --store option and how a store is opened."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

import click

DEFAULT_STORE = "coalition-store"


def default_store_path() -> str:
    return os.environ.get("COALITION_STORE") or DEFAULT_STORE


def store_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add `--store PATH` (default: $COALITION_STORE, else ./coalition-store)."""
    return click.option(
        "--store",
        "store_path",
        type=click.Path(file_okay=False, path_type=Path),
        default=default_store_path,
        show_default="$COALITION_STORE or ./coalition-store",
        help="The store directory.",
    )(func)


def open_store(store_path: Path, *, create: bool = False):
    """Open the store at `store_path`; raises StoreNotFound (a CoalitionError) when it is missing."""
    from coalition_graph.graph.store import Store

    return Store.open(store_path, create=create)
