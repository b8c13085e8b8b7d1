"""Which files are sources, and what ``content/sources.yml`` says about them and about precedence."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..content import ContentFiles
from ..diagnostics import Diagnostic
from ..inventory import id_problem
from ..model import Collection
from ..precedence import Precedence
from ..records import FIELDS
from ..yamlfile import Located, load
from . import FORMATS

CATALOG = "sources.yml"
_TEXT_KEYS = {"id", "title", "description", "captured"}
_KEYS = _TEXT_KEYS | {"columns"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class SourceFile:
    path: str  # relative to content/
    format: str
    collection: Collection
    options: Mapping[str, Any] = field(default_factory=dict)  # what sources.yml says beyond the collection


@dataclass(frozen=True)
class Catalog:
    """Every source file found, and the field precedence to merge them by."""

    sources: tuple[SourceFile, ...] = ()
    precedence: Precedence = field(default_factory=Precedence)


def _stem(path: str) -> str:
    return path.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def _default_title(path: str, fmt: str) -> str:
    return f"{FORMATS[fmt].label} {_stem(path)}" if fmt in FORMATS else _stem(path)


def _default_id(path: str) -> str:
    cid = re.sub(r"[^a-z0-9]+", "-", _stem(path).lower()).strip("-")[:80].strip("-") or "source"
    return f"{cid}-source" if id_problem(cid) else cid  # "con" is a reserved name


def _valid_date(value: str) -> bool:
    if not _DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _source_meta(located: Located, rel: str, fields: object, shown: str) -> tuple[dict[str, Any], list[Diagnostic]]:
    """One file's entry under ``sources:``, checked key by key."""
    diags: list[Diagnostic] = []
    line = located.line("sources", rel)
    if not isinstance(fields, dict):
        return {}, [Diagnostic(shown, line, "error", "schema", f"{rel}: expected a mapping")]
    clean: dict[str, Any] = {}
    for key, value in fields.items():
        kline = located.line("sources", rel, key)
        if key not in _KEYS:
            diags.append(Diagnostic(shown, kline, "warning", "unknown-key",
                                    f"{rel}: unknown key {key!r} (expected one of {', '.join(sorted(_KEYS))})"))
        elif key == "columns":
            if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
                diags.append(Diagnostic(shown, kline, "error", "schema",
                                        f"{rel}: columns must map a field name to a column header"))
                continue
            for name in value:
                if name not in FIELDS:
                    diags.append(Diagnostic(shown, located.line("sources", rel, key, name), "warning", "unknown-field",
                                            f"{rel}: columns: {name!r} is not a known field; it is kept as text"))
            clean[key] = dict(value)
        elif not isinstance(value, str):
            diags.append(Diagnostic(shown, kline, "error", "schema", f"{rel}: {key} must be text"))
        elif key == "captured" and not _valid_date(value):
            diags.append(Diagnostic(shown, kline, "error", "schema",
                                    f"{rel}: captured must be a date YYYY-MM-DD, got {value!r}"))
        elif key == "id" and id_problem(value.strip()):
            # ids become file names, link targets and nav entries: the default id is used
            diags.append(Diagnostic(shown, kline, "error", "schema",
                                    f"{rel}: id {value!r} is not allowed: {id_problem(value.strip())}"))
        else:
            clean[key] = value.strip()
    return clean, diags


def _precedence(located: Located, data: object, shown: str) -> tuple[Precedence, list[Diagnostic]]:
    """``precedence:`` — ``default`` and per-field lists of format names."""
    if data is None:
        return Precedence(), []
    line = located.line("precedence")
    if not isinstance(data, dict):
        return Precedence(), [Diagnostic(shown, line, "error", "schema",
                                         "precedence: expected a mapping of field name -> list of formats")]
    diags: list[Diagnostic] = []
    known = {"note", *FORMATS}
    base = Precedence()
    default = base.default
    fields = dict(base.fields)
    for name, order in data.items():
        kline = located.line("precedence", name)
        if name != "default" and name not in FIELDS:
            diags.append(Diagnostic(shown, kline, "warning", "unknown-field",
                                    f"precedence: {name!r} is not a known field (known: {', '.join(sorted(FIELDS))})"))
        if not isinstance(order, list) or not all(isinstance(f, str) for f in order):
            diags.append(Diagnostic(shown, kline, "error", "schema", f"precedence: {name} must be a list of formats"))
            continue
        unknown = [f for f in order if f not in known]
        if unknown:
            diags.append(Diagnostic(shown, kline, "error", "unknown-format",
                                    f"precedence: {name}: unknown format(s) {', '.join(map(repr, unknown))} "
                                    f"(known: {', '.join(sorted(known))})"))
            continue
        if name == "default":
            default = tuple(dict.fromkeys([*order, *base.default]))
        else:
            fields[str(name)] = tuple(dict.fromkeys(order))
    return Precedence(default, fields), diags


def discover(content: ContentFiles) -> tuple[Catalog, list[Diagnostic]]:
    """Every readable source under ``sources/<format>/``, with its collection metadata and options."""
    diags: list[Diagnostic] = []
    meta: dict[str, dict[str, Any]] = {}
    meta_lines: dict[str, int] = {}
    precedence = Precedence()
    shown = content.display(CATALOG)
    if CATALOG in content:
        located, found = load(content[CATALOG], shown)
        diags.extend(found)
        data = located.data if located else None
        if located and data is not None:
            if not isinstance(data, dict):
                diags.append(Diagnostic(shown, located.line(), "error", "schema",
                                        "expected a mapping with 'sources:' (and optionally 'precedence:')"))
                data = {}
            for key in data:
                if key not in ("sources", "precedence"):
                    diags.append(Diagnostic(shown, located.line(key), "warning", "unknown-key",
                                            f"unknown key {key!r} (expected sources, precedence)"))
            entries = data.get("sources", {})
            if not isinstance(entries, dict):
                diags.append(Diagnostic(shown, located.line("sources"), "error", "schema",
                                        "expected a mapping 'sources:' of file path -> metadata"))
                entries = {}
            for rel, fields in entries.items():
                clean, found = _source_meta(located, str(rel), fields, shown)
                diags.extend(found)
                meta[str(rel)] = clean
                meta_lines[str(rel)] = located.line("sources", rel)
            precedence, found = _precedence(located, data.get("precedence"), shown)
            diags.extend(found)
    found_paths: list[SourceFile] = []
    seen_ids: dict[str, str] = {}
    for fmt in sorted(FORMATS):
        for rel in content.under(f"sources/{fmt}"):
            if not rel.endswith(FORMATS[fmt].suffixes):
                continue
            info = meta.get(rel, {})
            cid = info.get("id") or _default_id(rel)
            if cid in seen_ids:
                diags.append(Diagnostic(shown if rel in meta else content.display(rel), meta_lines.get(rel, 0),
                                        "error", "duplicate-collection",
                                        f"collection id {cid!r} is used by {seen_ids[cid]} too"))
                continue
            seen_ids[cid] = rel
            found_paths.append(SourceFile(rel, fmt, Collection(
                id=cid,
                title=info.get("title") or _default_title(rel, fmt),
                path=rel,
                description=info.get("description"),
                captured=info.get("captured"),
                format=fmt,
            ), {k: v for k, v in info.items() if k not in _TEXT_KEYS}))
    for rel in sorted(set(meta) - {s.path for s in found_paths}):
        diags.append(Diagnostic(shown, meta_lines[rel], "warning", "missing-source",
                                f"{rel} is described here but no such source file exists"))
    return Catalog(tuple(found_paths), precedence), diags
