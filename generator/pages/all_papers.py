"""Every paper on one page: year, venue, code and topics, sortable and filterable."""

from __future__ import annotations

from .. import urls
from ..render import Site
from . import listing


def pages(site: Site) -> dict[str, str]:
    if not site.papers:
        return {}
    here = urls.ALL_PAPERS
    return {here: site.render("all_papers.md.j2", here, papers=listing.newest_first(site.papers),
                              row_marker=listing.row_marker, code_link=listing.code_link,
                              exports=[(fmt, urls.export(fmt)) for fmt in urls.EXPORT_FORMATS])}
