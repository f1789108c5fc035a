"""Which generation of the source of truth a view reflects, kept in a small file beside the view."""
from __future__ import annotations

from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any, Iterator

from coalition_graph.errors import StoreError


class GenerationMarker:
    def __init__(self, marker: Path, view_path: Path, view_name: str):
        self.marker = marker
        self.view_path = view_path
        self.view_name = view_name

    def read(self) -> int:
        """The generation the view holds; -1 when the view or its marker is missing."""
        if not self.marker.exists() or not self.view_path.exists():
            return -1
        return int(self.marker.read_text().strip() or -1)

    def write(self, generation: int) -> None:
        # Write then rename, so a crash leaves the old marker or the new one, never half of one.
        tmp = self.marker.with_suffix(".tmp")
        tmp.write_text(str(generation))
        tmp.replace(self.marker)

    def clear(self) -> None:
        self.marker.unlink(missing_ok=True)

    def check_next(self, generation: int) -> None:
        """An incremental update must start from the generation just before."""
        if self.read() != generation - 1:
            raise StoreError(f"{self.view_name} view is out of step; run `coalition reindex`")


class EmbeddedView:
    """How an embedded engine is opened: read-only for queries, read-write only while the store writes.

    A query holds the store's lock shared only while it runs, and reopens the engine when the source of
    truth moved on since it was opened (another process committed), so it always reads a committed state
    and never an engine's files half-way through a write. Subclasses set `_marker` and implement
    `_engine()` (open, honouring `read_only`) and `close()`.
    """

    _marker: GenerationMarker

    def __init__(self, lock: Any = None):
        self._lock = lock
        self.read_only = True
        self._opened_at: int | None = None

    def _engine(self) -> Any:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def _opened(self) -> None:
        self._opened_at = self._marker.read()

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._lock.reading() if self._lock is not None else nullcontext():
            if self.read_only and self._opened_at is not None and self._opened_at != self._marker.read():
                self.close()  # another process wrote since: see what it committed
            yield

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Read-write for the length of a write (the caller holds the store exclusively), closed after it so
        other processes' readers open what was written."""
        self.close()
        self.read_only = False
        try:
            yield
        finally:
            self.close()
            self.read_only = True
