"""Fetchers: download paper metadata into new files under content/sources/ for a maintainer to review.

Never called during a build: only ``survey fetch`` runs them. Each writes the raw response bytes
as a new file (``io.create_source``: never overwrites, never follows a symlinked folder) and says
what it wrote. The HTTP transport and the clock are injectable, so tests replay recorded
responses and never open a socket.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class FetchError(Exception):
    """A fetch that cannot go on (bad arguments, the service refused or kept failing); one line for the user."""


@dataclass
class FetchResult:
    """What a fetch did: the files it wrote and lines a maintainer should read (skips, misses)."""

    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


__all__ = ["FetchError", "FetchResult"]
