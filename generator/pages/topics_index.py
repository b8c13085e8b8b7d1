"""The topic tree on one page, each topic with its paper count."""

from __future__ import annotations

from .. import urls
from ..render import Site


def pages(site: Site) -> dict[str, str]:
    if not site.corpus.topics:
        return {}
    return {urls.TOPICS: site.render("topics.md.j2", urls.TOPICS)}
