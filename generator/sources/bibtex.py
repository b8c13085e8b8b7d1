"""Reader for BibTeX files: each entry a record, each field a claim on the line where it starts.

bibtexparser 2 splits the file into blocks and keeps every block's and field's line; this
module then reads them the way BibTeX does, in file order:

- Text outside an entry is a comment, but an ``@`` there still starts a command. So the
  ``# @STRING{NIPS = "..."}`` lines some files use as "commented out" are read, and a macro
  defined again replaces the earlier value for every entry after it (``string-redefined``, info).
- Field values are braced, quoted, numbers or macro names joined by ``#``. The month macros
  ``jan``..``dec`` are predefined as in the standard styles; an undefined macro keeps its own
  name as the value (BibTeX would print nothing) and is reported.
- A field given twice in one entry keeps the first value, as BibTeX does; the second is reported.
- Entry keys are case-insensitive: a repeated key is reported with both lines and both entries
  are kept, because two different papers often share a lazy key.

Claims: ``citekey``, ``entry_type``, ``title``, ``authors`` ("Given Family", in order, via
bibtexparser's name splitter; "others" dropped, ``authors_count`` only for a complete list),
``date`` (year, plus month when given), ``venue`` (booktitle, else journal, as written),
``arxiv`` (``eprint`` with ``archivePrefix = arXiv``, an ``arxiv`` field, "arXiv:NNNN" in the
journal or note, an arxiv.org URL), ``doi``, ``links`` (url, ``\\url{}`` in howpublished or note),
``keywords``, ``categories`` (primaryClass) and every other field as text under its lower-cased
name (``pages``, ``optvolume``). A claim's line is the line of its field's ``=``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import bibtexparser
from bibtexparser.middlewares.names import parse_single_name_into_parts, split_multiple_persons_names
from bibtexparser.model import (
    Block,
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    ExplicitComment,
    ImplicitComment,
    ParsingFailedBlock,
    Preamble,
    String,
)

from ..model import Link
from ..records import ReadContext, ReaderOutput
from . import fields

# bibtexparser logs every failed block to stderr; this reader reports them as diagnostics instead
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())
logging.getLogger("bibtexparser").propagate = False

_MONTH_MACROS = {
    name[:3]: name.capitalize()
    for name in ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                 "october", "november", "december")
}
_TOKEN_RE = re.compile(r"[^\s#{}\"=,]+")
_URL_MACRO_RE = re.compile(r"\\(?:url|href)\s*\{([^{}]*)\}")
_BARE_URL_RE = re.compile(r"https?://[^\s{}]+")
_FIELD_NAME_RE = re.compile(r"^[a-z][a-z0-9_.:+-]*$")
# Fields this reader turns into declared claims itself; everything else is claimed by name.
_MAPPED = {"title", "author", "year", "month", "booktitle", "journal", "doi", "url", "eprint", "archiveprefix",
           "eprinttype", "arxiv", "arxivid", "primaryclass", "keywords", "abstract"}


@dataclass(frozen=True)
class _Value:
    """One field after macro expansion: its text and the 1-based line of its ``=``."""

    text: str
    line: int


def _evaluate(raw: str, macros: dict[str, str]) -> tuple[str, list[str]] | None:
    """A BibTeX value (``{..}``, ``".."``, number or macro, joined by ``#``) as text, plus undefined macros.

    None when ``raw`` is not a value BibTeX would accept.
    """
    pieces: list[str] = []
    undefined: list[str] = []
    i, n, want_value = 0, len(raw), True
    while True:
        while i < n and raw[i].isspace():
            i += 1
        if i >= n:
            break
        if not want_value:
            if raw[i] != "#":
                return None
            i += 1
            want_value = True
            continue
        if raw[i] in "{\"":
            end = _closing(raw, i)
            if end is None:
                return None
            pieces.append(raw[i + 1 : end])
            i = end + 1
        else:
            m = _TOKEN_RE.match(raw, i)
            if not m:
                return None
            token = m.group(0)
            if token.isdigit():
                pieces.append(token)
            elif token.lower() in macros:
                pieces.append(macros[token.lower()])
            else:
                undefined.append(token)
                pieces.append(token)
            i = m.end()
        want_value = False
    if want_value and pieces:
        return None  # a trailing "#"
    return "".join(pieces), undefined


def _closing(raw: str, start: int) -> int | None:
    """Index of the delimiter closing the braced or quoted value opening at ``start``."""
    depth = 0
    quoted = raw[start] == '"'
    for j in range(start + 1, len(raw)):
        ch = raw[j]
        if ch == "\\":
            continue
        if ch == "{" and (j == 0 or raw[j - 1] != "\\"):
            depth += 1
        elif ch == "}" and raw[j - 1] != "\\":
            if depth == 0:
                return None if quoted else j
            depth -= 1
        elif ch == '"' and quoted and depth == 0 and raw[j - 1] != "\\":
            return j
    return None


def _names(text: str) -> tuple[tuple[str, ...], bool]:
    """BibTeX "A and B and others" as ("Given Family", ...) and whether the list is complete."""
    names: list[str] = []
    complete = True
    for person in split_multiple_persons_names(text):
        if person.strip().lower() == "others":
            complete = False
            continue
        try:
            parts = parse_single_name_into_parts(person, strict=False)
            name = parts.merge_first_name_first
        except Exception:  # the splitter's odd corners must not lose the entry
            name = person
        name = fields.collapse(name)
        if name:
            names.append(name)
    return tuple(names), complete


def _urls(text: str) -> list[str]:
    """URLs a field holds: ``\\url{..}``/``\\href{..}`` arguments, else bare http(s) URLs."""
    found = _URL_MACRO_RE.findall(text) or _BARE_URL_RE.findall(text)
    # "winograd\\_transform.h": writers escape _ % # & ~ for LaTeX; the URL means the bare character
    return [re.sub(r"\\([_%#&~])", r"\1", url) for url in found]


def _unwrap(block: Block) -> Block:
    """The block itself where bibtexparser set it aside for a repeated key: this reader judges keys itself."""
    if isinstance(block, DuplicateBlockKeyBlock | DuplicateFieldKeyBlock) and block.ignore_error_block is not None:
        return block.ignore_error_block
    return block


def read(text: str, context: ReadContext) -> ReaderOutput:
    """Parse one BibTeX file into records; bad blocks and fields become diagnostics, never exceptions."""
    out = ReaderOutput(context.path)
    try:
        library = bibtexparser.parse_string(text, parse_stack=[])
    except Exception as exc:  # the splitter raises on states it considers its own bugs
        out.skip(1, "bibtex-unreadable", f"bibtexparser could not split this file ({type(exc).__name__}: {exc})",
                 severity="error")
        return out
    macros = dict(_MONTH_MACROS)
    macro_lines: dict[str, int] = {}
    seen_keys: dict[str, int] = {}
    for raw_block in library.blocks:
        block = _unwrap(raw_block)
        line = (block.start_line or 0) + 1
        if isinstance(block, String):
            _define(block, line, macros, macro_lines, out)
        elif isinstance(block, Entry):
            _entry(block, line, macros, seen_keys, out)
        elif isinstance(block, ParsingFailedBlock):
            reason = (getattr(block.error, "abort_reason", None) or str(block.error)).strip()
            head = (block.raw or "").split("\n", 1)[0][:60]
            out.skip(line, "bibtex-syntax", f"could not read the block {head!r}: {reason}", severity="error")
        elif not isinstance(block, ImplicitComment | ExplicitComment | Preamble):
            out.report(line, "bibtex-block", f"ignored a {type(block).__name__} block")
    if not out.records:
        out.report(0, "empty-source", "no BibTeX entries found in this file")
    return out


def _define(block: String, line: int, macros: dict[str, str], macro_lines: dict[str, int], out: ReaderOutput) -> None:
    """Read ``@STRING{key = value}`` into ``macros``, as BibTeX does: later definitions win."""
    key = block.key.strip().lower()
    evaluated = _evaluate(block.value, macros)
    if not key or evaluated is None:
        out.report(line, "bibtex-string", f"could not read the @STRING {block.key!r} = {block.value!r}; ignored")
        return
    value, undefined = evaluated
    for name in undefined:
        out.report(line, "undefined-macro", f"@STRING {block.key} uses {name!r}, which is not defined before it")
    value = fields.collapse(value)
    if key in macro_lines and macros.get(key) != value:
        out.report(line, "string-redefined",
                   f"@STRING {block.key} (first defined on line {macro_lines[key]} as {macros[key]!r}) is "
                   f"redefined as {value!r}; BibTeX uses the new value for every entry after this line",
                   severity="info")
    macros[key] = value
    macro_lines.setdefault(key, line)


def _entry(block: Entry, line: int, macros: dict[str, str], seen_keys: dict[str, int], out: ReaderOutput) -> None:
    """Turn one entry into a record of claims (or skip it, with the reason)."""
    key = block.key.strip()
    values: dict[str, _Value] = {}
    for field in block.fields:
        name = field.key.strip().lower()
        at = (field.start_line + 1) if field.start_line is not None else line
        if not _FIELD_NAME_RE.match(name):
            out.report(at, "bibtex-field", f"entry {key!r}: field name {field.key!r} is not a BibTeX name; ignored")
            continue
        evaluated = _evaluate(field.value if isinstance(field.value, str) else str(field.value), macros)
        if evaluated is None:
            out.report(at, "bibtex-value", f"entry {key!r}: {name} = {field.value!r} is not a BibTeX value; "
                                           "kept as written")
            evaluated = (str(field.value), [])
        text, undefined = evaluated
        for macro in undefined:
            out.report(at, "undefined-macro", f"entry {key!r}: {name} uses the undefined macro {macro!r}; "
                                              "kept its name as the value")
        if name in values:
            out.report(at, "duplicate-field", f"entry {key!r}: {name} is given again (first on line "
                                              f"{values[name].line}); BibTeX keeps the first, so does this reader")
            continue
        values[name] = _Value(text, at)

    if "title" not in values or not fields.collapse(values["title"].text).strip("{} "):
        out.skip(line, "no-title", f"entry {key or '(no key)'!r} has no title; skipped")
        return
    if key:
        folded = key.lower()
        if folded in seen_keys:
            out.report(line, "duplicate-key", f"citation key {key!r} is used again (first on line "
                                              f"{seen_keys[folded]}); both entries are kept as separate records")
        else:
            seen_keys[folded] = line
    else:
        out.report(line, "no-key", "entry has no citation key")

    claims: list[tuple[str, object, int]] = [("citekey", key, line), ("entry_type", block.entry_type.lower(), line)]
    title = values["title"]
    claims.append(("title", fields.collapse(title.text), title.line))
    _authors(values, key, line, claims, out)
    _date(values, key, line, claims, out)
    venue = values.get("booktitle") or values.get("journal")
    if venue is not None:
        claims.append(("venue", fields.collapse(venue.text), venue.line))
    if "booktitle" in values and "journal" in values:
        claims.append(("journal", fields.collapse(values["journal"].text), values["journal"].line))
    _identifiers(values, key, claims, out)
    for name in ("keywords", "abstract"):
        if name in values:
            value, _ = fields.coerce(name, values[name].text)
            claims.append((name, value, values[name].line))
    for name, value in values.items():
        if name in _MAPPED or name in ("howpublished", "note"):
            continue
        typed, problem = fields.coerce(name, value.text)
        if problem:
            out.report(value.line, "bad-value", f"entry {key!r}: {name}: {problem}; kept as {name}_text")
            claims.append((f"{name}_text", fields.collapse(value.text), value.line))
        else:
            claims.append((name, typed, value.line))
    out.add(line, claims)


def _authors(values: dict[str, _Value], key: str, line: int, claims: list[tuple[str, object, int]],
             out: ReaderOutput) -> None:
    author = values.get("author")
    if author is None:
        out.report(line, "no-author", f"entry {key!r} has no author field")
        return
    names, complete = _names(author.text)
    if not names:
        out.report(author.line, "no-author", f"entry {key!r}: the author field names nobody")
        return
    claims.append(("authors", names, author.line))
    if complete:
        claims.append(("authors_count", len(names), author.line))


def _date(values: dict[str, _Value], key: str, line: int, claims: list[tuple[str, object, int]],
          out: ReaderOutput) -> None:
    year, month = values.get("year"), values.get("month")
    if year is None:
        out.report(line, "no-year", f"entry {key!r} has no year field")
        if month is not None:
            claims.append(("month", fields.collapse(month.text), month.line))
        return
    found = fields.year_of(year.text)
    if found is None:
        out.report(year.line, "bad-year", f"entry {key!r}: year {year.text!r} is not a year; kept as year_text")
        claims.append(("year_text", fields.collapse(year.text), year.line))
        if month is not None:
            claims.append(("month", fields.collapse(month.text), month.line))
        return
    number = fields.month_number(month.text.strip("{} ")) if month is not None else None
    if month is not None and number is None:
        out.report(month.line, "bad-month", f"entry {key!r}: month {month.text!r} is not a month; kept as text")
        claims.append(("month", fields.collapse(month.text), month.line))
    claims.append(("date", f"{found}-{number:02d}" if number else found, year.line))


def _identifiers(values: dict[str, _Value], key: str, claims: list[tuple[str, object, int]], out: ReaderOutput) -> None:
    """arXiv id, DOI, links and primary class, from every field that states them."""
    arxiv: tuple[str, int] | None = None
    prefix = (values.get("archiveprefix") or values.get("eprinttype") or _Value("", 0)).text.strip("{} ").lower()
    eprint = values.get("eprint")
    if eprint is not None:
        found = fields.arxiv_id(eprint.text)
        if found and (prefix in ("arxiv", "") or eprint.text.strip().lower().startswith("arxiv:")):
            arxiv = (found, eprint.line)
        else:
            claims.append(("eprint", fields.collapse(eprint.text), eprint.line))
    for name in ("arxiv", "arxivid", "journal", "booktitle", "note", "howpublished"):
        if arxiv is None and name in values:
            found = fields.arxiv_id(values[name].text)
            if found:
                arxiv = (found, values[name].line)
    links: list[tuple[Link, int]] = []
    for name in ("url", "howpublished", "note"):
        if name not in values:
            continue
        value = values[name]
        made_any = False
        for url in _urls(value.text):
            made = fields.link(url)
            if made is None:
                continue
            made_any = True
            from_arxiv = fields.arxiv_from_url(made.url)
            if from_arxiv and arxiv is None:
                arxiv = (from_arxiv, value.line)
            if from_arxiv is None:
                links.append((made, value.line))
        if name == "url" and not made_any:
            out.report(value.line, "bad-value", f"entry {key!r}: url {value.text!r} holds no http(s) link; "
                                                "kept as url_text")
            claims.append(("url_text", fields.collapse(value.text), value.line))
        rest = fields.collapse(_URL_MACRO_RE.sub("", value.text)) if name != "url" else ""
        if rest:
            claims.append((name, rest, value.line))
    if arxiv is not None:
        claims.append(("arxiv", arxiv[0], arxiv[1]))
    for name in ("arxiv", "arxivid"):
        # an arxiv field that is not where the id came from is kept, under a name that is not declared
        if name in values and (arxiv is None or arxiv[1] != values[name].line):
            claims.append((f"{name}_text" if name == "arxiv" else name, fields.collapse(values[name].text),
                           values[name].line))
    for name in ("archiveprefix", "eprinttype"):
        if name in values and not (arxiv is not None and prefix == "arxiv"):
            claims.append((name, fields.collapse(values[name].text), values[name].line))
    if links:
        claims.append(("links", tuple(dict.fromkeys(link for link, _ in links)), links[0][1]))
    if "doi" in values:
        found = fields.doi(values["doi"].text)
        if found:
            claims.append(("doi", found, values["doi"].line))
        else:
            out.report(values["doi"].line, "bad-value", f"entry {key!r}: doi {values['doi'].text!r} is not a DOI; "
                                                        "kept as doi_text")
            claims.append(("doi_text", fields.collapse(values["doi"].text), values["doi"].line))
    if "primaryclass" in values:
        claims.append(("categories", (fields.collapse(values["primaryclass"].text),), values["primaryclass"].line))
