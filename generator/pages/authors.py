"""The authors index: one page per initial of the family name, each author with their papers."""

from __future__ import annotations

from .. import identity, urls
from ..render import Site


def pages(site: Site) -> dict[str, str]:
    if not site.views.authors:
        return {}
    grouped = identity.authors_by_page(site.views.authors)
    out = {urls.AUTHORS: site.render("authors.md.j2", urls.AUTHORS, pages=grouped)}
    for group in grouped:
        out[group.page] = site.render("authors_page.md.j2", group.page, group=group, pages=grouped)
    return out
