"""Reader for paper lists written by hand or exported by a tool: YAML or JSON.

The file holds a list of mappings, or a mapping whose ``papers`` key holds that list. Keys are
field names (any case): the declared ones (``records.FIELDS``), plus ``year`` and ``month``
(-> date), ``author`` and ``tags`` (-> authors, keywords), ``url``, ``code``, ``project``,
``pdf`` (-> links, an arxiv.org URL -> arxiv). Any other key is claimed as text under its name;
a nested list or mapping there is kept as compact JSON text.

Every item and key is claimed on its own line: YAML through ``generator/yamlfile.py``; JSON
through ``located_json`` (the standard decoder, each value's line recorded). JSON quirks are
reported, not fatal: NaN and Infinity, a key given twice, lone surrogates (replaced by U+FFFD).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .. import yamlfile
from ..model import Link
from ..records import ReadContext, ReaderOutput
from . import fields, located_json
from .located_json import JArray, JObject, NonFinite

_LINK_KEYS = {"url": None, "code": "code", "repo": "code", "github": "code", "project": "project",
              "homepage": "project", "pdf": "paper", "paper": "paper"}
_ALIASES = {"author": "authors", "tags": "keywords"}
_LONE_SURROGATE_RE = re.compile("[\ud800-\udfff]")


@dataclass
class _Item:
    """One entry of the list: its line, its value, and the line of each key."""

    line: int
    value: Any
    key_lines: dict[str, int] = field(default_factory=dict)


def _items(data: Any, lines: Callable[..., int], key_lines: Callable[[Any, int], dict[str, int]],
           out: ReaderOutput) -> list[_Item]:
    """The list of paper entries in ``data`` (a list, or ``{papers: [...]}``), each with its lines."""
    prefix: tuple[Any, ...] = ()
    if isinstance(data, dict):
        papers = next((k for k in data if str(k).strip().lower() == "papers"), None)
        if papers is None:
            out.skip(1, "paper-list-shape", "expected a list of papers or a mapping with a 'papers' list; "
                                            f"found a mapping with keys {', '.join(map(str, list(data)[:5]))}",
                     severity="error")
            return []
        prefix = (papers,)
        data = data[papers]
    if data is None and not prefix:
        return []
    if not isinstance(data, list):
        out.skip(lines(*prefix), "paper-list-shape", f"expected a list of papers, found {_kind(data)}",
                 severity="error")
        return []
    return [_Item(lines(*prefix, i), item, key_lines(item, i) if isinstance(item, dict) else {})
            for i, item in enumerate(data)]


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {str(value)[:60]!r}"


def read(text: str, context: ReadContext) -> ReaderOutput:
    """Parse one YAML or JSON paper list into records; bad entries become diagnostics, never exceptions."""
    out = ReaderOutput(context.path)
    text = text.removeprefix("\ufeff")
    if context.path.lower().endswith(".json"):
        decoded = located_json.decode(text, out)
        if decoded is None:
            return out
        top = data = decoded[0]

        def json_line(*path: Any) -> int:
            node, line = top, 1
            for step in path:
                if (isinstance(node, JObject) and step in node) or (
                    isinstance(node, JArray) and isinstance(step, int) and step < len(node)
                ):
                    line, node = node.lines[step], node[step]
            return line

        items = _items(data, json_line, lambda item, _i: dict(getattr(item, "lines", {})), out)
    else:
        try:
            located, problems = yamlfile.load(text, context.path)
        except RecursionError:
            out.skip(1, "invalid-yaml", "YAML nested too deeply to read; nothing read from this file", severity="error")
            return out
        if located is None:
            for problem in problems:
                out.skip(problem.line, problem.code, f"{problem.message}; nothing read from this file",
                         severity="error")
            return out
        doc = located
        prefix_key = next((k for k in doc.data if str(k).strip().lower() == "papers"), None) \
            if isinstance(doc.data, dict) else None
        prefix = (prefix_key,) if prefix_key is not None else ()
        items = _items(doc.data, doc.line,
                       lambda item, i: {str(k): doc.line(*prefix, i, k) for k in item}, out)
    for item in items:
        _entry(item, out)
    if not out.records and not out.skipped:
        out.report(0, "empty-source", "no papers found in this file")
    return out


def _text(value: Any, name: str, line: int, out: ReaderOutput) -> str | None:
    """A scalar as text: None for null, NaN or a nested value (reported)."""
    if value is None:
        return None
    if isinstance(value, NonFinite):
        out.report(line, "non-finite", f"{name}: {value.text} is not a value; ignored")
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return None
    text = str(value)
    if _LONE_SURROGATE_RE.search(text):
        out.report(line, "lone-surrogate", f"{name}: a lone UTF-16 surrogate (an escape like \\ud800 without its "
                                           "pair) is replaced by U+FFFD")
        text = _LONE_SURROGATE_RE.sub("\ufffd", text)
    return text


def _strings(value: Any, name: str, line: int, out: ReaderOutput) -> list[str]:
    """A string or a list of scalars as a list of texts (items that are mappings use their 'name')."""
    values = value if isinstance(value, list) else [value]
    texts: list[str] = []
    for v in values:
        if isinstance(v, dict):
            v = next((v[k] for k in v if str(k).lower() in ("name", "url", "href")), None)
        text = _text(v, name, line, out)
        if text is not None and text.strip():
            texts.append(text.strip())
    return texts


def _names(value: Any, line: int, out: ReaderOutput) -> tuple[tuple[str, ...], bool]:
    """Authors from a list (one name each; "Family, Given" turned round) or a string (``fields.split_names``)."""
    if not isinstance(value, list):
        text = _text(value, "authors", line, out)
        return fields.split_names(text) if text else ((), True)
    names: list[str] = []
    complete = True
    for text in _strings(value, "authors", line, out):
        if text.strip().lower().rstrip(".") in ("others", "et al", "etal", "..."):
            complete = False
            continue
        # a list item is one person: "Doe, Jane Mary" is Jane Mary Doe
        family, comma, given = fields.collapse(text).partition(",")
        names.append(f"{given.strip()} {family.strip()}" if comma and "," not in given else fields.collapse(text))
    return tuple(names), complete


def _entry(item: _Item, out: ReaderOutput) -> None:
    """One list entry as a record, or a skip with its line."""
    if not isinstance(item.value, dict):
        out.skip(item.line, "paper-not-mapping", f"a paper should be a mapping of fields, found "
                                                 f"{_kind(item.value)}; skipped")
        return
    entries = {str(k).strip().lower(): (v, item.key_lines.get(str(k), item.line)) for k, v in item.value.items()}
    title_value, title_line = entries.pop("title", (None, item.line))
    title = _text(title_value, "title", title_line, out)
    if not title or not title.strip():
        out.skip(item.line, "no-title", "entry has no title; skipped")
        return
    claims: dict[str, tuple[object, int]] = {"title": (fields.collapse(title), title_line)}
    links: list[Link] = []
    year: tuple[str, int] | None = None
    month: tuple[Any, int] | None = None
    link_line = 0
    for name, (value, line) in entries.items():
        name = _ALIASES.get(name, name)
        if name == "authors":
            names, complete = _names(value, line, out)
            claims["authors"] = (names, line)
            if complete and names and "authors_count" not in entries:
                claims["authors_count"] = (len(names), line)
        elif name == "year":
            text = _text(value, name, line, out)
            if text is not None:
                year = (text, line)
        elif name == "month":
            month = (value, line)
        elif name in _LINK_KEYS or name == "links":
            urls: list[tuple[str, str | None]] = []
            if name == "links" and isinstance(value, dict):
                urls = [(u, str(kind).lower()) for kind, v in value.items() for u in _strings(v, name, line, out)]
            else:
                urls = [(u, _LINK_KEYS.get(name)) for u in _strings(value, name, line, out)]
            for url, kind in urls:
                made = fields.link(url, kind if kind in ("code", "project", "model", "dataset", "demo", "paper", "other")
                                   else None)
                if made is None:
                    out.report(line, "bad-value", f"{name}: {url!r} is not an http(s) link; ignored")
                    continue
                found = fields.arxiv_from_url(made.url)
                if found:
                    claims.setdefault("arxiv", (found, line))
                else:
                    links.append(made)
                    link_line = link_line or line
        elif isinstance(value, dict | list) and name not in ("keywords", "categories"):
            claims[name] = (json.dumps(value, ensure_ascii=False, sort_keys=True, default=str), line)
            out.report(line, "nested-value", f"{name}: a nested value, kept as JSON text", severity="info")
        else:
            texts = _strings(value, name, line, out)
            if not texts:
                continue
            typed, problem = fields.coerce(name, "; ".join(texts) if name in ("keywords", "categories") else texts[0])
            if problem:
                out.report(line, "bad-value", f"{name}: {problem}; kept as {name}_text")
                claims[f"{name}_text"] = (fields.collapse(texts[0]), line)
            else:
                claims[name] = (typed, line)
    if "date" not in claims and year is not None:
        _year_month(year, month, claims, out)
    elif month is not None:
        claims["month"] = (str(month[0]), month[1])
    if links:
        claims["links"] = (tuple(dict.fromkeys(links)), link_line)
    out.add(item.line, claims)


def _year_month(year: tuple[str, int], month: tuple[Any, int] | None, claims: dict[str, tuple[object, int]],
                out: ReaderOutput) -> None:
    found = fields.year_of(year[0])
    if found is None:
        out.report(year[1], "bad-value", f"year {year[0]!r} is not a year; kept as year_text")
        claims["year_text"] = (year[0], year[1])
        return
    number = fields.month_number(str(month[0])) if month is not None else None
    if month is not None and number is None:
        out.report(month[1], "bad-value", f"month {month[0]!r} is not a month; kept as month")
        claims["month"] = (str(month[0]), month[1])
    claims["date"] = (f"{found}-{number:02d}" if number else found, year[1])
