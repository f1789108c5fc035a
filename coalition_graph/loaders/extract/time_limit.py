"""A time limit on one article's extraction: an article that takes longer becomes one reported problem.

The size limits (readers.Limits) bound what one input may be; this bounds what it may cost, for the text
no size limit foresees (a parse that goes quadratic, a rule that backtracks). The limit is
$COALITION_MAX_ARTICLE_SECONDS (default 30 s; 0 turns it off), read in the ingesting process and handed to
the workers. It is enforced with SIGALRM in the process that extracts (a forked worker, or this one):
the alarm raises inside the extraction, which is pure (it writes nothing), so abandoning it midway loses
nothing. Signals reach only a main thread: extraction called from another thread runs unbounded.
"""
from __future__ import annotations

import math
import os
import signal
import threading
from dataclasses import dataclass
from typing import Callable, TypeVar

from coalition_graph.errors import UsageError

ENV_VAR = "COALITION_MAX_ARTICLE_SECONDS"
DEFAULT_SECONDS = 30.0
T = TypeVar("T")


@dataclass(frozen=True)
class OverTime:
    """In place of an article's facts: its extraction took longer than `seconds` (picklable, from a worker)."""

    seconds: float

    def message(self) -> str:
        return f"over the time limit of {self.seconds:g} s ({ENV_VAR})"


class _Alarm(BaseException):
    """Raised by the alarm inside the extraction; a BaseException, so no `except Exception` there swallows it."""


def article_seconds() -> float | None:
    """The limit in seconds, or None for none (COALITION_MAX_ARTICLE_SECONDS=0)."""
    raw = os.environ.get(ENV_VAR, "").strip()
    if not raw:
        return DEFAULT_SECONDS
    try:
        seconds = float(raw)
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or seconds < 0:
        raise UsageError(f"{ENV_VAR} must be a number of seconds (0 for no limit), not {raw!r}")
    return seconds or None


def within(seconds: float | None, work: Callable[..., T], *args: object) -> T | OverTime:
    """`work(*args)`, or OverTime when it has not returned after `seconds`."""
    if seconds is None or threading.current_thread() is not threading.main_thread():
        return work(*args)
    armed = [True]

    def on_alarm(_signum: int, _frame: object) -> None:
        # once only, and not after the work returned: an alarm that lands in the clean-up below is ignored
        if armed[0]:
            armed[0] = False
            raise _Alarm

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        result = work(*args)
        armed[0] = False
        return result
    except _Alarm:
        return OverTime(seconds)
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
