"""A wall-clock bound for pure-Python work on curated text (Markdown of notes and topic intros).

Python-Markdown is quadratic on some inputs (16 KB of ``[`` took 120 s). ``time_limit`` raises
``TimeLimit`` in the main thread after ``seconds`` using ``SIGALRM``; the exception derives from
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
    """Raise ``TimeLimit`` inside the block once ``seconds`` have passed (main thread only)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
