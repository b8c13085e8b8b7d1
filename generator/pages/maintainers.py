"""What needs a curator's attention; linked from the footer, not from the readers' navigation."""

from __future__ import annotations

from .. import urls
from ..render import Site
from ..sources import FORMATS


def pages(site: Site) -> dict[str, str]:
    unsorted = site.views.unsorted() if site.corpus.topics else []
    collections = {c.id: c for c in site.corpus.collections}
    return {urls.MAINTAINERS: site.render("maintainers.md.j2", urls.MAINTAINERS, unsorted=unsorted,
                                          collections=collections, format_label=format_label)}


def format_label(name: str) -> str:
    """A source format in words: ``BibTeX file``."""
    return FORMATS[name].label if name in FORMATS else name
