"""Curated notes: ``content/notes/<paper-id>.md``, YAML front matter plus a Markdown body.

``parse_note`` checks one file against the schema (every problem a diagnostic with file and line);
``generator/enrich/notes.py`` attaches notes to their papers and applies what they state. The body
stays Markdown: the renderer passes it through ``sanitize.markdown_to_safe_html``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from rapidfuzz import fuzz, process

from .content import ContentFiles, split_lines
from .diagnostics import Diagnostic, Severity
from .inventory import id_problem
from .links import safe_url
from .model import Note, Result
from .sanitize import render_curated
from .yamlfile import Located, load

NOTES_DIR = "notes"
MAX_NOTE_BYTES = 100 * 1024
STATUSES = ("must-read", "recommended", "background", "skim", "superseded")
KEYS = ("paper", "summary", "status", "topics_add", "topics_remove", "corrections", "results", "contributors",
        "aliases", "names")
MAX_NAME = 80  # a method's name, not a sentence
CORRECTION_KEYS = ("title", "date", "arxiv", "venue", "authors", "code")
RESULT_KEYS = ("kind", "low", "high", "unit", "what", "quote", "source")
UNITS = ("x", "%")

_EMPTY = {"", "~", "null", "Null", "NULL"}  # plain_strings YAML keeps these as text; they mean "not given"
_ARXIV_RE = re.compile(r"^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$")
_NUMBER_RE = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
# which Paper field each correction sets, for provenance


@dataclass(frozen=True)
class ParsedNote:
    """A note that passed the schema, with the lines of its keys for later diagnostics."""

    note: Note
    display: str
    located: Located

    def line(self, *keypath: Any) -> int:
        return self.located.line(*keypath)


def did_you_mean(value: str, choices: dict[str, str], cutoff: float = 60.0) -> str:
    """`` (did you mean 'x'?)`` for the closest of ``choices`` (text to match -> name to show), or ``""``."""
    if not choices:
        return ""
    found = process.extract(value, sorted(choices), scorer=fuzz.WRatio, limit=3, score_cutoff=cutoff)
    names = list(dict.fromkeys(choices[text] for text, _score, _index in found))  # dedupe, keep best-first
    return f" (did you mean {' or '.join(repr(n) for n in names)}?)" if names else ""


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """``(yaml, body, body_line)`` when ``text`` opens with a ``---`` fenced block, else None."""
    lines = split_lines(text, keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    return None


class _Checker:
    """Type checks for one note's front matter; problems go to ``diags`` with the key's line."""

    def __init__(self, display: str, located: Located) -> None:
        self.display = display
        self.located = located
        self.diags: list[Diagnostic] = []

    def report(self, keypath: tuple[Any, ...], severity: Severity, code: str, message: str) -> None:
        self.diags.append(Diagnostic(self.display, self.located.line(*keypath), severity, code, message))

    def text(self, value: Any, keypath: tuple[Any, ...]) -> str | None:
        """A non-empty string, or None (absent); anything else is a wrong-type error."""
        if isinstance(value, str):
            return None if value.strip() in _EMPTY else value.strip()
        if value is None:
            return None
        self.report(keypath, "error", "note-type",
                    f"{_name(keypath)}: expected text, got {_kind(value)} {value!r} (quote it)")
        return None

    def texts(self, value: Any, keypath: tuple[Any, ...]) -> tuple[str, ...]:
        """A list of non-empty strings."""
        if value is None or (isinstance(value, str) and value.strip() in _EMPTY):
            return ()
        if not isinstance(value, list):
            self.report(keypath, "error", "note-type",
                        f"{_name(keypath)}: expected a list, got {_kind(value)} {value!r} (write [{value}])")
            return ()
        out = [self.text(item, (*keypath, i)) for i, item in enumerate(value)]
        return tuple(item for item in out if item)

    def mapping(self, value: Any, keypath: tuple[Any, ...], known: tuple[str, ...]) -> dict[str, Any]:
        """A mapping; keys outside ``known`` are warned about and ignored."""
        if not isinstance(value, dict):
            self.report(keypath, "error", "note-type", f"{_name(keypath)}: expected a mapping of keys, got {_kind(value)}")
            return {}
        for key in sorted(value, key=str):
            if key not in known:
                hint = did_you_mean(str(key), {k: k for k in known})
                self.report((*keypath, key), "warning", "note-unknown-key",
                            f"unknown key {_name((*keypath, key))!r} is ignored{hint}")
        return {k: v for k, v in value.items() if k in known}

    def number(self, value: Any, keypath: tuple[Any, ...]) -> float | None:
        """An int or a decimal written as text (plain_strings YAML keeps ``2.5`` as text)."""
        if isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, str) and _NUMBER_RE.match(value.strip()) and math.isfinite(float(value)):
            return float(value)
        self.report(keypath, "error", "note-type", f"{_name(keypath)}: expected a number, got {value!r}")
        return None


def _name(keypath: tuple[Any, ...]) -> str:
    return ".".join(f"[{k}]" if isinstance(k, int) else str(k) for k in keypath).replace(".[", "[")


def _kind(value: Any) -> str:
    return {dict: "a mapping", list: "a list", int: "a number"}.get(type(value), type(value).__name__)


def _corrections(check: _Checker, raw: Any) -> tuple[tuple[str, str], ...]:
    """``(field, value)`` pairs in schema order; ``authors`` gives one pair per author, in order."""
    data = check.mapping(raw, ("corrections",), CORRECTION_KEYS)
    out: list[tuple[str, str]] = []
    for key in CORRECTION_KEYS:
        if key not in data:
            continue
        where = ("corrections", key)
        if key == "authors":
            out.extend(("authors", name) for name in check.texts(data[key], where))
            continue
        value = check.text(data[key], where)
        if value is None:
            continue
        if key == "date" and not _valid_date(value):
            check.report(where, "error", "note-value", f"corrections.date: expected YYYY-MM-DD, got {value!r}")
            continue
        if key == "arxiv":
            value = value.removeprefix("arXiv:").removeprefix("arxiv:")
            if not _ARXIV_RE.match(value):
                check.report(where, "error", "note-value",
                             f"corrections.arxiv: expected an arXiv id like '2401.10000', got {value!r}")
                continue
        if key == "code" and safe_url(value) is None:
            check.report(where, "error", "note-value", f"corrections.code: expected an http(s) URL, got {value!r}")
            continue
        out.append((key, value))
    return tuple(out)


def _valid_date(value: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _results(check: _Checker, raw: Any) -> tuple[Result, ...]:
    if raw is None or (isinstance(raw, str) and raw.strip() in _EMPTY):
        return ()
    if not isinstance(raw, list):
        check.report(("results",), "error", "note-type", f"results: expected a list of results, got {_kind(raw)}")
        return ()
    out: list[Result] = []
    for i, item in enumerate(raw):
        where = ("results", i)
        data = check.mapping(item, where, RESULT_KEYS)
        if not data:
            continue
        kind = check.text(data.get("kind"), (*where, "kind"))
        unit = check.text(data.get("unit"), (*where, "unit"))
        quote = check.text(data.get("quote"), (*where, "quote"))
        source = check.text(data.get("source"), (*where, "source"))
        what = check.text(data.get("what"), (*where, "what"))
        low = check.number(data["low"], (*where, "low")) if "low" in data else None
        high = check.number(data["high"], (*where, "high")) if "high" in data else low
        missing = [k for k in ("kind", "low", "unit") if k not in data]
        if not (quote or source):
            missing.append("quote or source")
        if missing:
            check.report(where, "error", "note-result", f"results[{i}]: missing {', '.join(missing)}")
            continue
        if kind is None or low is None or high is None or unit is None:
            continue  # present but of the wrong type: already reported at its line
        if unit not in UNITS:
            check.report((*where, "unit"), "error", "note-value",
                         f"results[{i}].unit: expected one of {', '.join(UNITS)}, got {unit!r}")
            continue
        if low > high:
            check.report((*where, "high"), "error", "note-value", f"results[{i}]: low {low:g} is above high {high:g}")
            continue
        text = f"{quote} ({source})" if quote and source else (quote or source or "")
        out.append(Result(kind=kind, low=low, high=high, unit=unit, quote=text, verified=True, what=what))
    return tuple(out)


def parse_note(path: str, text: str, display: str) -> tuple[ParsedNote | None, list[Diagnostic]]:
    """Check one note file; None when it cannot be used (no front matter, bad YAML, no paper id)."""
    size = len(text.encode("utf-8"))
    if size > MAX_NOTE_BYTES:
        return None, [Diagnostic(display, 1, "error", "note-too-large",
                                 f"note is {size} bytes, over the {MAX_NOTE_BYTES} byte limit; shorten it")]
    parts = split_front_matter(text)
    if parts is None:
        return None, [Diagnostic(display, 1, "error", "note-front-matter",
                                 "a note starts with a '---' line, YAML front matter, and a closing '---' line")]
    front, body, body_line = parts
    located, diags = load(front, display, line_offset=1, plain_strings=True)
    if located is None:
        return None, diags
    if not isinstance(located.data, dict):
        return None, [Diagnostic(display, 2, "error", "note-type", "front matter: expected a mapping of keys")]
    check = _Checker(display, located)
    data = check.mapping(located.data, (), KEYS)
    paper = check.text(data.get("paper"), ("paper",))
    if paper is None:
        # every other key is still checked below, so one run shows every problem of the note
        check.report(("paper",), "error", "note-missing-paper", "front matter needs 'paper: <paper-id>'"
                     + (" (it is empty)" if "paper" in data else ""))
    elif id_problem(paper):
        check.report(("paper",), "error", "note-value", f"paper: {paper!r} is not a paper id: {id_problem(paper)}")
    summary = check.text(data.get("summary"), ("summary",))
    if summary is not None and "\n" in summary:
        check.report(("summary",), "error", "note-value", "summary: expected one line (use the body for more)")
        summary = " ".join(summary.split())
    status = check.text(data.get("status"), ("status",))
    if status is not None and status not in STATUSES:
        hint = did_you_mean(status, {s: s for s in STATUSES})
        check.report(("status",), "error", "note-value",
                     f"status: {status!r} is not one of {', '.join(STATUSES)}{hint}")
        status = None
    aliases = check.texts(data.get("aliases"), ("aliases",))
    for i, alias in enumerate(aliases):
        if id_problem(alias):
            check.report(("aliases", i), "error", "note-value", f"aliases[{i}]: {alias!r} is not a paper id")
    names: list[str] = []
    for i, name in enumerate(check.texts(data.get("names"), ("names",))):
        if "\n" in name or len(name) > MAX_NAME or not any(c.isalnum() for c in name):
            check.report(("names", i), "error", "note-value",
                         f"names[{i}]: {name[:MAX_NAME]!r} is not a method's name (one line, at most {MAX_NAME} "
                         "characters, with a letter or digit)")
        else:
            names.append(name)
    _html, problem = render_curated(body)
    if problem:
        check.diags.append(Diagnostic(display, body_line, "error", "note-markdown", f"the note's text is left out: {problem}"))
        body = ""
    if paper is None:
        return None, check.diags
    note = Note(
        path=path,
        paper=paper,
        body=body.strip("\n") + "\n" if body.strip() else "",
        summary=summary,
        status=status,
        topics_add=check.texts(data.get("topics_add"), ("topics_add",)),
        topics_remove=check.texts(data.get("topics_remove"), ("topics_remove",)),
        corrections=_corrections(check, data["corrections"]) if "corrections" in data else (),
        results=_results(check, data.get("results")),
        contributors=check.texts(data.get("contributors"), ("contributors",)),
        aliases=tuple(a for a in aliases if not id_problem(a)),
        names=tuple(names),
    )
    return ParsedNote(note, display, located), check.diags


def parse_notes(content: ContentFiles, containing: str = "") -> tuple[list[ParsedNote], list[Diagnostic]]:
    """Every usable note under ``notes/``, by path (``inventory.screen`` reports refused files).

    ``containing``: only the notes whose text contains it are parsed (a cheap test before the YAML).
    """
    diags: list[Diagnostic] = []
    prefix = NOTES_DIR + "/"
    parsed: list[ParsedNote] = []
    for path in content.under(NOTES_DIR):
        name = path[len(prefix):]
        if not name.endswith(".md") or "/" in name:
            diags.append(Diagnostic(content.display(path), 1, "warning", "note-ignored",
                                    "ignored: notes are Markdown files directly in notes/ (notes/<paper-id>.md)"))
            continue
        if name == "README.md" or containing not in content[path]:
            continue  # a folder README documents the notes, it is none; nor is a note without ``containing``
        found, problems = parse_note(path, content[path], content.display(path))
        diags.extend(problems)
        if found is not None:
            parsed.append(found)
    return parsed, diags


def curated_names(content: ContentFiles) -> dict[str, tuple[str, ...]]:
    """Paper id -> the method names its note adds (``names:``), for the methods stage.

    The notes stage reports every problem of a note; this only reads the names of notes that parse,
    and parses only those that write the key.
    """
    parsed, _diags = parse_notes(content, containing="names")
    out: dict[str, tuple[str, ...]] = {}
    for found in parsed:
        if found.note.names:
            out[found.note.paper] = tuple(dict.fromkeys((*out.get(found.note.paper, ()), *found.note.names)))
    return out
