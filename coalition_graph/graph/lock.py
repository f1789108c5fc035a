"""One writer or many readers per store, across processes (an advisory lock on a file in the store).

A writer holds the lock exclusively only while it commits a batch and brings the views in step (a
second or two); each query holds it shared only while it runs. So readers never wait for each other,
an open notebook never blocks an ingest, and a query during an ingest reads the last committed batch
or waits for the one being committed. Whoever waits longer than `timeout` seconds gives up with a
one-line message.

POSIX systems use flock. Windows has no shared file locks in its C runtime, so there a reader takes
the lock exclusively too (msvcrt.locking on the first byte): still safe, only less concurrent.
"""
from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from coalition_graph.errors import StoreError

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    class fcntl:  # noqa: N801 - the same names as the POSIX module, so the class below reads the same
        LOCK_SH, LOCK_EX, LOCK_NB, LOCK_UN = 1, 2, 4, 8

        @staticmethod
        def flock(fd: int, mode: int) -> None:
            os.lseek(fd, 0, os.SEEK_SET)
            try:
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # re-locking a held byte would deadlock: drop it first
            except OSError:
                pass
            if mode & 8:  # LOCK_UN: dropped above
                return
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            except OSError:
                raise BlockingIOError from None
else:
    import fcntl

WAIT_SECONDS = float(os.environ.get("COALITION_LOCK_TIMEOUT", "60"))


class StoreLock:
    def __init__(self, path: Path, timeout: float = WAIT_SECONDS):
        self.path = path
        self.timeout = timeout
        self._fd: int | None = None
        self._mode: int | None = None

    def _take(self, mode: int, what: str) -> None:
        if self._mode == mode:
            return
        if self._fd is None:
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(self._fd, mode | fcntl.LOCK_NB)
                self._mode = mode
                return
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise StoreError(f"{self.path.parent} is busy: another process is {what}; try again when it is done") from None
                time.sleep(0.05)

    def shared(self) -> None:
        """For reading: many readers at once, no writer. A no-op while this process holds any lock."""
        if self._mode is None:
            self._take(fcntl.LOCK_SH, "writing to it")

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Shared for the length of one read (a query), then released: writers get their turn between reads."""
        before = self._mode
        self.shared()
        try:
            yield
        finally:
            if before is None:
                self._drop()

    def _drop(self) -> None:
        if self._fd is not None and self._mode is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        self._mode = None

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """For writing: nobody else reads or writes meanwhile; afterwards back to what was held before."""
        before = self._mode
        self._take(fcntl.LOCK_EX, "using it")
        try:
            yield
        finally:
            if before is None:
                self._drop()
            elif before != fcntl.LOCK_EX:
                self._take(before, "writing to it")

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops the lock
        self._fd = self._mode = None
