"""A page per topic: where it sits in the tree, its papers per year, and a comparison table that filters."""

from __future__ import annotations

from .. import urls
from ..render import Site
from . import charts, listing


def pages(site: Site) -> dict[str, str]:
    views = site.views
    out = {}
    for topic in site.corpus.topics:
        here = urls.topic(topic.id)
        papers = listing.newest_first(views.topic_papers[topic.id])
        out[here] = site.render(
            "topic.md.j2", here, topic=topic, papers=papers, row_marker=listing.row_marker,
            code_link=listing.code_link, feed=urls.feed(topic.id),
            exports=[(fmt, urls.export(fmt, topic.id)) for fmt in urls.EXPORT_FORMATS],
            charts=charts.topic_charts(site, topic.id, here))
    return out
