"""Where every generated page lives: the one owner of page paths and of links between pages.

A page is named by its Markdown path under ``docs/`` (``papers/<id>.md``); MkDocs serves it at a
directory URL (``papers/<id>/``). Templates link with ``link(here, there)``, never by spelling a path.
"""

from __future__ import annotations

import functools
import hashlib
import posixpath
import re
import unicodedata

HOME = "index.md"
GLOSSARY = "glossary.md"
MAINTAINERS = "maintainers.md"
TOPICS = "topics/index.md"
AUTHORS = "authors/index.md"


def paper(paper_id: str) -> str:
    return f"papers/{paper_id}.md"


def topic(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def collection(collection_id: str) -> str:
    return f"collections/{collection_id}.md"


def author_letter(name_key: str) -> str:
    """The authors page an author is listed on: ASCII initial of the family name, or ``other``."""
    initial = unicodedata.normalize("NFKD", name_key[:1]).encode("ascii", "ignore").decode("ascii").lower()
    return initial if initial.isalpha() else "other"


def authors_page(letter: str) -> str:
    return f"authors/{letter}.md"


def author_anchor(name_key: str) -> str:
    """A stable, ASCII anchor for one author: slug of the name plus a short hash of its identity key."""
    slug = re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", name_key).encode("ascii", "ignore")
                  .decode("ascii").lower()).strip("-")[:40]
    digest = hashlib.blake2b(name_key.encode("utf-8"), digest_size=3).hexdigest()
    return f"author-{slug}-{digest}" if slug else f"author-{digest}"


def link(here: str, there: str, anchor: str = "") -> str:
    """The relative Markdown link from page ``here`` to page ``there`` (MkDocs resolves .md links)."""
    return _link(posixpath.dirname(here) or ".", there, anchor)


def _link(start: str, there: str, anchor: str) -> str:
    rel = _relpath(there, start)
    return f"{rel}#{anchor}" if anchor else rel


@functools.lru_cache(maxsize=1 << 17)
def _relpath(there: str, start: str) -> str:
    # relpath asks the OS for the working directory on every call; a 10k-paper site makes a million
    # links, but from a few folders to a few thousand pages, so each pair is computed once
    return posixpath.relpath(there, start)


def site_url(page: str) -> str:
    """The URL path MkDocs gives a page (directory URLs): ``papers/x.md`` -> ``papers/x/``."""
    if page == HOME:
        return ""
    if page.endswith("/index.md"):
        return page[: -len("index.md")]
    return page[: -len(".md")] + "/"


# -- pages the registry adds (generator/pages/) -------------------------------------------------------

ALL_PAPERS = "papers/index.md"
CHARTS = "charts.md"
FEEDS = "feeds"
EXPORTS = "exports"
EXPORT_FORMATS = ("bib", "csv", "json", "ris")


def feed(topic_id: str | None = None) -> str:
    """The Atom feed of the whole survey, or of one topic."""
    return f"{FEEDS}/{topic_id}.xml" if topic_id else f"{FEEDS}/survey.xml"


def export(fmt: str, topic_id: str | None = None) -> str:
    """A download of the whole survey, or of one topic, in ``fmt`` (bib, csv, json, ris)."""
    return f"{EXPORTS}/topics/{topic_id}.{fmt}" if topic_id else f"{EXPORTS}/survey.{fmt}"


def served(path: str) -> str:
    """Where a file is served: a page at its directory URL, any other file at its own path."""
    return site_url(path) if path.endswith(".md") else path


def href(here: str, there: str, anchor: str = "") -> str:
    """A relative URL from page ``here`` to ``there`` as the browser resolves it, for raw HTML and SVG.

    Markdown links go through ``link`` (MkDocs checks and rewrites them); a link inside raw HTML is
    left as written, so it must already be the served URL relative to the served page.
    """
    base = served(here)
    folder = base.rstrip("/") if base.endswith("/") or not base else posixpath.dirname(base)
    target = served(there)
    rel = _relpath(target or ".", folder or ".")
    if target.endswith("/") or not target:
        rel = rel.rstrip("/") + "/" if rel != "." else "./"
    return f"{rel}#{anchor}" if anchor else rel


class Linker:
    """Links from one page, for templates: ``to.paper(id)``, ``to.topic(id)``, ``to(path, anchor)``."""

    def __init__(self, here: str) -> None:
        self.here = here
        self._start = posixpath.dirname(here) or "."  # what ``link`` would work out again for every link

    def __call__(self, there: str, anchor: str = "") -> str:
        return _link(self._start, there, anchor)

    def paper(self, paper_id: str, anchor: str = "") -> str:
        return _link(self._start, paper(paper_id), anchor)

    def topic(self, topic_id: str) -> str:
        return _link(self._start, topic(topic_id), "")

    def collection(self, collection_id: str) -> str:
        return _link(self._start, collection(collection_id), "")

    def glossary(self, anchor: str = "") -> str:
        return _link(self._start, GLOSSARY, anchor)

    def html(self, there: str, anchor: str = "") -> str:
        """The served relative URL, for links inside raw HTML."""
        return href(self.here, there, anchor)
