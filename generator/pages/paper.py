"""A page per paper: who wrote it, where to read it, what it reports, how it connects, how to cite it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .. import identity, urls
from ..model import Paper, Topic, TopicAssignment
from ..render import Site
from .remember import Remembered, Zipped

MEMO = "paper-pages"  # the memo object: {digest of a page's inputs: its text}


@dataclass(frozen=True)
class TopicReason:
    """Why a paper is in one topic, in words a reader follows (no scores, no patterns)."""

    topic: Topic
    words: str


def _quoted(phrases: list[str]) -> str:
    marks = [f"“{p}”" for p in phrases]
    return marks[0] if len(marks) == 1 else ", ".join(marks[:-1]) + " and " + marks[-1]


def topic_reason(assignment: TopicAssignment, topic: Topic) -> TopicReason:
    """``its title or abstract uses “kv cache” and “eviction”``; a pattern rule is named as one, not shown."""
    if assignment.curated:
        return TopicReason(topic, "a curator added it to this topic")
    phrases = [e.phrase for e in assignment.evidence if not (e.phrase.startswith("/") and e.phrase.endswith("/"))]
    patterns = len(assignment.evidence) - len(phrases)
    parts = []
    if phrases:
        parts.append(f"its title or abstract uses {_quoted(phrases[:6])}" + (" among other terms" if len(phrases) > 6 else ""))
    if patterns:
        kind = "a wording" if patterns == 1 else "wordings"
        parts.append(f"{'it also has' if phrases else 'its title or abstract has'} {kind} this topic's curators list")
    return TopicReason(topic, "; ".join(parts) or "it matched this topic's rules")


def topic_reasons(paper: Paper, topics: dict[str, Topic]) -> list[TopicReason]:
    return [topic_reason(a, topics[a.topic]) for a in paper.topics if a.topic in topics]


def pages(site: Site) -> Iterator[tuple[str, str | Zipped]]:
    """One page per paper, made as they are taken (``render_site`` packs each before the next); with a
    memo, a page whose inputs are unchanged is the text the last run rendered."""
    collections = site.views.collections_by_id()
    remembered = Remembered(site, MEMO, (sorted(collections.items()),
                                         sorted((t.id, t.title) for t in site.views.topics.values())))
    for paper in site.papers:
        here = urls.paper(paper.id)
        key = remembered.key(page_inputs(site, paper, here))
        text: str | Zipped | None = remembered.get(key)
        if text is not None:
            if paper.note and paper.note.body:
                site.views.fragment(paper.note.body)  # the one thing rendering does besides the text
        else:
            text = remembered.put(key, here, site.render(
                "paper.md.j2", here, paper=paper, collections=collections,
                reasons=topic_reasons(paper, site.views.topics),
                paper_links=identity.paper_links(paper), bibtex=identity.bibtex(paper),
                source_lines=identity.source_lines(paper, collections),
                disagreements=identity.disagreements(paper, collections),
                feed=urls.feed()))
        yield here, text
    remembered.save()


def page_inputs(site: Site, paper: Paper, here: str) -> tuple[Any, ...]:
    """What a paper page shows besides the paper itself (its every field and its whole note): other
    papers' titles, its incoming mentions, author index links and glossary meanings (the site-wide
    inputs are hashed once, in ``pages``)."""
    views = site.views
    by_id = site.corpus.by_id
    return (views.paper_digest(paper), paper.note, here,
            [views.author_link(here, name) for name in paper.authors],
            [(m, by_id[m.source].title) for m in views.incoming.get(paper.id, [])],
            [by_id[m.target].title for m in paper.mentions],
            [by_id[rid].title for rid in paper.related],
            # the meaning it links to, not the Term: a Term lists every paper using it (thousands)
            [(term.abbr, term.expansion) if (term := views.term_of.get((paper.id, abbr))) else None
             for abbr in paper.terms])
