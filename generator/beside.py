"""Work a second process does beside the main one: up to what size, and a forked child's result.

Generation is Python on one core; the machines it runs on have two or more. Three pieces of work go to
a second process while the main one goes on: the search index (``pagefind.py``, Pagefind's own
process), chart drawing (``pages/drawer.py``) and result extraction (``enrich/results.py``, a forked
child that reads the abstracts while topics are assigned). Each is the same work the main process
would do, so the output is the same bytes either way.

They run only for surveys of at most ``UP_TO`` papers: a second process's memory adds to the main
one's, and above that size peak memory, not time, is the limit a build must hold (issue 11: 2 GB at
30,000 papers).
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from collections.abc import Callable
from typing import Generic, TypeVar

UP_TO = 12_000

T = TypeVar("T")


def wanted(papers: int) -> bool:
    """Whether a survey of ``papers`` papers does work beside the main process."""
    return 0 < papers <= UP_TO


class Forked(Generic[T]):
    """``work()`` run in a forked child (copy-on-write: it sees everything this process has built).

    ``join`` returns its result, or None where the platform cannot fork or the child failed: the
    caller then does the work itself. The child never touches files, caches or the terminal; it
    only computes and hands its result back through a pipe.
    """

    def __init__(self, work: Callable[[], T]) -> None:
        self._pid = 0
        self._read = -1
        if not hasattr(os, "fork") or sys.platform == "darwin":  # macOS's system libraries are unsafe after fork
            return
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            return
        if pid == 0:  # the child
            os.close(read)
            try:
                data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:  # any failure: the parent does the work itself
                data = pickle.dumps(None)
            try:
                with os.fdopen(write, "wb") as pipe:
                    pipe.write(data)
            finally:
                os._exit(0)  # no cleanup of the parent's state (caches, temporary files, open databases)
        os.close(write)
        self._pid, self._read = pid, read

    def join(self) -> T | None:
        """The child's result (waiting for it), or None."""
        if not self._pid:
            return None
        with os.fdopen(self._read, "rb") as pipe:
            data = pipe.read()
        self._read = -1
        os.waitpid(self._pid, 0)
        self._pid = 0
        try:
            return pickle.loads(data) if data else None  # our own child's bytes, through our own pipe
        except (pickle.UnpicklingError, EOFError):
            return None

    def close(self) -> None:
        """Stop a child whose result is no longer wanted (the run failed before it was joined)."""
        if not self._pid:
            return
        os.kill(self._pid, signal.SIGKILL)
        os.close(self._read)
        os.waitpid(self._pid, 0)
        self._pid, self._read = 0, -1
