"""What the table-like readers share: turning a source's text into declared field values.

Each helper takes text as a source writes it and returns the declared form (``records.FIELDS``)
or ``None`` when the text does not hold one; readers decide what to report. Nothing here
cleans LaTeX or normalizes venues and names: ``normalize`` does that for every source.
"""

from __future__ import annotations

import re
from calendar import monthrange
from urllib.parse import urlsplit

from ..links import classify, clean_url
from ..model import Link
from ..records import FIELDS

# New-style ids (0704.0001 on) and old-style archive/YYMMNNN ids, each with an optional version.
_ARXIV_NEW = r"\d{4}\.\d{4,5}"
_ARXIV_OLD = r"[a-z][a-z-]*(?:\.[A-Z]{2})?/\d{7}"
_ARXIV_ID_RE = re.compile(rf"^(?:arxiv:\s*)?({_ARXIV_NEW}|{_ARXIV_OLD})(?:v\d+)?$", re.IGNORECASE)
# "arXiv preprint arXiv:1810.04805", "arXiv: 1610.09639", "CoRR abs/1810.04805"
_ARXIV_IN_TEXT_RE = re.compile(
    rf"(?:\barxiv\s*:\s*|\bcorr\b[^/]{{0,20}}abs/)({_ARXIV_NEW}|{_ARXIV_OLD})(?:v\d+)?\b", re.IGNORECASE
)
_ARXIV_HOSTS = {"arxiv.org", "www.arxiv.org", "export.arxiv.org"}
_ARXIV_PATH_RE = re.compile(rf"^/(?:abs|pdf|html|format)/({_ARXIV_NEW}|{_ARXIV_OLD})(?:v\d+)?(?:\.pdf)?/?$", re.IGNORECASE)
_DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
_DOI_PREFIX_RE = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december"]
_ISO_DATE_RE = re.compile(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T ].*)?$")
_EXTRA_NAME_RE = re.compile(r"[^a-z0-9_.+-]+")
# "et al.", "others", "and others", "..." close an author list without naming anyone
_ET_AL = {"others", "et al", "et al.", "etal", "...", "…"}


def collapse(text: str) -> str:
    """Unfold hard line breaks and runs of spaces into single spaces."""
    return " ".join(text.split())


def arxiv_id(text: str) -> str | None:
    """The bare arXiv id (no version) that ``text`` is or names: an id, ``arXiv:…``, or an arxiv.org URL."""
    text = text.strip()
    m = _ARXIV_ID_RE.match(text)
    if m:
        return _canonical_arxiv(m.group(1))
    if "://" in text or text.lower().startswith(("arxiv.org/", "www.arxiv.org/")):
        return arxiv_from_url(text)
    m = _ARXIV_IN_TEXT_RE.search(text)
    return _canonical_arxiv(m.group(1)) if m else None


def arxiv_from_url(url: str) -> str | None:
    """The arXiv id of an arxiv.org abstract, PDF or HTML URL; None for any other URL."""
    url = url.strip()
    if "://" not in url:
        url = "https://" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.netloc.lower() not in _ARXIV_HOSTS:
        return None
    m = _ARXIV_PATH_RE.match(parts.path)
    return _canonical_arxiv(m.group(1)) if m else None


def _canonical_arxiv(found: str) -> str:
    # old-style archive names are lower-case ("hep-th/9901001"); the subject class keeps its case
    return found if "/" not in found else found[: found.index("/")].lower() + found[found.index("/") :]


def doi(text: str) -> str | None:
    """The DOI ``text`` holds, lower-cased and without a ``https://doi.org/`` or ``doi:`` prefix."""
    value = _DOI_PREFIX_RE.sub("", text.strip()).strip()
    return value.lower() if _DOI_RE.match(value) else None


def link(url: str, kind: str | None = None) -> Link | None:
    """A cleaned http(s) link, classified by host unless the source says what it is (``kind``)."""
    cleaned = clean_url(url.strip()) if url and url.strip() else None
    if cleaned is None:
        return None
    return Link(cleaned, kind or classify(cleaned))


def month_number(text: str) -> int | None:
    """1-12 for a month name, abbreviation ("Sept.") or number; None otherwise."""
    value = text.strip().rstrip(".").lower()
    if value.isdigit():
        number = int(value)
        return number if 1 <= number <= 12 else None
    if len(value) >= 3:
        for i, name in enumerate(_MONTH_NAMES, 1):
            if name.startswith(value) or (value == "sept" and i == 9):
                return i
    return None


def year_of(text: str) -> str | None:
    """The four-digit year ``text`` is (``2019``, ``{2019}``, `` 2019 ``); None for anything else."""
    value = text.strip().strip("{}").strip()
    return value if re.fullmatch(r"1[5-9]\d\d|20\d\d|2100", value) else None


def iso_date(text: str) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD from an ISO-like date (``2024-05-28``, ``2024/5``, ``2024``); None if invalid."""
    m = _ISO_DATE_RE.match(text.strip())
    if not m or year_of(m.group(1)) is None:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    if month is None:
        return year
    if not 1 <= int(month) <= 12:
        return None
    if day is None:
        return f"{year}-{int(month):02d}"
    if not 1 <= int(day) <= monthrange(int(year), int(month))[1]:
        return None
    return f"{year}-{int(month):02d}-{int(day):02d}"


def split_names(text: str) -> tuple[tuple[str, ...], bool]:
    """Author names from a free-text list, and whether the list is complete (no "et al.").

    The rule, in order: ``;`` separates names if present ("Li, Wei; Doe, Jane"); otherwise
    ``" and "`` and ``,`` both separate ("A, B and C"), except that a comma inside one
    "and"-part whose both sides are single words is "Family, Given" ("Smith, John and Doe, Jane").
    A lone "Family, Given" (two single words around one comma) is one name. "et al.", "others"
    and "..." end the list and mark it incomplete. Each "Family, Given" becomes "Given Family".
    """
    text = collapse(text).strip(" .;,")
    if not text:
        return (), True
    if ";" in text:
        parts = [p for p in text.split(";")]
    else:
        parts = []
        for chunk in re.split(r"\s+and\s+|\s*&\s*", text, flags=re.IGNORECASE):
            pieces = [p.strip() for p in chunk.split(",")]
            if len(pieces) == 2 and all(p and " " not in p for p in pieces) and not _is_et_al(pieces[1]):
                parts.append(chunk)  # "Family, Given"
            else:
                parts.extend(pieces)
    names: list[str] = []
    complete = True
    for part in parts:
        name = collapse(part).strip(" .,")
        if not name:
            continue
        if _is_et_al(name):
            complete = False
            continue
        m = re.match(r"^(.*?)\s+et\.?\s*al\.?$", name, re.IGNORECASE)
        if m:
            complete = False
            name = m.group(1).strip()
        if name.count(",") == 1:
            family, given = (s.strip() for s in name.split(","))
            name = f"{given} {family}".strip()
        names.append(name)
    return tuple(names), complete


def _is_et_al(text: str) -> bool:
    return text.strip().lower().rstrip(".") in {s.rstrip(".") for s in _ET_AL}


def extra_name(header: str) -> str:
    """A source's own field or column name as a claim name: lower-cased, spaces to underscores."""
    name = "_".join(header.strip().lower().split())
    return _EXTRA_NAME_RE.sub("", name)


def coerce(name: str, value: str) -> tuple[object | None, str | None]:
    """``value`` in the type ``FIELDS`` declares for ``name``: (value, None) or (None, why not).

    Undeclared names keep their text. Readers call this for fields they do not map themselves,
    so a BibTeX ``keywords`` or a CSV ``stars`` column becomes a claim of the declared type.
    """
    value = collapse(value)
    declared = FIELDS.get(name)
    if declared is None or declared[0] is str:
        if name == "arxiv":
            found = arxiv_id(value)
            return (found, None) if found else (None, f"{value!r} is not an arXiv id")
        if name == "doi":
            found = doi(value)
            return (found, None) if found else (None, f"{value!r} is not a DOI")
        if name in ("date", "updated"):
            found = iso_date(value)
            return (found, None) if found else (None, f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        return value, None
    if declared[0] is int:
        digits = value.replace(",", "")
        return (int(digits), None) if digits.isdigit() else (None, f"{value!r} is not a whole number")
    if name == "authors":
        names, _ = split_names(value)
        return names, None
    if name == "links":
        links = tuple(made for url in value.split() if (made := link(url)) is not None)
        return (links, None) if links else (None, f"{value!r} holds no http(s) link")
    items = tuple(item for item in (collapse(p) for p in re.split(r"[;,]", value)) if item)
    return items, None
