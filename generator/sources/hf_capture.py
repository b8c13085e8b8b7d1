"""Reader for text captures of Hugging Face papers listing and search pages.

A capture is what a person gets by selecting a results page in a browser and pasting it: page
chrome, then for each paper a title line, an abstract line and, on some pages, a metadata block
(``• 7 authors`` or an organisation line, a line holding only ``·``, a date with an optional
upvote count). Blank lines may or may not separate them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..content import split_lines
from ..records import ReadContext, ReaderOutput

_CHROME = {
    "new",
    "subscribe",
    "daily papers",
    "byak and the research community",
    "get trending papers in your email inbox!",
    "get trending papers in your email inbox once a day!",
    "trending papers",
}
_MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_MONTH = r"(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# "Jul 12, 2019", "Jun 3", "Dec 6, 2024 2", "Sep 29 2"
_DATE_RE = re.compile(rf"^{_MONTH}\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>(?:19|20)\d\d))?(?:\s+(?P<up>\d+))?$")
_HEADER_DATE_RE = re.compile(rf"^{_MONTH}\s+\d{{1,2}}(?:,\s*(?:19|20)\d\d)?$")
_AUTHORS_RE = re.compile(r"^[•*·-]\s*(\d+)\s+authors?$")
_SEPARATOR = {"·", "•", "-"}
# A title is one line of modest length; an abstract is long or made of sentences.
_TITLE_MAX = 300


@dataclass(frozen=True)
class _Line:
    number: int
    text: str


def _is_abstract_like(text: str) -> bool:
    # several sentences ending in a full stop; titles are one phrase without a final period
    return len(text) > _TITLE_MAX or (bool(re.search(r"[.!?]\s+[A-Z(]", text)) and text.endswith((".", "!", "?", ".)")))


def _strip_chrome(lines: list[_Line]) -> list[_Line]:
    """Drop the page chrome before the first entry; un-glue a title stuck to "Subscribe"."""
    start = 0
    out: list[_Line] = []
    for i, line in enumerate(lines):
        low = line.text.lower()
        if low in _CHROME or _HEADER_DATE_RE.match(line.text):
            start = i + 1
            continue
        if line.text.startswith("Subscribe") and len(line.text) > len("Subscribe"):
            out.append(_Line(line.number, line.text[len("Subscribe") :].strip()))
            start = i + 1
        break
    return out + lines[start:]


def parse_date(text: str, captured: str | None) -> tuple[str | None, int | None, bool]:
    """``(YYYY-MM-DD or None, upvotes or None, year_missing)`` for a capture date line."""
    m = _DATE_RE.match(text)
    if not m:
        return None, None, False
    month, day = _MONTHS[m["mon"][:3].lower()], int(m["day"])
    upvotes = int(m["up"]) if m["up"] else None
    if m["year"]:
        year = int(m["year"])
    elif captured:
        year = int(captured[:4])
    else:
        return None, upvotes, True
    try:
        return date(year, month, day).isoformat(), upvotes, False
    except ValueError:
        return None, upvotes, False


def header_date(text: str) -> str | None:
    """The capture date the page shows in its chrome ("Mar 11"), as text, if any."""
    for raw in split_lines(text)[:15]:
        if _HEADER_DATE_RE.match(raw.strip()):
            return raw.strip()
    return None


def read(text: str, context: ReadContext) -> ReaderOutput:
    """Parse one capture into records; problems become diagnostics, never exceptions."""
    captured = context.captured
    out = ReaderOutput(context.path)
    raw_lines = split_lines(text)  # not str.splitlines: a form feed or U+2028 inside an abstract is no line break
    lines = [_Line(n, t.strip()) for n, t in enumerate(raw_lines, 1) if t.strip()]
    lines = _strip_chrome(lines)
    i = 0
    while i < len(lines):
        title = lines[i]
        i += 1
        if _DATE_RE.match(title.text) or _AUTHORS_RE.match(title.text) or title.text in _SEPARATOR:
            out.skip(title.number, "stray-metadata", f"metadata line {title.text!r} without a paper before it; skipped")
            continue
        if _is_abstract_like(title.text):
            out.skip(title.number, "orphan-abstract", "a paragraph where a title was expected; skipped")
            continue
        claims: dict[str, tuple[object, int]] = {"title": (title.text, title.number)}
        if i < len(lines) and _is_abstract_like(lines[i].text):
            claims["abstract"] = (lines[i].text, lines[i].number)
            i += 1
        else:
            out.report(title.number, "no-abstract", f"paper {title.text[:60]!r} has no abstract in this capture",
                       severity="info")
        # Metadata block: [authors | organisation] "·" date — recognised by its separator line.
        if (i + 1 < len(lines) and lines[i + 1].text in _SEPARATOR) or (
            i < len(lines) and _AUTHORS_RE.match(lines[i].text)
        ):
            who = lines[i]
            m = _AUTHORS_RE.match(who.text)
            if m:
                claims["authors_count"] = (int(m.group(1)), who.number)
            else:
                claims["org"] = (who.text, who.number)
            i += 1
            if i < len(lines) and lines[i].text in _SEPARATOR:
                i += 1
            if i < len(lines) and _DATE_RE.match(lines[i].text):
                date_line = lines[i]
                when, upvotes, year_missing = parse_date(date_line.text, captured)
                if year_missing:
                    out.report(date_line.number, "date-without-year",
                               f"date {date_line.text!r} has no year and the source has no "
                               "capture date (set it in content/sources.yml); date left empty")
                elif when is None:
                    out.report(date_line.number, "bad-date", f"{date_line.text!r} is not a valid date; date left empty")
                if when:
                    claims["date"] = (when, date_line.number)
                if upvotes is not None:
                    claims["upvotes"] = (upvotes, date_line.number)
                i += 1
        out.add(title.number, claims)
    if not out.records:
        out.report(0, "empty-source", "no papers found in this file")
    return out
