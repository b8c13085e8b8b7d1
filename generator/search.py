"""The search index's records, made from the corpus (not scraped from HTML): pure, engine-independent.

One record per paper, topic, glossary term and collection. A paper's record holds what a reader
types to find it: the title (and its plain-text form, so ``H_2O`` / ``H₂O`` is found as ``H2O``),
the method names and aliases it introduces, the abstract and the curated note. Topic pages come
without their comparison tables and paper pages without their Sources, Cite and "Why these
topics" sections, so a query never lands on a wall of table text.

Each record becomes a small HTML document for Pagefind (``Record.html``), because HTML is how
Pagefind takes weights: the names and title are weighted (``NAMES_WEIGHT``, ``TITLE_WEIGHT``) so
an exact name (ZeRO, H2O, FlashAttention-2) ranks its own paper first; title and ``info`` ride
along as metadata for display; topic, year, venue, has-code and kind are filters; year sorts.
All untrusted text is HTML-escaped into that document, and Pagefind's excerpts keep the escaping.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

import nh3

from . import latex, urls
from .enrich.glossary import meaning_anchor
from .model import Collection, Corpus, Paper, Term, Topic
from .sanitize import markdown_to_safe_html

# Pagefind content weights (0-10; plain text is 1). A query word in a paper's names or title counts
# many times over the same word in its abstract, so an exact name ranks its own paper first.
# Metadata is not boosted (the UI sets ``metaWeights`` to 0): Pagefind 1.5 adds a metadata boost
# per distinct word *starting with* the query, so "zero" lifted ZeroQuant(4+2) and "zeroth-order"
# papers (several such words each) far above ZeRO itself.
NAMES_WEIGHT = 10.0
TITLE_WEIGHT = 7.0
SUMMARY_WEIGHT = 2.0


@dataclass(frozen=True)
class Record:
    """One search result: where it links, what is searched (with weights), what is shown, filters, sorts."""

    url: str  # relative to the site root, e.g. "papers/<id>/"
    title: str  # plain text; searched with TITLE_WEIGHT and shown as the result's title
    names: str = ""  # method names, aliases, plain title; searched with NAMES_WEIGHT
    sections: tuple[tuple[float, str], ...] = ()  # (weight, plain text), searched and excerpted
    info: str = ""  # shown under the title: year, venue, kind
    filters: tuple[tuple[str, tuple[str, ...]], ...] = ()
    sort: tuple[tuple[str, str], ...] = ()

    def html(self) -> str:
        """The record as the small HTML document Pagefind indexes (weights, metadata and filters as its attributes)."""
        out = ['<html lang="en"><body>',
               f'<h1 data-pagefind-weight="{TITLE_WEIGHT:g}" data-pagefind-meta="title">{_escape(self.title)}</h1>']
        if self.names:
            # Also metadata, so the UI can take excerpts from the text after title and names.
            out.append(f'<p data-pagefind-weight="{NAMES_WEIGHT:g}" data-pagefind-meta="names">{_escape(self.names)}</p>')
        out += [f'<p data-pagefind-weight="{w:g}">{_escape(text)}</p>' if w != 1 else f"<p>{_escape(text)}</p>"
                for w, text in self.sections if text]
        if self.info:
            out.append(f'<span data-pagefind-meta="info:{_escape(self.info)}"></span>')
        out += [f'<span data-pagefind-filter="{name}:{_escape(value)}"></span>'
                for name, values in self.filters for value in values]
        out += [f'<span data-pagefind-sort="{name}:{_escape(value)}"></span>' for name, value in self.sort]
        out.append("</body></html>")
        return "\n".join(out)


# -- text ------------------------------------------------------------------------------------------

_WS = re.compile(r"\s+")
_SENTINEL = re.compile(r"_{3,}")  # Pagefind reads ___PAGEFIND_WEIGHT___ words in content as markers


def plain(text: str) -> str:
    """The search form of a title: LaTeX cleaned, then folded (H_2O, H₂O -> H2O; × -> x), one line."""
    # converted text can read as TeX again ("\\{" -> "{", a group opener): convert until nothing changes,
    # so the search form of a search form is itself (two rounds settle every case the property test finds)
    out = _plain_once(text)
    for _ in range(3):
        again = _plain_once(out)
        if again == out:
            break
        out = again
    return out


def _plain_once(text: str) -> str:
    return _WS.sub(" ", latex.plain(latex.to_unicode(text))).strip()


def _escape(value: str) -> str:
    """Untrusted text into the record's HTML (element text or attribute value), never a Pagefind marker."""
    return html.escape(_SENTINEL.sub(" ", value), quote=True)


def _text(value: str | None) -> str:
    """Untrusted text as one line without Pagefind's private ``___PAGEFIND_…`` markers."""
    return _WS.sub(" ", _SENTINEL.sub(" ", value or "")).strip()


def markdown_text(source: str | None) -> str:
    """Curated Markdown as the words a reader sees: rendered, sanitized, then stripped of tags."""
    if not source:
        return ""
    return html.unescape(nh3.clean(markdown_to_safe_html(source), tags=set()))


def _unique(values: Iterable[str], besides: str = "") -> str:
    """Distinct names (case-insensitively), joined; ``besides`` (the title) is left out."""
    seen = {besides.casefold()} if besides else set()
    out: list[str] = []
    for value in values:
        value = _text(value)
        if value and value.casefold() not in seen:
            seen.add(value.casefold())
            out.append(value)
    return " · ".join(out)


# -- records ---------------------------------------------------------------------------------------


def _lineage(topic_id: str, topics: dict[str, Topic]) -> list[Topic]:
    """The topic and its ancestors (a cycle in a broken taxonomy stops at 32 steps)."""
    out: list[Topic] = []
    here = topics.get(topic_id)
    while here is not None and len(out) < 32:
        out.append(here)
        here = topics.get(here.parent) if here.parent else None
    return out


def paper_record(paper: Paper, topics: dict[str, Topic]) -> Record:
    """What a reader searches a paper by: title, names, abstract, curated note; never Sources or Cite."""
    note = paper.note
    title = _text(paper.title)
    # H_2O and H₂O are also found as H2O
    names = _unique([*paper.methods, *(plain(m) for m in paper.methods), plain(title),
                     *(alias.replace("-", " ") for alias in (note.aliases if note else ()))], besides=title)
    year = str(paper.year) if paper.year else ""
    venue = _text(paper.venue)
    topic_titles = sorted({t.title for a in paper.topics for t in _lineage(a.topic, topics)})
    filters: list[tuple[str, tuple[str, ...]]] = [("has-code", ("yes" if paper.code_links else "no",)),
                                                  ("kind", ("paper",))]
    if topic_titles:
        filters.append(("topic", tuple(topic_titles)))
    if venue:
        filters.append(("venue", (venue,)))
    if year:
        filters.append(("year", (year,)))
    return Record(
        url=paper.url,
        title=title,
        names=names,
        sections=(
            (1.0, _text(paper.abstract)),
            (SUMMARY_WEIGHT, _text(note.summary) if note else ""),
            (1.0, _text(markdown_text(note.body)) if note else ""),
        ),
        info=" · ".join(x for x in (year, venue) if x),
        filters=tuple(sorted(filters)),
        sort=(("year", year or "0"),),
    )


def topic_record(topic: Topic, topics: dict[str, Topic], count: int) -> Record:
    """A topic page as its description and curated intro, never its comparison table."""
    parent = topics.get(topic.parent) if topic.parent else None
    where = f" in {parent.title}" if parent else ""
    return Record(
        url=f"topics/{topic.id}/",
        title=_text(topic.title),
        sections=((1.0, _text(topic.description)), (1.0, _text(markdown_text(topic.intro)))),
        info=_text(f"Topic{where} · {count} paper{'' if count == 1 else 's'}"),
        filters=(("kind", ("topic",)),),
    )


def term_record(term: Term) -> Record:
    """A glossary entry: the abbreviation and what it stands for."""
    count = len(term.papers)
    return Record(
        url=f"{urls.site_url(urls.GLOSSARY)}#{meaning_anchor(term)}",  # one record per meaning
        title=_text(f"{term.abbr}: {term.expansion}"),
        info=f"Glossary · used by {count} paper{'' if count == 1 else 's'}",
        filters=(("kind", ("glossary",)),),
    )


def collection_record(collection: Collection) -> Record:
    """A collection page by its title and description (its papers are found one by one)."""
    return Record(
        url=f"collections/{collection.id}/",
        title=_text(collection.title),
        sections=((1.0, _text(collection.description)),),
        info="Collection",
        filters=(("kind", ("collection",)),),
    )


def records(corpus: Corpus) -> list[Record]:
    """Every record of the site's search index, sorted by URL (Pagefind numbers pages in this order)."""
    topics = {t.id: t for t in corpus.topics}
    counts: dict[str, int] = {}
    for paper in corpus.papers:
        for tid in {t.id for a in paper.topics for t in _lineage(a.topic, topics)}:
            counts[tid] = counts.get(tid, 0) + 1
    out = [paper_record(p, topics) for p in corpus.papers]
    out += [topic_record(t, topics, counts.get(t.id, 0)) for t in corpus.topics]
    out += [term_record(t) for t in corpus.terms]
    out += [collection_record(c) for c in corpus.collections]
    return sorted(out, key=lambda r: r.url)
