"""What a reader yields: records made of claims, each claim a field value with the line that states it.

A reader never decides what a paper *is*; it says what one source states about it. ``normalize``
groups records into papers by their identity keys (arXiv id, DOI, title) and picks each field by
the declared precedence, keeping the losing claims as provenance.

The fields are declared once, here (``FIELDS``): their Python type and what they mean. A reader
may also state fields that are not declared (``pages``, ``publisher``, BibTeX's ``optvolume``):
they are kept as text in the paper's ``extra`` fields and in the export, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .diagnostics import Diagnostic, Severity
from .model import Link

# field name -> (type, what it holds). ``date`` is an ISO date, possibly partial: YYYY, YYYY-MM or
# YYYY-MM-DD. ``arxiv`` is the bare id without version (``2307.08691``, ``hep-th/9901001``).
FIELDS: dict[str, tuple[type, str]] = {
    "title": (str, "the paper's title, as the source writes it (LaTeX is cleaned later)"),
    "abstract": (str, "the abstract or summary"),
    "authors": (tuple, "author names, in order, as 'Given Family' (tuple[str, ...])"),
    "authors_count": (int, "number of authors, when a source states only the count"),
    "org": (str, "the organisation a listing shows instead of authors"),
    "date": (str, "first public date: YYYY-MM-DD, YYYY-MM or YYYY"),
    "updated": (str, "date of the latest version (YYYY-MM-DD)"),
    "venue": (str, "where it was published, as the source writes it ('NeurIPS 2023', 'ICML'23')"),
    "arxiv": (str, "arXiv id without version"),
    "doi": (str, "DOI, lower-cased, without the https://doi.org/ prefix"),
    "links": (tuple, "links the source gives: code, project page, PDF (tuple[Link, ...])"),
    "upvotes": (int, "Hugging Face upvotes"),
    "stars": (int, "GitHub stars the source reports"),
    "keywords": (tuple, "keywords or tags (tuple[str, ...])"),
    "categories": (tuple, "arXiv categories, primary first (tuple[str, ...])"),
    "citekey": (str, "the citation key a BibTeX source uses"),
    "entry_type": (str, "BibTeX entry type: article, inproceedings, misc ..."),
    "journal_ref": (str, "arXiv journal reference"),
    "comment": (str, "arXiv comment ('Accepted at ICML 2024, 12 pages')"),
    "summary": (str, "a one-line summary a source gives (HF's ai_summary)"),
    "retrieved": (str, "when the source itself says it was produced (an arXiv response's <updated>), YYYY-MM-DD"),
}

_SURROGATE = re.compile("[\ud800-\udfff]")

ClaimValue = str | int | tuple[str, ...] | tuple[Link, ...]


@dataclass(frozen=True)
class Claim:
    """One field's value as one source states it, with the 1-based line it stands on."""

    value: ClaimValue
    line: int


@dataclass(frozen=True)
class Record:
    """One paper as one source file states it: where it starts and what it claims.

    ``claims`` maps a field name to its claim. Readers fill only what the source states; an
    empty string or empty tuple is never a claim.
    """

    line: int
    claims: Mapping[str, Claim] = field(default_factory=dict)

    def value(self, name: str) -> Any:
        claim = self.claims.get(name)
        return None if claim is None else claim.value


@dataclass(frozen=True)
class ReadContext:
    """What a reader may know beyond the text.

    ``path`` is the file as the user sees it (for diagnostics); ``captured`` the date the source was
    captured (YYYY-MM-DD, for year-less dates); ``options`` the source's entry in sources.yml
    (for example a CSV's ``columns`` mapping).
    """

    path: str
    captured: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class ReaderOutput:
    """What a reader collects while it reads: records, diagnostics and how many records it skipped.

    Use ``add`` for every paper found and ``skip`` for every record that cannot become one (it
    reports the reason with the file and line, and counts it for ``survey check``'s summary).
    """

    path: str
    records: list[Record] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    skipped: int = 0

    def add(self, line: int, claims: Mapping[str, tuple[Any, int]] | Iterable[tuple[str, Any, int]]) -> Record:
        """Record a paper from ``{field: (value, line)}`` or ``[(field, value, line)]``; empty values are dropped."""
        items = [(k, v, ln) for k, (v, ln) in claims.items()] if isinstance(claims, Mapping) else list(claims)
        kept: dict[str, Claim] = {}
        for name, value, at in items:
            if value is None or value == "" or value == ():
                continue
            if isinstance(value, list):
                value = tuple(value)
            if (isinstance(value, str) and _SURROGATE.search(value)) or (isinstance(value, tuple) and any(
                    isinstance(v, str) and _SURROGATE.search(v) for v in value)):
                # "\ud800" escapes decode to text no file can hold; one owner cleans them for every reader
                self.report(at, "lone-surrogate", f"{name}: a lone UTF-16 surrogate (an escape like \\ud800 without "
                                                  "its pair) is replaced by U+FFFD")
                value = _SURROGATE.sub("\ufffd", value) if isinstance(value, str) else tuple(
                    _SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for v in value)
            if isinstance(value, str):
                value = value.strip()
                if not value:
                    continue
            kept[name] = Claim(value, at)
        record = Record(line, kept)
        self.records.append(record)
        return record

    def skip(self, line: int, code: str, message: str, severity: Severity = "warning") -> None:
        """A record that cannot become a paper: say why, with its line, and count it."""
        self.skipped += 1
        self.diagnostics.append(Diagnostic(self.path, line, severity, code, message))

    def report(self, line: int, code: str, message: str, severity: Severity = "warning") -> None:
        """A problem that does not lose a record (a bad date left empty, a duplicate key renamed)."""
        self.diagnostics.append(Diagnostic(self.path, line, severity, code, message))
