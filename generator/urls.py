"""Where every generated page lives: the one owner of page paths and of links between pages.

A page is named by its Markdown path under ``docs/`` (``papers/<id>.md``); MkDocs serves it at a
directory URL (``papers/<id>/``). Templates link with ``link(here, there)``, never by spelling a path.
"""

from __future__ import annotations

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
    rel = posixpath.relpath(there, posixpath.dirname(here) or ".")
    return f"{rel}#{anchor}" if anchor else rel


def site_url(page: str) -> str:
    """The URL path MkDocs gives a page (directory URLs): ``papers/x.md`` -> ``papers/x/``."""
    if page == HOME:
        return ""
    if page.endswith("/index.md"):
        return page[: -len("index.md")]
    return page[: -len(".md")] + "/"
