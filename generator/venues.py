"""Venue names in one form: "NIPS", "Proc. NeurIPS" and "Advances in Neural Information Processing Systems" are NeurIPS.

``normalize_venue`` reads a venue as a source writes it (``ICML'23``, ``SOSP' 24``, ``Proceedings of the IEEE
Conference on Computer Vision and Pattern Recognition (CVPR)``, ``arXiv preprint arXiv:2307.08691``) and
returns its canonical short name, the year when the text states one, and the text to show. A venue it does
not know comes back cleaned of stray whitespace and punctuation but otherwise as written: it never guesses.

The alias table is data, ``generator/data/venues.yml``: canonical name -> other spellings, plus the
abbreviations expanded and the filler words ignored before matching. A survey extends it without code:
put a ``venues.yml`` of the same shape (just a ``venues:`` mapping is enough) in its content, read the text
with ``io`` and pass ``aliases_from_yaml(text)`` merged over ``default_aliases()`` as ``aliases=``; its
entries win over the bundled ones.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class Venue:
    """A venue: canonical ``name`` ("NeurIPS", "arXiv", or the cleaned text), ``year`` if stated, ``display``."""

    name: str
    year: int | None
    display: str


@dataclass(frozen=True)
class Aliases:
    """Matching key -> canonical name, with the abbreviations and ignored words the keys were made with."""

    names: Mapping[str, str]
    abbreviations: Mapping[str, str]
    ignore: frozenset[str]


_ORDINAL_WORDS = (r"(?:twenty|thirty|forty|fifty|sixty)?-?(?:first|second|third|fourth|fifth|sixth|seventh|"
                  r"eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
                  r"eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth)")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_SHORT_YEAR = re.compile(r"['’‘`]\s?(\d\d)(?!\d)")  # ICML'23, SOSP' 24


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


def _key(text: str, abbreviations: Mapping[str, str], ignore: frozenset[str]) -> str:
    """The matching form: folded, years, ordinals and punctuation out, abbreviations expanded, filler dropped."""
    text = _fold(text).replace("&", " and ")
    text = _SHORT_YEAR.sub(" ", text)
    text = re.sub(r"(?:19|20)\d\d", " ", text)  # also glued: "ICML2023"
    text = re.sub(r"(?<=[a-z])-\d{1,3}\b", " ", text)  # edition: "MICRO-56"
    text = re.sub(r"\b\d+(?:st|nd|rd|th)\b|\b" + _ORDINAL_WORDS + r"\b", " ", text)
    words = (abbreviations.get(w, w) for w in re.split(r"[^a-z0-9]+", text) if w)
    return " ".join(w for w in words if w not in ignore)


def aliases_from_yaml(text: str) -> tuple[Aliases, list[str]]:
    """Parse a venue table (``venues:``, optional ``abbreviations:`` and ``ignore:``); problems as messages."""
    problems: list[str] = []
    try:
        data: Any = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        return Aliases({}, {}, frozenset()), [f"not YAML: {exc}"]
    venues, abbreviations, ignore = (data.get(k) if isinstance(data, dict) else None
                                     for k in ("venues", "abbreviations", "ignore"))
    if not isinstance(venues, dict) or not isinstance(abbreviations or {}, dict) or not isinstance(ignore or [], list):
        return Aliases({}, {}, frozenset()), ["expected 'venues' (and optional 'abbreviations') as mappings, "
                                              "'ignore' as a list"]
    abbreviations = {str(k).lower(): str(v).lower() for k, v in (abbreviations or {}).items()}
    ignore = frozenset(str(w).lower() for w in ignore or ())
    names: dict[str, str] = {}
    for canonical, spellings in venues.items():
        if not isinstance(spellings, list):
            problems.append(f"venue {canonical!r}: expected a list of spellings")
            continue
        for spelling in [canonical, *spellings]:
            key = _key(str(spelling), abbreviations, ignore)
            if not key:
                problems.append(f"venue {canonical!r}: {spelling!r} has no words left to match")
            elif names.setdefault(key, str(canonical)) != canonical:
                problems.append(f"{spelling!r} is both {names[key]!r} and {canonical!r}")
    return Aliases(names, abbreviations, ignore), problems


@cache
def default_aliases() -> Aliases:
    """The bundled table (``generator/data/venues.yml``)."""
    text = resources.files("generator").joinpath("data", "venues.yml").read_text(encoding="utf-8")
    return aliases_from_yaml(text)[0]


# "arXiv preprint arXiv:2307.08691", "CoRR abs/1510.00149", "arXiv: 1610.09639", "arXiv:cs/0601001v2"
_ARXIV_NEW = re.compile(r"(?<![\d.])((\d\d)(0[1-9]|1[0-2])\.\d{4,5})(?:v\d+)?(?![\d])")
_ARXIV_OLD = re.compile(r"(?<![\w/.-])([a-z][a-z-]*(?:\.[A-Z]{2})?/(\d\d)(?:0[1-9]|1[0-2])\d{3})(?:v\d+)?(?!\d)")
_ARXIV_VENUE = re.compile(r"\barxiv\b|\bcorr\b|\babs/", re.IGNORECASE)


def arxiv_id_in(raw: str) -> str | None:
    """The arXiv id (without version) a venue or journal field names, e.g. ``arXiv preprint arXiv:2307.08691``."""
    if not _ARXIV_VENUE.search(raw):
        return None
    found = _ARXIV_NEW.search(raw) or _ARXIV_OLD.search(raw)
    return found[1] if found else None


def _clean(raw: str) -> str:
    text = re.sub(r"\s+", " ", raw.replace("{", "").replace("}", "")).strip()
    return text.strip(" \t.,;:-–—*_\"'“”").strip()


def _year(text: str) -> int | None:
    if m := _YEAR.search(text):
        return int(m[1])
    if m := _SHORT_YEAR.search(text):
        two = int(m[1])
        return 2000 + two if two < 70 else 1900 + two
    return None


def _venue(name: str, year: int | None) -> Venue:
    return Venue(name, year, f"{name} {year}" if year else name)


# Words after a venue name that still mean that venue ("ACL 2025 Industry Track", "ICLR 2024 Spotlight").
_TRACK_WORDS = frozenset(("track", "industry", "main", "oral", "poster", "spotlight", "long", "short", "paper", "papers"))


def normalize_venue(raw: str, aliases: Aliases | None = None) -> Venue | None:
    """Canonical venue for a venue, booktitle or journal string; ``None`` for empty text."""
    table = aliases or default_aliases()
    text = _clean(raw)
    if not re.search(r"[^\W_]", text):
        return None
    if _ARXIV_VENUE.search(text):
        year = _year(text)
        found = arxiv_id_in(text)
        if found and year is None:
            yy = int(found.split("/")[-1][:2])  # the id's YYMM is when it was submitted
            year = 2000 + yy if yy < 90 else 1900 + yy
        return _venue("arXiv", year)
    year = _year(text)
    key = _key(text, table.abbreviations, table.ignore)
    if key in table.names:
        return _venue(table.names[key], year)
    # "Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition (CVPR)"
    for inner in re.findall(r"\(([^()]{2,40})\)", text):
        inner_key = _key(inner, table.abbreviations, table.ignore)
        if inner_key in table.names:
            return _venue(table.names[inner_key], year or _year(inner))
    words = key.split()
    for cut in range(len(words) - 1, 0, -1):
        head, tail = " ".join(words[:cut]), set(words[cut:])
        if head in table.names and tail <= _TRACK_WORDS:
            return _venue(table.names[head], year)
    m = re.fullmatch(r"(.*?)[\s'’]+((?:19|20)\d\d)", text)
    return Venue(m[1], int(m[2]), text) if m else Venue(text, None, text)
