"""A page per topic: where it sits in the tree, its papers per year, and a comparison table that filters.

With a memo, a page whose inputs are unchanged is the text the last run rendered (``remember.py``):
after one paper changes, only the topics that list it are rendered again.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import urls
from ..memo import as_text, decoded
from ..model import Paper, Topic
from ..render import Site
from . import charts, listing
from .remember import Remembered, Zipped

MEMO = "topic-pages"  # the memo object: {digest of a page's inputs: its text}
DRAWINGS = "topic-page-charts"  # memo table: digest of a page's inputs -> keys of the chart drawings it shows


def pages(site: Site) -> Iterator[tuple[str, str | Zipped]]:
    views = site.views
    remembered = Remembered(site, MEMO, charts.drawing_inputs() if site.memo is not None else None)
    for topic in site.corpus.topics:
        here = urls.topic(topic.id)
        papers = listing.newest_first(views.topic_papers[topic.id])
        key = remembered.key(page_inputs(site, topic, here, papers))
        text: str | Zipped | None = remembered.get(key)
        drawings = _drawings(site, key) if text is not None else None
        # the page's chart drawings are kept for the next run that renders it (drawing is slow)
        if text is not None and drawings is not None and all(charts.keep(site.memo, d) for d in drawings):
            views.fragment(topic.intro)  # what rendering does besides the text: the intro goes to fragments.json
        else:
            used: list[str] = []
            text = remembered.put(key, here, site.render(
                "topic.md.j2", here, topic=topic, papers=papers, row_marker=listing.row_marker,
                code_link=listing.code_link, feed=urls.feed(topic.id),
                exports=[(fmt, urls.export(fmt, topic.id)) for fmt in urls.EXPORT_FORMATS],
                charts=charts.topic_charts(site, topic.id, here, used)))
            if site.memo is not None and key:
                site.memo.put(DRAWINGS, key, used)
        yield here, text
    remembered.save()


def _drawings(site: Site, key: str) -> list[str] | None:
    """The chart drawings a remembered page shows, or None when the memo no longer says (render it again)."""
    if site.memo is None:
        return None
    stored = site.memo.get(DRAWINGS, key)
    if not isinstance(stored, list):
        return None
    found = [decoded(as_text, k) for k in stored]
    return [k for k in found if k is not None] if None not in found else None


def page_inputs(site: Site, topic: Topic, here: str, papers: list[Paper]) -> tuple[Any, ...]:
    """Everything a topic page shows besides the site-wide inputs (``Remembered``): the topic (its intro
    included), its place in the tree with the titles and paper counts shown there, its related topics,
    and each of its papers in table order (every field but the note's body, which only paper pages show).

    The charts are drawn from the same papers; the table's columns and the links are the code's.
    """
    views = site.views
    return (topic, here,
            [(t.id, t.title) for t in views.ancestors(topic.id)],
            [(k.id, k.title, len(views.topic_papers.get(k.id, ()))) for k in views.children(topic.id)],
            [(rid, t.title if (t := views.topics.get(rid)) else None) for rid in topic.related],
            views.listed_digests(papers))
