"""What every table of papers shares: the default order, the filter markers, the date a paper entered."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .. import escape
from ..model import Collection, Paper


def newest_first(papers: Iterable[Paper]) -> list[Paper]:
    """Dated papers newest first, then the undated ones by title (a reader scans those by name)."""
    papers = list(papers)
    dated = sorted((p for p in papers if p.date), key=lambda p: (p.date or "", p.id), reverse=True)
    undated = sorted((p for p in papers if not p.date), key=lambda p: (p.title.casefold(), p.id))
    return dated + undated


def row_marker(paper: Paper) -> str:
    """An empty span in a row's first cell telling ``assets/tables.js`` the row's year and whether it has code.

    Markdown tables cannot carry attributes on ``<tr>``; the filter reads them from here.
    """
    year = paper.year or ""
    return f'<span class="survey-row" data-year="{year}" data-code="{1 if paper.code_links else 0}"></span>'


def code_link(paper: Paper) -> str:
    """``[code](url)`` for the paper's first code link with an allowed URL, else empty."""
    for link in paper.code_links:
        url = escape.href(link.url)
        if url:
            return f"[code]({url})"
    return ""


def entered(paper: Paper, collections: Mapping[str, Collection]) -> str | None:
    """The date a paper entered the survey's sources: the earliest capture date among the collections
    that list it, else the paper's own date (YYYY, YYYY-MM or YYYY-MM-DD), else None.

    Feeds and "recently added" order by it; a capture date says when the survey saw the paper, a
    paper's date only when it appeared, so the capture wins when there is one.
    """
    captured = sorted(c.captured for ref in paper.sources if (c := collections.get(ref.collection)) and c.captured)
    return captured[0] if captured else paper.date


def recently_added(papers: Iterable[Paper], collections: Mapping[str, Collection],
                   known: dict[str, str | None] | None = None) -> list[tuple[str, Paper]]:
    """(date entered, paper) for every paper with such a date, newest first; ties by the paper's own date.

    ``known`` keeps each paper's date entered across calls (a feed per topic lists most papers again).
    """
    known = {} if known is None else known
    dated = []
    for p in papers:
        when = known[p.id] if p.id in known else known.setdefault(p.id, entered(p, collections))
        if when:
            dated.append((when, p))
    return sorted(dated, key=lambda wp: (wp[0], wp[1].date or "", wp[1].id), reverse=True)
