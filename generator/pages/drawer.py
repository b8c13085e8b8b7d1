"""Charts drawn beside rendering: a child process runs vl-convert while this one renders other pages.

Drawing a chart is about 40 ms of vl-convert's JavaScript runtime, which holds the interpreter's lock,
so a thread cannot overlap it: a cold 10k survey spent 10 s of its generation drawing 250 charts one
at a time. ``Drawer`` is given every spec a run will ask for, in the order it will ask, before the
pages are rendered; a child process (``python -m generator.pages.drawer``) draws them in that order
while the paper pages render, and ``take`` hands each drawing over when its page asks.

The child draws with the same vl-convert and configuration, so a drawing is the same bytes either way;
if the child cannot start or fails on a spec, ``take`` returns None and the caller draws in process
(which raises as it always did).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any


class Drawer:
    """A child process drawing ``specs`` (Vega-Lite JSON texts) in order; ``take`` waits for one."""

    def __init__(self, specs: Iterable[str]) -> None:
        self._order: dict[str, int] = {}
        for spec in specs:
            self._order.setdefault(spec, len(self._order))
        self._done: dict[int, str | None] = {}
        self._ended = False
        self._ready = threading.Condition()
        env = dict(os.environ)
        here = str(Path(__file__).resolve().parents[2])  # the folder holding the generator package
        env["PYTHONPATH"] = os.pathsep.join(p for p in (here, env.get("PYTHONPATH", "")) if p)
        try:
            self._proc: subprocess.Popen[bytes] | None = subprocess.Popen(
                [sys.executable, "-m", "generator.pages.drawer"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, env=env)
        except OSError:
            self._proc = None
            self._ended = True
            return
        assert self._proc.stdin is not None and self._proc.stdout is not None
        # both pipes are worked by threads: the child must never block on a full pipe while pages render
        self._threads = [threading.Thread(target=self._send, args=(self._proc.stdin,), daemon=True),
                         threading.Thread(target=self._receive, args=(self._proc.stdout,), daemon=True)]
        for thread in self._threads:
            thread.start()

    def _send(self, pipe: IO[bytes]) -> None:
        try:
            for spec in self._order:
                pipe.write(json.dumps(spec).encode("utf-8") + b"\n")
            pipe.close()
        except OSError:  # the child ended early: ``_receive`` sees the end of its output
            pass

    def _receive(self, pipe: IO[bytes]) -> None:
        for n, line in enumerate(pipe):
            drawing = json.loads(line)
            with self._ready:
                self._done[n] = drawing if isinstance(drawing, str) else None
                self._ready.notify_all()
        with self._ready:
            self._ended = True
            self._ready.notify_all()

    def take(self, spec: str) -> str | None:
        """The drawing of ``spec``, waiting for the child if need be; None if it was not asked for or failed."""
        n = self._order.get(spec)
        if n is None:
            return None
        with self._ready:
            while n not in self._done and not self._ended:
                self._ready.wait()
            return self._done.pop(n, None)

    def close(self) -> None:
        """Stop the child (a run that failed midway may leave specs undrawn) and wait for it."""
        if self._proc is None:
            return
        if self._proc.poll() is None:
            self._proc.kill()
        self._proc.wait()
        for thread in self._threads:
            thread.join()


def _serve(requests: IO[bytes], replies: IO[bytes]) -> None:
    """The child: draw each spec read, one JSON line in, one JSON line out (null for a spec that failed)."""
    import vl_convert

    from .charts import drawing_config

    config: Any = drawing_config()
    for line in requests:
        try:
            drawing: str | None = str(vl_convert.vegalite_to_svg(json.loads(line), config=config))
        except Exception:  # the parent draws this one itself and reports what went wrong
            drawing = None
        replies.write(json.dumps(drawing).encode("utf-8") + b"\n")
        replies.flush()


if __name__ == "__main__":
    _serve(sys.stdin.buffer, sys.stdout.buffer)
