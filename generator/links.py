"""Find, clean and classify the URLs that abstracts carry."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .model import Link

# Hosts that abstracts name without a scheme ("github.com/a/b"); a scheme-less URL elsewhere is
# too ambiguous to link (it is often a file name or a sentence fragment).
_BARE_HOSTS = r"(?:github\.com|gitlab\.com|gitee\.com|bitbucket\.org|huggingface\.co|anonymous\.4open\.science|[\w-]+\.github\.io)"
_URL_RE = re.compile(
    rf"(?:\bhttps?://[^\s<>\"]+|(?<![\w./@-]){_BARE_HOSTS}/[^\s<>\"]*|(?<![\w./@-])[\w-]+\.github\.io\b[^\s<>\"]*)",
    re.IGNORECASE,
)
# A literal every match of _URL_RE holds (its scheme's "://" or a part of its host): most abstracts
# hold none, and testing for them is far cheaper than the lookbehinds of a full scan.
_HINTS = ("://", "github", "gitlab", "gitee", "bitbucket", "huggingface", "4open")
_HINT_RE = re.compile("|".join(re.escape(h) for h in _HINTS), re.IGNORECASE)  # the same case folding as _URL_RE
_TRAILING = ".,;:!?'\"*"
_CODE_HOSTS = {"github.com", "gitlab.com", "gitee.com", "bitbucket.org", "anonymous.4open.science"}
KIND_ORDER = ("code", "project", "model", "dataset", "demo", "paper", "other")
SAFE_SCHEMES = ("http", "https")


def safe_url(url: str | None) -> str | None:
    """The URL if its scheme is on the allowlist and it has a host, else None."""
    if not url:
        return None
    url = url.strip()
    if any(ch in url for ch in "\x00\r\n\t <>\"'`\\"):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES or not parts.netloc:
        return None
    return url


def clean_url(raw: str) -> str | None:
    """Normalize one raw match: scheme, LaTeX leftovers, trailing punctuation, ``.git`` and ``/``."""
    url = raw
    # LaTeX leftovers glued on: "...Diffusion{FasterDiffusion}", "...SPTAG}}", "...CLIP}{{https://...}}"
    url = re.split(r"[{}\\]", url, maxsplit=1)[0]
    while True:
        before = url
        url = url.rstrip(_TRAILING)
        if url.endswith(")") and url.count("(") < url.count(")"):
            url = url[:-1]
        if url.endswith("]") and url.count("[") < url.count("]"):
            url = url[:-1]
        if url.lower().endswith(".git"):
            url = url[:-4]
        url = url.rstrip("/")
        if url == before:
            break
    if not re.match(r"https?://", url, re.IGNORECASE):
        url = "https://" + url
    try:
        parts = urlsplit(url)
    except ValueError:  # "https://[": an unclosed IPv6 bracket is no link
        return None
    host = parts.netloc.lower()
    if not host or "." not in host:
        return None
    url = f"{parts.scheme.lower()}://{host}{parts.path}"
    if parts.query:
        url += f"?{parts.query}"
    return safe_url(url)


def classify(url: str) -> str:
    """code | project | model | dataset | demo | paper | other."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "other"
    host = parts.netloc.lower().removeprefix("www.")
    segments = [s for s in parts.path.split("/") if s]
    if host in _CODE_HOSTS:
        return "code" if len(segments) >= 2 or host == "anonymous.4open.science" else "other"
    if host == "huggingface.co":
        if segments[:1] == ["datasets"]:
            return "dataset"
        if segments[:1] == ["spaces"]:
            return "demo"
        if segments[:1] == ["papers"]:
            return "paper"
        return "model" if len(segments) >= 2 else "other"
    if host in {"arxiv.org", "openreview.net", "aclanthology.org", "doi.org"}:
        return "paper"
    return "project"


def extract_links(text: str | None) -> tuple[Link, ...]:
    """Every distinct cleaned link in ``text``, in order of first appearance."""
    if not text or not _may_hold_link(text):
        return ()
    seen: dict[str, Link] = {}
    for match in _URL_RE.finditer(text):
        url = clean_url(match.group(0))
        if url is None:
            continue
        key = url.lower()
        if key not in seen:
            seen[key] = Link(url=url, kind=classify(url))
    return tuple(seen.values())


def _may_hold_link(text: str) -> bool:
    if text.isascii():  # ASCII folds only within ASCII: lower() is what IGNORECASE compares
        lower = text.lower()
        return any(hint in lower for hint in _HINTS)
    return _HINT_RE.search(text) is not None  # "ſ", "K", "İ" fold as re folds them


def ordered(links: tuple[Link, ...]) -> tuple[Link, ...]:
    """Links for display: code first, then by kind, keeping the text's order within a kind."""
    return tuple(sorted(links, key=lambda link: KIND_ORDER.index(link.kind)))
