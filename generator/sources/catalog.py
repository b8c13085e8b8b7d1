"""Which files are sources, and what ``content/sources.yml`` says about them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..content import ContentFiles
from ..diagnostics import Diagnostic
from ..inventory import id_problem
from ..model import Collection
from ..yamlfile import load
from . import READERS

CATALOG = "sources.yml"
_KEYS = {"id", "title", "description", "captured"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class SourceFile:
    path: str  # relative to content/
    format: str
    collection: Collection


def _valid_date(value: str) -> bool:
    if not _DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _default_title(path: str) -> str:
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return f"Capture {stem}"


def _default_id(path: str) -> str:
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
    cid = re.sub(r"[^a-z0-9]+", "-", stem).strip("-")[:80].strip("-") or "source"
    return f"{cid}-source" if id_problem(cid) else cid  # "con" is a reserved name


def discover(content: ContentFiles) -> tuple[list[SourceFile], list[Diagnostic]]:
    """Every readable source under ``sources/<format>/``, with its collection metadata."""
    diags: list[Diagnostic] = []
    meta: dict[str, dict[str, str]] = {}
    meta_lines: dict[str, int] = {}
    shown = content.display(CATALOG)
    if CATALOG in content:
        located, found = load(content[CATALOG], shown)
        diags.extend(found)
        data = located.data if located else None
        if located and data is not None:
            entries = data.get("sources") if isinstance(data, dict) else None
            if not isinstance(entries, dict):
                diags.append(Diagnostic(shown, located.line(), "error", "schema",
                                        "expected a mapping 'sources:' of file path -> metadata"))
                entries = {}
            for rel, fields in entries.items():
                line = located.line("sources", rel)
                if not isinstance(fields, dict):
                    diags.append(Diagnostic(shown, line, "error", "schema", f"{rel}: expected a mapping"))
                    continue
                clean: dict[str, str] = {}
                for key, value in fields.items():
                    kline = located.line("sources", rel, key)
                    if key not in _KEYS:
                        diags.append(Diagnostic(shown, kline, "warning", "unknown-key",
                                                f"{rel}: unknown key {key!r} (expected one of {', '.join(sorted(_KEYS))})"))
                        continue
                    if not isinstance(value, str):
                        diags.append(Diagnostic(shown, kline, "error", "schema", f"{rel}: {key} must be text"))
                        continue
                    if key == "captured" and not _valid_date(value):
                        diags.append(Diagnostic(shown, kline, "error", "schema",
                                                f"{rel}: captured must be a date YYYY-MM-DD, got {value!r}"))
                        continue
                    if key == "id" and id_problem(value.strip()):
                        # ids become file names, link targets and nav entries: the default id is used
                        diags.append(Diagnostic(shown, kline, "error", "schema",
                                                f"{rel}: id {value!r} is not allowed: {id_problem(value.strip())}"))
                        continue
                    clean[key] = value.strip()
                meta[str(rel)] = clean
                meta_lines[str(rel)] = line
    found_paths: list[SourceFile] = []
    seen_ids: dict[str, str] = {}
    for fmt, (suffixes, _reader) in sorted(READERS.items()):
        for rel in content.under(f"sources/{fmt}"):
            if not rel.endswith(suffixes):
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
                title=info.get("title") or _default_title(rel),
                path=rel,
                description=info.get("description"),
                captured=info.get("captured"),
            )))
    for rel in sorted(set(meta) - {s.path for s in found_paths}):
        diags.append(Diagnostic(shown, meta_lines[rel], "warning", "missing-source",
                                f"{rel} is described here but no such source file exists"))
    return found_paths, diags
