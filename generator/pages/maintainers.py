"""What needs a curator's attention; linked from the footer, not from the readers' navigation."""

from __future__ import annotations

from .. import urls
from ..render import Site


def pages(site: Site) -> dict[str, str]:
    unsorted = site.views.unsorted() if site.corpus.topics else []
    return {urls.MAINTAINERS: site.render("maintainers.md.j2", urls.MAINTAINERS, unsorted=unsorted)}
