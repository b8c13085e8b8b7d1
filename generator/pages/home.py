"""The home page: what the survey covers, its counts and growth, topics as cards, what is new, what is cited."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .. import urls
from ..model import Paper
from ..render import Site
from . import charts, collection, listing

RECENT = 8
METHODS = 10


@dataclass(frozen=True)
class Method:
    """A method name other papers use, with the paper that introduces it."""

    name: str
    paper: Paper
    mentioned_by: int  # distinct papers


def most_mentioned(site: Site, limit: int = METHODS, least: int = 2) -> list[Method]:
    """The methods named by the most other papers (at least ``least``), most first (ties by name)."""
    out = []
    for target, mentions in site.views.incoming.items():
        paper = site.corpus.by_id.get(target)
        if paper is None:
            continue
        names = Counter(m.name for m in mentions)
        name = min(names, key=lambda n: (-names[n], n))
        by = len({m.source for m in mentions})
        if by >= least:
            out.append(Method(name, paper, by))
    return sorted(out, key=lambda m: (-m.mentioned_by, m.name.casefold(), m.paper.id))[:limit]


@dataclass(frozen=True)
class Counts:
    papers: int
    topics: int
    collections: int
    with_code: int
    with_arxiv: int
    first_year: int | None
    last_year: int | None


def counts(site: Site) -> Counts:
    years = [p.year for p in site.papers if p.year]
    return Counts(len(site.papers), len(site.corpus.topics), len(site.corpus.collections),
                  sum(1 for p in site.papers if p.code_links), sum(1 for p in site.papers if p.arxiv_id),
                  min(years) if years else None, max(years) if years else None)


def by_date(recent: list[tuple[str, Paper]]) -> list[tuple[str, list[Paper]]]:
    """Recently added papers grouped under the date they entered, newest date first."""
    groups: dict[str, list[Paper]] = {}
    for when, paper in recent:
        groups.setdefault(when, []).append(paper)
    return list(groups.items())


def pages(site: Site) -> dict[str, str]:
    collections = site.views.collections_by_id()
    here = urls.HOME
    return {here: site.render(
        "home.md.j2", here, counts=counts(site), chart=charts.per_year_chart(list(site.papers), "Papers", site.memo),
        recent=by_date(listing.recently_added(site.papers, collections)[:RECENT]), methods=most_mentioned(site),
        collection_counts=collection.counts(site.corpus), feed=urls.feed(),
        exports=[(fmt, urls.export(fmt)) for fmt in urls.EXPORT_FORMATS])}
