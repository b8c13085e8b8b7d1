"""Reader for CSV tables of papers: one row a record, one column a field.

The delimiter is the one ``sources.yml`` declares (``delimiter``), else sniffed from the first
lines among ``, ; tab |``, else a comma. The first non-empty row is the header. Columns map
to fields by ``sources.yml``'s ``columns`` (field -> header); without it, a header that is a
declared field name (title, authors, year, date, venue, abstract, url, arxiv, doi, code, and
the other names in ``records.FIELDS``; any case, spaces around ignored) maps to that field, and
``author`` to authors. Every other column is claimed as text under its header, lower-cased
with spaces turned to underscores.

Awesome-list exports carry badges in titles (``Title:fire:89[PyTorch]:star:81``): they are cut
from the title; ``:star:N`` becomes ``stars``, a known framework in brackets a keyword, and
``:fire:N`` (the list's "highly cited" mark with its citation count) ``citations``.

A row's line is the physical line it starts on, also when a quoted cell spans lines.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..model import Link
from ..records import FIELDS, ReadContext, ReaderOutput
from . import fields

_DELIMITERS = ",;\t|"
_DEFAULT_ALIASES = {"author": "authors"}
_FRAMEWORKS = {name.lower(): name for name in (
    "PyTorch", "TensorFlow", "Caffe", "Caffe2", "MXNet", "JAX", "Keras", "PaddlePaddle", "Paddle", "Theano",
    "Chainer", "MindSpore", "Darknet", "MatConvNet", "Torch", "ONNX", "TVM",
)}
# one badge: ":fire:89", ":fire: 130", ":star:81", "[PyTorch]", "[[tensorflow]]", "[Caffe&pytorch]", ":126:"
_BADGE = r"(?::fire:\s*\d+|:star:\s*\d+|\[\[?[A-Za-z0-9&/+, ]+\]\]?|:\d+:)"
_BADGES_RE = re.compile(rf"(?:{_BADGE})+\s*$")
_ONE_BADGE_RE = re.compile(_BADGE)


def _cut_badges(title: str) -> tuple[str, dict[str, Any], list[str]]:
    """``title`` without its trailing badges, what they state, and the badges it could not read."""
    m = _BADGES_RE.search(title)
    if not m:
        return title, {}, []
    found: dict[str, Any] = {}
    keywords: list[str] = []
    unread: list[str] = []
    for badge in _ONE_BADGE_RE.findall(m.group(0)):
        if badge.startswith(":star:"):
            found["stars"] = int(badge[len(":star:") :].strip())
        elif badge.startswith(":fire:"):
            found["citations"] = badge[len(":fire:") :].strip()
        elif badge.startswith("["):
            names = [n.strip() for n in re.split(r"[&/+,]", badge.strip("[]")) if n.strip()]
            if not names or any(n.lower() not in _FRAMEWORKS for n in names):
                return title, {}, []  # "[Extended Abstract]" is part of a title, not a badge
            keywords.extend(_FRAMEWORKS[n.lower()] for n in names)
        else:
            unread.append(badge)
    if keywords:
        found["keywords"] = tuple(dict.fromkeys(keywords))
    return title[: m.start()].rstrip(), found, unread


def _dialect(text: str, declared: object) -> tuple[str, str | None]:
    """The delimiter: declared, sniffed, or a comma; and a problem with the declared one, if any."""
    if isinstance(declared, str) and len(declared.replace("\\t", "\t")) == 1:
        return declared.replace("\\t", "\t"), None
    problem = None if declared is None else f"delimiter {declared!r} is not one character; sniffed instead"
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter, problem
    except csv.Error:
        return ",", problem


def _rows(lines: list[str], delimiter: str, out: ReaderOutput) -> Iterator[tuple[int, list[str]]]:
    """(first physical line, cells) for each row; an unterminated quote or a csv error is reported and skipped."""
    pos = 0
    while pos < len(lines):
        reader = csv.reader(lines[pos:], delimiter=delimiter, strict=False)
        consumed = 0
        try:
            for row in reader:
                start, end = pos + consumed + 1, pos + reader.line_num
                consumed = reader.line_num
                if end == len(lines) and _unterminated(lines[start - 1 : end], delimiter):
                    out.skip(start, "unterminated-quote",
                             "a quote opened on this line is never closed, so the rest of the file would be one "
                             "cell; this line is skipped and reading goes on with the next")
                    pos = start
                    break
                yield start, row
            else:
                return
        except csv.Error as exc:
            start = pos + consumed + 1
            out.skip(start, "csv-syntax", f"unreadable CSV row: {exc}; skipped")
            pos = start
        # a skipped line restarts the reader on the line after it


def _unterminated(lines: list[str], delimiter: str) -> bool:
    try:
        for _ in csv.reader(lines, delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _mapping(header: list[str], declared: object, line: int, out: ReaderOutput) -> dict[int, str]:
    """Column index -> claim name."""
    names = [h.strip().lower() for h in header]
    mapping: dict[int, str] = {}
    if declared is not None and not isinstance(declared, Mapping):
        out.report(line, "csv-columns", f"columns in sources.yml should map field -> header, got {declared!r}; "
                                        "using the default mapping", severity="error")
        declared = None
    if declared:
        for field, wanted in declared.items():
            wanted_name = str(wanted).strip().lower()
            if wanted_name in names:
                mapping[names.index(wanted_name)] = str(field)
            else:
                out.report(line, "csv-columns", f"column {wanted!r} declared for {field} is not in the header "
                                                f"({', '.join(h.strip() for h in header)})", severity="error")
    for index, name in enumerate(names):
        if index in mapping:
            continue
        field = _DEFAULT_ALIASES.get(name, name)
        if (field in FIELDS or field == "year" or field == "url" or field == "code") and field not in mapping.values():
            mapping[index] = field
        elif name:
            mapping[index] = fields.extra_name(header[index]) or f"column_{index + 1}"
        else:
            mapping[index] = f"column_{index + 1}"
    return mapping


def read(text: str, context: ReadContext) -> ReaderOutput:
    """Parse one CSV table into records; bad rows become diagnostics, never exceptions."""
    out = ReaderOutput(context.path)
    text = text.removeprefix("\ufeff")
    delimiter, problem = _dialect(text, context.options.get("delimiter"))
    if problem:
        out.report(1, "csv-delimiter", problem)
    lines = io.StringIO(text, newline="").readlines()
    header: list[str] | None = None
    mapping: dict[int, str] = {}
    titles: dict[str, int] = {}
    for line, row in _rows(lines, delimiter, out):
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = row
            mapping = _mapping(header, context.options.get("columns"), line, out)
            if "title" not in mapping.values():
                out.report(line, "csv-no-title-column", "no column maps to title (name one 'title' or declare "
                                                        "columns in sources.yml); every row will be skipped",
                           severity="error")
            continue
        if len(row) != len(header):
            out.report(line, "ragged-row", f"row has {len(row)} cells, the header {len(header)}; "
                                           + ("missing cells are empty" if len(row) < len(header)
                                              else "the extra cells are kept as column_N"))
        _row(row, line, mapping, titles, out)
    if header is None:
        out.report(0, "empty-source", "no header row found in this file")
    elif not out.records:
        out.report(0, "empty-source", "no papers found in this file")
    return out


def _row(row: list[str], line: int, mapping: dict[int, str], titles: dict[str, int], out: ReaderOutput) -> None:
    cells = {mapping.get(i, f"column_{i + 1}"): cell for i, cell in enumerate(row) if cell.strip()}
    raw_title = fields.collapse(cells.pop("title", ""))
    title, badges, unread = _cut_badges(raw_title)
    if unread:
        out.report(line, "csv-badge", f"cut the unreadable badge {' '.join(unread)} from the title", severity="info")
    if not title:
        out.skip(line, "no-title", "row has no title; skipped")
        return
    folded = title.casefold()
    if folded in titles:
        out.report(line, "repeated-title", f"title {title[:60]!r} repeats line {titles[folded]}; both rows kept",
                   severity="info")
    else:
        titles[folded] = line
    claims: dict[str, tuple[object, int]] = {"title": (title, line)}
    keywords: list[str] = list(badges.pop("keywords", ()))
    claims.update({name: (value, line) for name, value in badges.items()})
    links: list[Link] = []
    for name, value in cells.items():
        value = value.strip()
        if name == "year":
            year = fields.year_of(value)
            if year and "date" not in cells:
                claims["date"] = (year, line)
            elif not year:
                out.report(line, "bad-value", f"year {value!r} is not a year; kept as year_text")
                claims["year_text"] = (value, line)
            continue
        if name in ("url", "code"):
            made = fields.link(value, "code" if name == "code" else None)
            if made is None:
                out.report(line, "bad-value", f"{name} {value!r} is not an http(s) link; kept as {name}_text")
                claims[f"{name}_text"] = (value, line)
                continue
            found = fields.arxiv_from_url(made.url)
            if found:
                claims.setdefault("arxiv", (found, line))
            else:
                links.append(made)
            continue
        typed, problem = fields.coerce(name, value)
        if problem:
            out.report(line, "bad-value", f"{name}: {problem}; kept as {name}_text")
            claims[f"{name}_text"] = (fields.collapse(value), line)
        elif name == "keywords" and isinstance(typed, tuple):
            keywords.extend(typed)
        elif name == "authors":
            names, complete = fields.split_names(value)
            claims["authors"] = (names, line)
            if complete and names and "authors_count" not in cells:
                claims["authors_count"] = (len(names), line)
        else:
            claims[name] = (typed, line)
    if links:
        claims["links"] = (tuple(dict.fromkeys(links)), line)
    if keywords:
        claims["keywords"] = (tuple(dict.fromkeys(keywords)), line)
    out.add(line, claims)
