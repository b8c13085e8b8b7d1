"""A page per paper: who wrote it, where to read it, what it reports, how it connects, how to cite it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .. import identity, urls
from ..model import Paper, Topic, TopicAssignment
from ..render import Site


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


def pages(site: Site) -> Iterator[tuple[str, str]]:
    """One page per paper, made as they are taken (``render_site`` packs each before the next)."""
    collections = site.views.collections_by_id()
    for paper in site.papers:
        here = urls.paper(paper.id)
        yield here, site.render(
            "paper.md.j2", here, paper=paper, collections=collections,
            reasons=topic_reasons(paper, site.views.topics),
            paper_links=identity.paper_links(paper), bibtex=identity.bibtex(paper),
            source_lines=identity.source_lines(paper, collections),
            disagreements=identity.disagreements(paper, collections),
            feed=urls.feed())
