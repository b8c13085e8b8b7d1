"""A CPU-time bound for pure-Python work on curated text (Markdown of notes and topic intros).

Python-Markdown is quadratic on some inputs (16 KB of ``[`` took 120 s). ``time_limit`` raises
``TimeLimit`` in the main thread after ``seconds`` of CPU time (``ITIMER_VIRTUAL``, so a loaded
machine does not cut a legitimate note short); the exception derives from
``BaseException`` so no ``except Exception`` inside a library swallows it. Off the main thread
(``survey serve`` rebuilds in a worker thread) or without ``setitimer`` it cannot interrupt, and
the size caps are the only bound: a CI or ``survey build`` always runs on the main thread.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class TimeLimit(BaseException):
    """The work took longer than its bound."""


def _raise(_signum: int, _frame: FrameType | None) -> None:
    raise TimeLimit


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``TimeLimit`` inside the block once it has used ``seconds`` of CPU time (main thread only)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    previous = signal.signal(signal.SIGVTALRM, _raise)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)
