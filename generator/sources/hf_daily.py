"""Reader for the Hugging Face daily-papers API (``/api/daily_papers?date=...``) as saved to JSON.

The saved files drift: a JSON list of ``{"paper": {...}, ...}`` items; the same list with each
item written as a Python-repr string (``"{'paper': {..., 'hidden': False}}"``, read with
``ast.literal_eval``, never ``eval``); that list inside ``{"status", "date", "count", "data"}``;
and ``{"error": "..."}`` when the API failed. Fields appear over time (``ai_keywords``,
``ai_summary``, ``githubRepo``, ``githubStars``, ``projectPage``, ``organization``).

Lines: ``located_json`` records the line of every object and value, so a paper's record stands on
the line of its object (or of its repr string), and each field on its own line when the file has one.
"""

from __future__ import annotations

import ast
from datetime import date
from typing import Any

from ..model import Link
from ..records import ReadContext, ReaderOutput
from . import fields, located_json
from .located_json import JArray, NonFinite, key_line, line_of


def _flat(value: object) -> str:
    return fields.collapse(value) if isinstance(value, str) else ""


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _items(data: object, out: ReaderOutput) -> list[object] | None:
    """The list of papers in any of the saved shapes; None (reported) if the file holds none."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        if "error" in data and "data" not in data:
            out.report(line_of(data, 1), "api-error", f"the Hugging Face API answered with an error: "
                                                   f"{str(data['error'])[:200]!r}; no papers in this file",
                       severity="error")
            return None
        items = data.get("data")
        if isinstance(items, list):
            status, count = data.get("status"), data.get("count")
            if status is not None and status != "success":
                out.report(key_line(data, "status", 1), "api-status", f"the response's status is {str(status)[:40]!r}")
            if _int(count) is not None and count != len(items):
                out.report(line_of(data, 1), "count-mismatch", f"the response says count {count} but lists {len(items)} papers")
            return items
    out.report(line_of(data, 1), "not-daily-papers", "expected a list of daily papers (or {'data': [...]}); file not read",
               severity="error")
    return None


def _paper(item: object, at: int, out: ReaderOutput) -> None:
    """One listed paper: claims from its ``paper`` object, falling back on the listing's own fields."""
    if isinstance(item, str):
        try:
            item = ast.literal_eval(item)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError) as exc:
            out.skip(at, "bad-item", f"a listed paper is a string that is not a Python literal ({type(exc).__name__}); skipped")
            return
    if not isinstance(item, dict):
        out.skip(at, "bad-item", f"a listed paper is a {type(item).__name__}, not an object; skipped")
        return
    paper: dict[str, Any] = item["paper"] if isinstance(item.get("paper"), dict) else item
    at = line_of(paper, at)  # a repr string has no inner lines: everything stands on its line

    def where(key: str) -> int:
        return key_line(paper, key, key_line(item, key, at))

    def get(key: str) -> Any:
        value = paper.get(key)
        return item.get(key) if value is None else value

    raw_title = get("title")
    title = _flat(raw_title)
    if not title:
        out.skip(at, "no-title", "a listed paper without a title; skipped")
        return
    claims: dict[str, tuple[Any, int]] = {"title": (title, where("title"))}
    summary = get("summary")
    claims["abstract"] = (_flat(summary), where("summary"))

    authors = paper.get("authors")
    if isinstance(authors, list):
        names = tuple(_flat(a.get("name")) for a in authors
                      if isinstance(a, dict) and not a.get("hidden") and _flat(a.get("name")))
        claims["authors"] = (names, where("authors"))

    published = paper.get("publishedAt")
    if isinstance(published, str) and published.strip():
        try:
            claims["date"] = (date.fromisoformat(published.strip()[:10]).isoformat(), where("publishedAt"))
        except ValueError:
            out.report(where("publishedAt"), "bad-date", f"publishedAt {published[:40]!r} is not a date; left empty")

    ident = paper.get("id")
    if isinstance(ident, str) and ident.strip():
        parsed = fields.arxiv_id(ident)
        if parsed:
            claims["arxiv"] = (parsed, where("id"))
        else:
            out.report(where("id"), "bad-arxiv-id", f"paper id {ident[:40]!r} is not an arXiv id; read without one")

    for key, name in (("upvotes", "upvotes"), ("githubStars", "stars")):
        value = paper.get(key)
        if isinstance(value, NonFinite):
            out.report(where(key), "non-finite", f"{key}: {value.text} is not a number; ignored")
        claims[name] = (_int(value), where(key))

    links: dict[str, Link] = {}
    links_line = at
    for key, kind in (("githubRepo", "code"), ("projectPage", "project")):
        raw = paper.get(key)
        if raw is None or raw == "":
            continue
        link = fields.link(raw, kind) if isinstance(raw, str) else None
        if link is None:
            out.report(where(key), "bad-url", f"{key} {str(raw)[:80]!r} is not an http(s) URL; left out")
        elif link.url.lower() not in links:  # a project page that is the repository stays a code link
            links_line = where(key) if not links else links_line
            links[link.url.lower()] = link
    claims["links"] = (tuple(links.values()), links_line)

    keywords = paper.get("ai_keywords")
    if isinstance(keywords, list):
        # a list has no position of its own: its first keyword's line stands for it
        claims["keywords"] = (tuple(dict.fromkeys(k for k in map(_flat, keywords) if k)),
                              where("ai_keywords"))
    ai_summary = paper.get("ai_summary")
    claims["summary"] = (_flat(ai_summary), where("ai_summary"))
    org = get("organization")
    if isinstance(org, dict):
        claims["org"] = (_flat(org.get("fullname")) or _flat(org.get("name")), where("organization"))
    out.add(at, claims)


def read(text: str, context: ReadContext) -> ReaderOutput:
    """Parse one saved daily-papers response into records; problems become diagnostics, never exceptions."""
    out = ReaderOutput(context.path)
    decoded = located_json.decode(text, out)
    if decoded is None:
        return out
    data = decoded[0]
    items = _items(data, out)
    if items is None:
        return out
    lines = items.lines if isinstance(items, JArray) else [1] * len(items)
    for item, at in zip(items, lines, strict=True):
        _paper(item, line_of(item, at), out)
    if not items:
        out.report(line_of(data, 1), "empty-source", "the response lists no papers", severity="info")
    return out
