"""Source readers, one per input format, registered by name.

A reader is a pure function ``(text, path, collection, context) -> (entries, diagnostics)``;
``io`` reads the bytes, ``pipeline`` picks the reader by the folder a file sits in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..diagnostics import Diagnostic
from ..model import Entry
from . import hf_capture


@dataclass(frozen=True)
class ReadContext:
    """What a reader may know beyond the text: the capture date, for year-less dates."""

    captured: str | None = None  # YYYY-MM-DD


Reader = Callable[[str, str, str, ReadContext], tuple[list[Entry], list[Diagnostic]]]

# folder under content/sources/ -> (file suffixes, reader)
READERS: dict[str, tuple[tuple[str, ...], Reader]] = {
    "hf": ((".txt",), hf_capture.read),
}
