"""Source readers, one module per input format, registered by the folder their files live in.

A reader is a pure function ``read(text, context) -> ReaderOutput``: it turns one file's text into
records of claims (see ``generator/records.py``) and reports every record it cannot read with its
line, then goes on. ``io`` reads the bytes; ``pipeline`` picks the reader by the folder a file sits
in (``content/sources/<format>/``) and its suffix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..records import ReadContext, ReaderOutput
from . import awesome, bibtex, csv_table, hf_capture, paper_list

Reader = Callable[[str, ReadContext], ReaderOutput]


@dataclass(frozen=True)
class Format:
    """One input format: its folder name, the file suffixes it reads, its reader, and how pages name it."""

    name: str
    suffixes: tuple[str, ...]
    read: Reader
    label: str  # in words, for provenance on paper pages: "Hugging Face capture"


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("hf", (".txt",), hf_capture.read, "Hugging Face capture"),
        Format("bibtex", (".bib",), bibtex.read, "BibTeX file"),
        Format("csv", (".csv",), csv_table.read, "CSV table"),
        Format("papers", (".yml", ".yaml", ".json"), paper_list.read, "paper list"),
        Format("awesome", (".md",), awesome.read, "awesome list"),
    )
}

__all__ = ["FORMATS", "Format", "ReadContext", "Reader", "ReaderOutput"]
