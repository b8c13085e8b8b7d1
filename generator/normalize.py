"""Identity, ids and merging: many ``Entry``s become one ``Paper`` each, with provenance."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict

from .diagnostics import Diagnostic
from .links import extract_links
from .model import Entry, Paper, SourceRef

_SLUG_MAX = 48
_MERGED_FIELDS = ("abstract", "authors_count", "org", "date", "upvotes")


def title_key(title: str) -> str:
    """Identity of a title: NFC, case-folded, letters and digits only (space and punctuation ignored)."""
    text = unicodedata.normalize("NFC", title).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def slugify(text: str, max_len: int = _SLUG_MAX) -> str:
    """ASCII, lowercase, hyphen-separated, cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_len:
            break
        slug = candidate
    return slug or (words[0][:max_len] if words else "paper")


def paper_id(title: str, digits: int = 4) -> str:
    """``<slug>-<hash>``: depends on this title alone, so adding other papers never changes it."""
    digest = hashlib.blake2b(title_key(title).encode("utf-8"), digest_size=8).hexdigest()
    return f"{slugify(title)}-{digest[:digits]}"


def assign_ids(keys_to_titles: dict[str, str]) -> dict[str, str]:
    """An id for every identity key; the rare full collision lengthens the hash for those papers only."""
    ids: dict[str, str] = {}
    by_id: dict[str, list[str]] = defaultdict(list)
    for key, title in keys_to_titles.items():
        by_id[paper_id(title)].append(key)
    for pid, keys in by_id.items():
        if len(keys) == 1:
            ids[keys[0]] = pid
        else:
            for key in keys:
                ids[key] = paper_id(keys_to_titles[key], digits=16)
    return ids


def merge(entries: list[Entry]) -> tuple[tuple[Paper, ...], list[Diagnostic]]:
    """Group entries by title identity; the first source (by path, line) states each field."""
    diags: list[Diagnostic] = []
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in sorted(entries, key=lambda e: (e.source.path, e.source.line)):
        key = title_key(entry.title)
        if not key:
            diags.append(Diagnostic(entry.source.path, entry.source.line, "warning", "empty-title",
                                    "an entry whose title has no letters or digits; skipped"))
            continue
        groups[key].append(entry)
    ids = assign_ids({key: group[0].title for key, group in groups.items()})
    papers: list[Paper] = []
    for key, group in groups.items():
        first = group[0]
        values: dict[str, object] = {}
        provenance: list[tuple[str, SourceRef]] = [("title", first.source)]
        for name in _MERGED_FIELDS:
            for entry in group:
                value = getattr(entry, name)
                if value is None:
                    continue
                if name not in values:
                    values[name] = value
                    provenance.append((name, entry.source))
                elif value != values[name] and name != "upvotes":
                    # upvotes grow between captures; other fields disagreeing deserve a look
                    diags.append(Diagnostic(entry.source.path, entry.source.line, "info", "conflicting-field",
                                            f"{name} differs from {first.source.path}:{first.source.line}; "
                                            "keeping the first"))
        sources = tuple(sorted({e.source for e in group}))
        abstract = values.get("abstract")
        papers.append(Paper(
            id=ids[key],
            title=first.title,
            abstract=abstract if isinstance(abstract, str) else None,
            sources=sources,
            authors_count=_int_or_none(values.get("authors_count")),
            org=_str_or_none(values.get("org")),
            date=_str_or_none(values.get("date")),
            upvotes=_int_or_none(values.get("upvotes")),
            links=extract_links(abstract if isinstance(abstract, str) else None),
            provenance=tuple(provenance),
        ))
    papers.sort(key=lambda p: p.id)
    return tuple(papers), diags


def _int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) else None


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None
