"""Progress of long runs: a live line on a terminal, nothing in logs.

``survey generate`` and ``survey build`` on ten thousand papers take minutes. A person at a
terminal sees which stage runs and how long each took (rich's status line, then one line per
finished stage). In CI, in a pipe or a file, or with ``--quiet``, nothing is printed, so logs
stay what they were. Progress is output only: no stage depends on it.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO


class Progress:
    """Stages as they start and end. This one says nothing (CI, pipes, ``--quiet``, tests)."""

    @contextmanager
    def stage(self, label: str) -> Iterator[None]:
        yield


class Live(Progress):
    """A spinner with the running stage, then "✓ <stage>  <seconds>" when it ends."""

    def __init__(self, stream: TextIO | None = None) -> None:
        from rich.console import Console

        self._console = Console(file=stream or sys.stderr, highlight=False)

    @contextmanager
    def stage(self, label: str) -> Iterator[None]:
        start = time.perf_counter()
        with self._console.status(f"{label} …"):
            yield
        self._console.print(f"[green]✓[/green] {label} [dim]{time.perf_counter() - start:.1f} s[/dim]")


SILENT = Progress()


def for_terminal(quiet: bool = False, stream: TextIO | None = None) -> Progress:
    """Live progress when ``stream`` (stderr) is a terminal and this is not CI nor ``--quiet``."""
    stream = stream or sys.stderr
    if quiet or os.environ.get("CI") or not stream.isatty():
        return SILENT
    return Live(stream)
