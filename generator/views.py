"""Derived lookups the templates need, computed once per render: pure functions of the corpus."""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from . import identity, names, urls
from .enrich import glossary as glossary_mod
from .enrich import results as results_mod
from .enrich import topics as topics_mod
from .memo import fingerprint
from .model import Collection, Corpus, Fact, Mention, Paper, Result, Term, Topic
from .sanitize import markdown_to_safe_html


def term_anchor(abbr: str) -> str:
    """Anchor of a glossary entry: ``term-kv``, ``term-moe``; stable and ASCII."""
    return "term-" + (re.sub(r"[^a-z0-9]+", "-", abbr.lower()).strip("-") or "x")


@dataclass(frozen=True)
class Evidence:
    """One sentence on a paper page, with the results and facts it states and their anchors."""

    quote: str
    anchors: tuple[str, ...]
    results: tuple[tuple[str, Result], ...]  # (display value, result)
    facts: tuple[Fact, ...]

    @property
    def verified(self) -> bool:
        return bool(self.results) and all(r.verified for _, r in self.results)


@dataclass
class Views:
    """Everything templates look up by id, built in one pass over the corpus."""

    corpus: Corpus
    topics: dict[str, Topic] = field(default_factory=dict)
    topic_papers: dict[str, list[Paper]] = field(default_factory=dict)
    incoming: dict[str, list[Mention]] = field(default_factory=dict)
    term_of: dict[tuple[str, str], Term] = field(default_factory=dict)  # (paper id, abbr) -> its meaning
    authors: list[identity.Author] = field(default_factory=list)
    author_of: dict[str, identity.Author] = field(default_factory=dict)  # identity key -> author
    # key -> sanitized HTML of curated Markdown, written to build/fragments.json for the post-build step
    fragments: dict[str, str] = field(default_factory=dict)
    _digests: dict[str, bytes] = field(default_factory=dict, repr=False)  # paper id -> paper_digest
    _note_digests: dict[str, bytes] = field(default_factory=dict, repr=False)
    _corpus_digest: bytes = field(default=b"", repr=False)

    @classmethod
    def build(cls, corpus: Corpus) -> Views:
        views = cls(corpus)
        views.topics = {t.id: t for t in corpus.topics}
        direct: dict[str, list[Paper]] = defaultdict(list)
        for paper in corpus.papers:
            for assignment in paper.topics:
                direct[assignment.topic].append(paper)
        for topic in corpus.topics:
            wanted = [topic.id, *topics_mod.descendants(corpus.topics, topic.id)]
            seen: dict[str, Paper] = {}
            for tid in wanted:
                for paper in direct.get(tid, []):
                    seen.setdefault(paper.id, paper)
            views.topic_papers[topic.id] = sorted(seen.values(), key=lambda p: (p.date or "", p.id), reverse=True)
        incoming: dict[str, list[Mention]] = defaultdict(list)
        for paper in corpus.papers:
            for mention in paper.mentions:
                incoming[mention.target].append(mention)
        views.incoming = {k: sorted(v, key=lambda m: m.source) for k, v in incoming.items()}
        views.authors = identity.authors(corpus.papers)
        views.author_of = {a.key: a for a in views.authors}
        views.term_of = {(pid, t.abbr): t for t in corpus.terms for pid in t.papers}
        return views

    # -- identity -------------------------------------------------------------------------------

    def author_link(self, here: str, name: str) -> str:
        """The link from page ``here`` to ``name``'s entry in the authors index."""
        author = self.author_of.get(names.author_key(name))
        return urls.link(here, author.page, author.anchor) if author else ""

    def collections_by_id(self) -> dict[str, Collection]:
        return {c.id: c for c in self.corpus.collections}

    # -- glossary -----------------------------------------------------------------------------

    def paper_terms(self, paper: Paper) -> list[tuple[str, str | None, str]]:
        """(abbreviation, expansion, anchor) for a paper page: the paper's own definition wins."""
        own = glossary_mod.own_expansions(paper) if paper.terms else {}
        out = []
        for abbr in paper.terms:
            term = self.term_of.get((paper.id, abbr))
            anchor = glossary_mod.meaning_anchor(term) if term else term_anchor(abbr)
            out.append((abbr, own.get(abbr) or (term.expansion if term else None), anchor))
        return out

    @staticmethod
    def meaning_anchor(term: Term) -> str:
        return glossary_mod.meaning_anchor(term)

    # -- topics -------------------------------------------------------------------------------

    def roots(self) -> list[Topic]:
        return topics_mod.roots(self.corpus.topics)

    def children(self, topic_id: str) -> list[Topic]:
        return topics_mod.children(self.corpus.topics, topic_id)

    def ancestors(self, topic_id: str) -> list[Topic]:
        """Parents from the root down, not including the topic itself."""
        out: list[Topic] = []
        here = self.topics.get(topic_id)
        while here is not None and here.parent and here.parent in self.topics and len(out) < 32:
            here = self.topics[here.parent]
            out.append(here)
        return out[::-1]

    def per_year(self, topic_id: str) -> list[tuple[str, int]]:
        counts = Counter(str(p.year) if p.year else "undated" for p in self.topic_papers.get(topic_id, []))
        return sorted(counts.items(), key=lambda kv: (kv[0] == "undated", kv[0]))

    def unsorted(self) -> list[Paper]:
        return topics_mod.unsorted(self.corpus)

    # -- results and evidence -----------------------------------------------------------------

    # topic-table columns and whether each sorts on a number (names and datasets do not)
    table_columns: tuple[tuple[str, bool], ...] = tuple(
        (c, c not in ("Hardware", "Datasets")) for c in results_mod.COLUMNS)

    @staticmethod
    def cells(paper: Paper) -> dict[str, list[results_mod.Cell]]:
        return results_mod.table_cells(paper)

    def table(self, papers: list[Paper]) -> tuple[list[tuple[str, bool]], list[tuple[Paper, dict[str, list[results_mod.Cell]]]]]:
        """A topic table's value columns and rows: only the columns some paper fills (a column empty on
        every row is left out, as Datasets is on most topics), each row with its cells."""
        rows = [(p, results_mod.table_cells(p)) for p in papers]
        columns = [(c, sortable) for c, sortable in self.table_columns if any(cells[c] for _, cells in rows)]
        return columns, rows

    @staticmethod
    def sort_key(cells: list[results_mod.Cell]) -> str:
        """The value a sortable cell sorts by: its largest; empty when it holds no comparable number."""
        best = cells[-1].sort
        return f"{best:g}" if best > -1000.0 else ""

    @staticmethod
    def result_label(result: Result) -> str:
        return results_mod.result_label(result)

    @staticmethod
    def result_text(paper: Paper, index: int) -> str:
        return results_mod.result_text(paper.results[index - 1])

    @staticmethod
    def evidence(paper: Paper) -> list[Evidence]:
        """Distinct sentences behind the paper's results and facts, in order of first use."""
        anchors: dict[str, list[str]] = defaultdict(list)
        results: dict[str, list[tuple[str, Result]]] = defaultdict(list)
        facts: dict[str, list[Fact]] = defaultdict(list)
        for i, result in enumerate(paper.results, 1):
            anchors[result.quote].append(f"result-{i}")
            results[result.quote].append((results_mod.result_text(result), result))
        for i, fact in enumerate(paper.facts, 1):
            anchors[fact.quote].append(f"fact-{i}")
            facts[fact.quote].append(fact)
        return [Evidence(q, tuple(a), tuple(results.get(q, ())), tuple(facts.get(q, ()))) for q, a in anchors.items()]

    @staticmethod
    def facts_by_kind(paper: Paper) -> list[tuple[str, list[tuple[int, str]]]]:
        labels = {"bits": "Bits and formats", "hardware": "Hardware", "dataset": "Datasets and benchmarks",
                  "model": "Models evaluated"}
        grouped: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for i, fact in enumerate(paper.facts, 1):
            if fact.value not in {v for _, v in grouped[fact.kind]}:
                grouped[fact.kind].append((i, fact.value))
        return [(labels[k], grouped[k]) for k in labels if grouped.get(k)]

    # -- digests of what pages show, for the page kinds that remember texts (pages/remember.py) ------

    def paper_digest(self, paper: Paper) -> bytes:
        """A hash of every field of ``paper`` but its note, made once per run and shared by the page kinds.

        What a list of papers (topic tables, downloads, feeds, all papers) shows of a paper comes from
        these fields: a note acts through them (its results, topics and corrections are applied to
        them). A kind that shows something of the note itself adds ``note_digest`` or the note.
        """
        found = self._digests.get(paper.id)
        if found is None:
            found = self._digests[paper.id] = fingerprint(replace(paper, note=None) if paper.note else paper)
        return found

    def note_digest(self, paper: Paper) -> bytes:
        """A hash of the paper's note without its body (its summary, status, contributors...); b"" without a note.

        The body is shown only on the paper's own page (the paper kind keys on the whole note).
        """
        if paper.note is None:
            return b""
        found = self._note_digests.get(paper.id)
        if found is None:
            found = self._note_digests[paper.id] = fingerprint(replace(paper.note, body=""))
        return found

    def listed_digests(self, papers: Iterable[Paper]) -> list[tuple[str, bytes, bytes]]:
        """(id, paper_digest, note_digest) of each paper in order: what a table of papers depends on."""
        return [(p.id, self.paper_digest(p), self.note_digest(p)) for p in papers]

    def corpus_digest(self) -> bytes:
        """A hash of the whole corpus but the bodies of notes and topic intros, shown only on their paper's
        or topic's own page: what the survey-wide pages (lists of all papers, collections, feeds, the
        glossary) are made of. Editing the text of a note or an intro leaves it unchanged."""
        if not self._corpus_digest:
            corpus = self.corpus
            rest = replace(corpus, papers=(), topics=tuple(replace(t, intro=None) for t in corpus.topics),
                           notes=tuple(replace(n, body="") for n in corpus.notes),
                           orphan_notes=tuple(replace(n, body="") for n in corpus.orphan_notes))
            self._corpus_digest = fingerprint((rest, self.listed_digests(corpus.papers)))
        return self._corpus_digest

    # -- curated Markdown -----------------------------------------------------------------------

    def fragment(self, text: str | None) -> str:
        """The key of curated Markdown (notes, intros) rendered and sanitized, or "" if it renders to nothing.

        Pages carry only an empty ``<div data-survey-fragment="key">``; ``fragments.fill`` puts the
        HTML in after the engine built the page, so no Markdown extension (superfences reading
        fence lines inside ``<pre>``, say) ever sees sanitized HTML and turns it back into markup.
        """
        html = markdown_to_safe_html(text) if text else ""
        if not html:
            return ""
        key = hashlib.blake2b(html.encode("utf-8"), digest_size=8).hexdigest()
        self.fragments[key] = html
        return key
