"""Small helpers several modules share."""
from __future__ import annotations

from typing import Any, Iterable, Iterator, TypeVar

T = TypeVar("T")


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most `size` items (for batched writes)."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def one_line(text: Any) -> str:
    """An engine's or server's message as one line, for an error the user reads."""
    return " ".join(str(text).split())


def printable(text: str) -> str:
    """A path or value fit for a one-line message: control characters (a newline in a file name) escaped."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape", "backslashreplace").decode("ascii") for ch in text)
