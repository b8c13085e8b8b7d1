"""Curated notes: ``content/notes/<paper-id>.md``, YAML front matter plus a Markdown body.

``parse_note`` checks one file against the schema; ``enrich`` attaches notes to their papers and
applies what they state (corrections, topic changes, verified results). A note whose paper is gone
is kept as an orphan and reported, never dropped. The body stays Markdown: the renderer passes it
through ``sanitize.markdown_to_safe_html``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from rapidfuzz import fuzz, process

from .content import ContentFiles
from .diagnostics import Diagnostic, Severity
from .links import safe_url
from .model import Corpus, Evidence, Link, Note, Paper, Result, SourceRef, Topic, TopicAssignment
from .yamlfile import Located, load

NOTES_DIR = "notes"
MAX_NOTE_BYTES = 100 * 1024
STATUSES = ("must-read", "recommended", "background", "skim", "superseded")
KEYS = ("paper", "summary", "status", "topics_add", "topics_remove", "corrections", "results", "contributors",
        "aliases")
CORRECTION_KEYS = ("title", "date", "arxiv", "venue", "authors", "code")
RESULT_KEYS = ("kind", "low", "high", "unit", "what", "quote", "source")
UNITS = ("x", "%")
CURATED_EVIDENCE = Evidence("curated note", 1.0)

_EMPTY = {"", "~", "null", "Null", "NULL"}  # plain_strings YAML keeps these as text; they mean "not given"
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ARXIV_RE = re.compile(r"^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$")
_NUMBER_RE = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
# which Paper field each correction sets, for provenance
_CORRECTED_FIELD = {"title": "title", "date": "date", "arxiv": "arxiv_id", "venue": "venue", "authors": "authors",
                    "code": "links"}


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
    lines = text.splitlines(keepends=True)
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
        if isinstance(value, str) and _NUMBER_RE.match(value.strip()):
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
    front, body, _body_line = parts
    located, diags = load(front, display, line_offset=1, plain_strings=True)
    if located is None:
        return None, diags
    if not isinstance(located.data, dict):
        return None, [Diagnostic(display, 2, "error", "note-type", "front matter: expected a mapping of keys")]
    check = _Checker(display, located)
    data = check.mapping(located.data, (), KEYS)
    paper = check.text(data.get("paper"), ("paper",))
    if paper is None:
        if "paper" not in data:
            check.report((), "error", "note-missing-paper", "front matter needs 'paper: <paper-id>'")
        return None, check.diags
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
        if not _ID_RE.match(alias):
            check.report(("aliases", i), "error", "note-value", f"aliases[{i}]: {alias!r} is not a paper id")
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
        aliases=tuple(a for a in aliases if _ID_RE.match(a)),
    )
    return ParsedNote(note, display, located), check.diags


def parse_notes(content: ContentFiles) -> tuple[list[ParsedNote], list[Diagnostic]]:
    """Every usable note under ``notes/``, by path; refused files (symlinks, oversize) are errors."""
    diags: list[Diagnostic] = []
    prefix = NOTES_DIR + "/"
    for path in sorted(content.refused):
        if path.startswith(prefix) or path == NOTES_DIR:
            diags.append(Diagnostic(content.display(path), 1, "error", "note-refused",
                                    f"not read: {content.refused[path]}"))
    parsed: list[ParsedNote] = []
    for path in content.under(NOTES_DIR):
        name = path[len(prefix):]
        if not name.endswith(".md") or "/" in name:
            diags.append(Diagnostic(content.display(path), 1, "warning", "note-ignored",
                                    "ignored: notes are Markdown files directly in notes/ (notes/<paper-id>.md)"))
            continue
        if name == "README.md":
            continue  # a folder README documents the notes; it is not one
        found, problems = parse_note(path, content[path], content.display(path))
        diags.extend(problems)
        if found is not None:
            parsed.append(found)
    return parsed, diags


def _paper_hint(corpus: Corpus, value: str) -> str:
    from .scaffold import suggest_papers  # scaffold builds on this module's schema

    found = suggest_papers(corpus, value, limit=3)
    if not found:
        return ""
    return " (did you mean " + " or ".join(f"{p.id!r} ({p.title})" for p in found) + "?)"


def _topic_problems(parsed: ParsedNote, paper: Paper, topics: tuple[Topic, ...]) -> tuple[
        list[str], list[str], list[Diagnostic]]:
    """The topic ids to add and remove that are valid leaves, and a diagnostic for each that is not."""
    by_id = {t.id: t for t in topics}
    parents = {t.parent for t in topics if t.parent}
    choices = {**{t.title: t.id for t in topics}, **{t.id: t.id for t in topics}}
    diags: list[Diagnostic] = []
    valid: dict[str, list[str]] = {"topics_add": [], "topics_remove": []}
    note = parsed.note
    for key, ids in (("topics_add", note.topics_add), ("topics_remove", note.topics_remove)):
        for i, topic in enumerate(ids):
            line = parsed.line(key, i)
            if topic not in by_id:
                diags.append(Diagnostic(parsed.display, line, "error", "note-unknown-topic",
                                        f"{key}: unknown topic {topic!r}{did_you_mean(topic, choices)}"))
            elif key == "topics_add" and topic in parents:
                children = sorted(t.id for t in topics if t.parent == topic)
                diags.append(Diagnostic(parsed.display, line, "error", "note-topic-not-leaf",
                                        f"topics_add: {topic!r} has subtopics; add one of {', '.join(children)}"))
            elif key == "topics_add" and topic in note.topics_remove:
                diags.append(Diagnostic(parsed.display, line, "error", "note-topic-conflict",
                                        f"{topic!r} is both in topics_add and topics_remove"))
            else:
                valid[key].append(topic)
    assigned = {a.topic for a in paper.topics}
    for topic in valid["topics_remove"]:
        if topic not in assigned and topic not in note.topics_add:
            line = parsed.line("topics_remove", note.topics_remove.index(topic))
            diags.append(Diagnostic(parsed.display, line, "warning", "note-topic-not-assigned",
                                    f"topics_remove: the paper is not in topic {topic!r}; nothing to remove"))
    return valid["topics_add"], valid["topics_remove"], diags


def _apply_topics(paper: Paper, add: list[str], remove: list[str]) -> tuple[TopicAssignment, ...]:
    """Extracted assignments minus the removed, each added one curated (in place if already there).

    A curated topic scores as high as the paper's strongest one: a maintainer's word outranks a phrase count.
    """
    best = max((a.score for a in paper.topics if a.topic not in remove), default=1.0)
    out: list[TopicAssignment] = []
    for assignment in paper.topics:
        if assignment.topic in remove:
            continue
        if assignment.topic in add:
            assignment = replace(assignment, score=max(assignment.score, best), curated=True,
                                 evidence=(CURATED_EVIDENCE, *assignment.evidence))
        out.append(assignment)
    have = {a.topic for a in out}
    out.extend(TopicAssignment(topic, best, (CURATED_EVIDENCE,), curated=True) for topic in add if topic not in have)
    return tuple(out)


def _same_result(a: Result, b: Result) -> bool:
    """Same kind and unit with overlapping ranges: the verified value stands for the extracted one."""
    return a.kind == b.kind and a.unit == b.unit and a.low <= b.high + 1e-9 and b.low <= a.high + 1e-9


def merge_results(extracted: tuple[Result, ...], verified: tuple[Result, ...]) -> tuple[Result, ...]:
    """Each verified result replaces the first unverified one it matches, in place, or is appended."""
    out = list(extracted)
    for result in verified:
        match = next((i for i, old in enumerate(out) if not old.verified and _same_result(old, result)), None)
        if match is None:
            out.append(result)
        else:
            out[match] = result
    return tuple(out)


def _apply_corrections(paper: Paper, parsed: ParsedNote) -> Paper:
    """The paper with the note's corrections and provenance pointing at the note; the id never changes."""
    fields: dict[str, Any] = {}
    for key, value in parsed.note.corrections:
        if key == "authors":
            fields["authors"] = (*fields.get("authors", ()), value)
        elif key == "code":
            # a correction means the extracted code links were wrong or missing: the curated one replaces them
            fields["links"] = (Link(value, "code"), *(link for link in paper.links if link.kind != "code"))
        else:
            fields[_CORRECTED_FIELD[key]] = value
    if not fields:
        return paper
    provenance = dict(paper.provenance)
    for key in dict(parsed.note.corrections):
        provenance[_CORRECTED_FIELD[key]] = SourceRef(parsed.note.path, parsed.line("corrections", key), "notes")
    return replace(paper, **fields, provenance=tuple(provenance.items()))


def enrich(corpus: Corpus, content: ContentFiles) -> tuple[Corpus, list[Diagnostic]]:
    """Attach notes to papers and apply them; runs after the topics and results enrichers."""
    parsed, diags = parse_notes(content)
    by_id = corpus.by_id
    first: dict[str, ParsedNote] = {}
    orphans: list[Note] = []
    alias_owner: dict[str, str] = {}
    for item in parsed:
        note = item.note
        if note.path != f"{NOTES_DIR}/{note.paper}.md":
            diags.append(Diagnostic(item.display, item.line("paper"), "warning", "note-filename",
                                    f"file name does not match the paper id; rename it to {note.paper}.md"))
        if note.paper in first:
            diags.append(Diagnostic(item.display, item.line("paper"), "error", "note-duplicate",
                                    f"a second note for {note.paper!r}; the first is {first[note.paper].display}"))
            continue
        if note.paper not in by_id:
            diags.append(Diagnostic(item.display, item.line("paper"), "warning", "note-unknown-paper",
                                    f"unknown paper {note.paper!r}; the note is kept as an orphan"
                                    f"{_paper_hint(corpus, note.paper)}"))
            orphans.append(note)
            continue
        kept = []
        for i, alias in enumerate(note.aliases):
            if alias in by_id or alias in alias_owner:
                owner = "a current paper's id" if alias in by_id else f"already an alias of {alias_owner[alias]!r}"
                diags.append(Diagnostic(item.display, item.line("aliases", i), "error", "note-alias-conflict",
                                        f"aliases: {alias!r} cannot redirect here: it is {owner}"))
            else:
                alias_owner[alias] = note.paper
                kept.append(alias)
        first[note.paper] = replace(item, note=replace(note, aliases=tuple(kept)))
    papers = []
    for paper in corpus.papers:
        attached = first.get(paper.id)
        if attached is None:
            papers.append(paper)
            continue
        add, remove, problems = _topic_problems(attached, paper, corpus.topics)
        diags.extend(problems)
        paper = _apply_corrections(paper, attached)
        paper = replace(paper, note=attached.note, topics=_apply_topics(paper, add, remove),
                        results=merge_results(paper.results, attached.note.results))
        papers.append(paper)
    notes = tuple(first[pid].note for pid in sorted(first))
    return replace(corpus, papers=tuple(papers), notes=notes,
                   orphan_notes=tuple(sorted(orphans, key=lambda n: n.path))), diags


def redirect_map(corpus: Corpus, page: str = "papers/{id}.md") -> dict[str, str]:
    """Old page -> current page for every alias, in mkdocs-redirects' ``redirect_maps`` format.

    ``page`` is where the renderer writes a paper (``papers/{id}.md``; ``papers/{id}/index.md`` also works).
    """
    live = corpus.by_id
    pairs = {page.format(id=alias): page.format(id=note.paper)
             for note in corpus.notes if note.paper in live for alias in note.aliases if alias not in live}
    return dict(sorted(pairs.items()))
