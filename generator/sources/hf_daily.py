"""Reader for the Hugging Face daily-papers API (``/api/daily_papers?date=...``) as saved to JSON.

The saved files drift: a JSON list of ``{"paper": {...}, ...}`` items; the same list with each
item written as a Python-repr string (``"{'paper': {..., 'hidden': False}}"``, read with
``ast.literal_eval``, never ``eval``); that list inside ``{"status", "date", "count", "data"}``;
and ``{"error": "..."}`` when the API failed. Fields appear over time (``ai_keywords``,
``ai_summary``, ``githubRepo``, ``githubStars``, ``projectPage``, ``organization``).

Lines: the JSON is decoded by the standard library's pure-Python scanner with its object and
string parsers wrapped to note where each starts, so a paper's record stands on the line of its
object (or of its repr string), and a string field on its own line when the file has one.
"""

from __future__ import annotations

import ast
import bisect
import json
import json.decoder
import json.scanner
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from ..model import Link
from ..records import ReadContext, ReaderOutput
from . import fields


class _At(dict[str, Any]):
    """A decoded JSON object that remembers the offset of its ``{``."""

    pos: int = 0


class _AtStr(str):
    """A decoded JSON string that remembers the offset of its opening quote."""

    __slots__ = ("pos",)
    pos: int


class _LocatingDecoder(json.JSONDecoder):
    """``json`` with offsets: the pure-Python scanner calls these parsers, so they can note positions."""

    def __init__(self) -> None:
        super().__init__()
        parse_string: Callable[..., tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]

        def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[_At, int]:
            value, end = json.decoder.JSONObject(s_and_end, *args)  # type: ignore[attr-defined]  # not in the stubs
            located = _At(value)
            located.pos = s_and_end[1] - 1
            return located, end

        def parse_str(s: str, end: int, strict: bool = True) -> tuple[_AtStr, int]:
            value, after = parse_string(s, end, strict)
            located = _AtStr(value)
            located.pos = end - 1
            return located, after

        self.parse_object = parse_object
        self.parse_string = parse_str
        # the C scanner does not call back into these parsers; the pure-Python one does
        self.scan_once = json.scanner.py_make_scanner(self)  # type: ignore[attr-defined]  # not in the stubs


class _Lines:
    """Offset -> 1-based line number."""

    def __init__(self, text: str) -> None:
        self._starts = [m.start() for m in re.finditer("\n", text)]

    def __call__(self, value: object, default: int) -> int:
        pos = getattr(value, "pos", None)
        return default if pos is None else bisect.bisect_left(self._starts, pos) + 1


def _flat(value: object) -> str:
    return fields.collapse(value) if isinstance(value, str) else ""


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _items(data: object, line: _Lines, out: ReaderOutput) -> list[object] | None:
    """The list of papers in any of the saved shapes; None (reported) if the file holds none."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        if "error" in data and "data" not in data:
            out.report(line(data, 1), "api-error", f"the Hugging Face API answered with an error: "
                                                   f"{str(data['error'])[:200]!r}; no papers in this file",
                       severity="error")
            return None
        items = data.get("data")
        if isinstance(items, list):
            status, count = data.get("status"), data.get("count")
            if status is not None and status != "success":
                out.report(line(status, line(data, 1)), "api-status", f"the response's status is {str(status)[:40]!r}")
            if _int(count) is not None and count != len(items):
                out.report(line(data, 1), "count-mismatch", f"the response says count {count} but lists {len(items)} papers")
            return items
    out.report(line(data, 1), "not-daily-papers", "expected a list of daily papers (or {'data': [...]}); file not read",
               severity="error")
    return None


def _same_line(_value: object, default: int) -> int:
    return default


def _paper(item: object, at: int, line: _Lines, out: ReaderOutput) -> None:
    """One listed paper: claims from its ``paper`` object, falling back on the listing's own fields."""
    if isinstance(item, str):
        try:
            item = ast.literal_eval(item)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError) as exc:
            out.skip(at, "bad-item", f"a listed paper is a string that is not a Python literal ({type(exc).__name__}); skipped")
            return
        where: Callable[[object, int], int] = _same_line  # a repr string has no inner lines
    else:
        where = line
    if not isinstance(item, dict):
        out.skip(at, "bad-item", f"a listed paper is a {type(item).__name__}, not an object; skipped")
        return
    paper: dict[str, Any] = item["paper"] if isinstance(item.get("paper"), dict) else item
    at = where(paper, at)

    def get(key: str) -> Any:
        value = paper.get(key)
        return item.get(key) if value is None else value

    raw_title = get("title")
    title = _flat(raw_title)
    if not title:
        out.skip(at, "no-title", "a listed paper without a title; skipped")
        return
    claims: dict[str, tuple[Any, int]] = {"title": (title, where(raw_title, at))}
    summary = get("summary")
    claims["abstract"] = (_flat(summary), where(summary, at))

    authors = paper.get("authors")
    if isinstance(authors, list):
        names = tuple(_flat(a.get("name")) for a in authors
                      if isinstance(a, dict) and not a.get("hidden") and _flat(a.get("name")))
        first = next((a for a in authors if isinstance(a, dict)), None)
        claims["authors"] = (names, where(first, at))

    published = paper.get("publishedAt")
    if isinstance(published, str) and published.strip():
        try:
            claims["date"] = (date.fromisoformat(published.strip()[:10]).isoformat(), where(published, at))
        except ValueError:
            out.report(where(published, at), "bad-date", f"publishedAt {published[:40]!r} is not a date; left empty")

    ident = paper.get("id")
    if isinstance(ident, str) and ident.strip():
        parsed = fields.arxiv_id(ident)
        if parsed:
            claims["arxiv"] = (parsed, where(ident, at))
        else:
            out.report(where(ident, at), "bad-arxiv-id", f"paper id {ident[:40]!r} is not an arXiv id; read without one")

    claims["upvotes"] = (_int(paper.get("upvotes")), at)
    claims["stars"] = (_int(paper.get("githubStars")), at)

    links: dict[str, Link] = {}
    links_line = at
    for key, kind in (("githubRepo", "code"), ("projectPage", "project")):
        raw = paper.get(key)
        if raw is None or raw == "":
            continue
        link = fields.link(raw, kind) if isinstance(raw, str) else None
        if link is None:
            out.report(where(raw, at), "bad-url", f"{key} {str(raw)[:80]!r} is not an http(s) URL; left out")
        elif link.url.lower() not in links:  # a project page that is the repository stays a code link
            links_line = where(raw, at) if not links else links_line
            links[link.url.lower()] = link
    claims["links"] = (tuple(links.values()), links_line)

    keywords = paper.get("ai_keywords")
    if isinstance(keywords, list):
        # a list has no position of its own: its first keyword's line stands for it
        claims["keywords"] = (tuple(dict.fromkeys(k for k in map(_flat, keywords) if k)),
                              where(keywords[0] if keywords else None, at))
    ai_summary = paper.get("ai_summary")
    claims["summary"] = (_flat(ai_summary), where(ai_summary, at))
    org = get("organization")
    if isinstance(org, dict):
        claims["org"] = (_flat(org.get("fullname")) or _flat(org.get("name")), where(org, at))
    out.add(at, claims)


def read(text: str, context: ReadContext) -> ReaderOutput:
    """Parse one saved daily-papers response into records; problems become diagnostics, never exceptions."""
    out = ReaderOutput(context.path)
    line = _Lines(text)
    try:
        data = _LocatingDecoder().decode(text)
    except json.JSONDecodeError as exc:
        out.report(exc.lineno, "bad-json", f"not valid JSON: {exc.msg} (column {exc.colno}); file not read", severity="error")
        return out
    except RecursionError:
        out.report(1, "bad-json", "JSON nested too deeply to read; file not read", severity="error")
        return out
    items = _items(data, line, out)
    if items is None:
        return out
    for item in items:
        _paper(item, line(item, 1), line, out)
    if not items:
        out.report(line(data, 1), "empty-source", "the response lists no papers", severity="info")
    return out
