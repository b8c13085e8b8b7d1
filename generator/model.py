"""The corpus as every stage sees it: frozen dataclasses, no I/O.

Readers produce records of claims (``records.py``); ``normalize`` merges them into ``Paper``s that
keep every claim as ``Provenance``; each enricher
returns a new ``Corpus`` with more fields filled (``dataclasses.replace``), never mutating one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from . import urls
from .precedence import Precedence


@dataclass(frozen=True, order=True)
class SourceRef:
    """Where a fact came from: a file (relative to the content root), a 1-based line, a collection id."""

    path: str
    line: int
    collection: str


@dataclass(frozen=True, order=True)
class Link:
    """A URL found in an abstract, classified: code, project, model, dataset, paper or other."""

    url: str
    kind: str


@dataclass(frozen=True)
class Stated:
    """One source's claim about one field of a paper: the value, where it stands, and the format that said it."""

    value: str | int | tuple[str, ...] | tuple[Link, ...]
    ref: SourceRef  # the file, the line of this claim, the collection
    format: str  # the source format (hf, arxiv, bibtex, ..., or "note" for a curated correction)


@dataclass(frozen=True)
class Provenance:
    """Every claim about one field, best first by the declared precedence: ``claims[0]`` is the value shown."""

    field: str
    claims: tuple[Stated, ...]

    @property
    def chosen(self) -> Stated:
        return self.claims[0]

    @property
    def alternatives(self) -> tuple[Stated, ...]:
        """The claims that lost and say something else."""
        return tuple(c for c in self.claims[1:] if c.value != self.claims[0].value)


@dataclass(frozen=True)
class Collection:
    """A source file seen as a listing: every file under content/sources/<format>/ is a collection."""

    id: str
    title: str
    path: str
    description: str | None = None
    captured: str | None = None  # YYYY-MM-DD
    format: str = "hf"  # the reader that reads it: a folder name under content/sources/


@dataclass(frozen=True)
class Evidence:
    """A phrase or rule that contributed to a decision, with its weight."""

    phrase: str
    weight: float


@dataclass(frozen=True)
class TopicAssignment:
    """A paper's membership in a leaf topic, with the evidence that put it there."""

    topic: str
    score: float
    evidence: tuple[Evidence, ...] = ()
    curated: bool = False  # added by a note's topics_add


@dataclass(frozen=True)
class Topic:
    """A node of the curated taxonomy."""

    id: str
    title: str
    parent: str | None = None
    description: str = ""
    source: SourceRef | None = None
    intro: str | None = None  # curated Markdown from content/topics/<id>.md
    related: tuple[str, ...] = ()  # topic ids, most related first


@dataclass(frozen=True)
class Result:
    """A number an abstract reports: a factor (unit "x") or a percentage (unit "%")."""

    kind: str  # speedup | reduction | compression | other | accuracy | sparsity | ...
    low: float
    high: float
    unit: str
    quote: str
    verified: bool = False  # from a curated note rather than extraction
    what: str | None = None  # the coarse measure ("memory", "latency"), when the text says
    metric: str | None = None  # what the value measures, read from its own clause (extract.numbers.METRICS)
    baseline: str | None = None  # what it is compared against, as the sentence names it ("FlashAttention-2")
    own: bool = True  # False: prior work, a baseline's score, the state of the field quoted by the paper
    direction: str | None = None  # "gain" (faster, more) | "reduction" (less, lower), as the wording says
    confidence: str = "sure"  # "unsure": the measure was guessed from afar, or whose value it is is unclear
    share: bool = False  # a percentage that is what remains of the baseline ("only 6.3% of the training time")


@dataclass(frozen=True)
class Fact:
    """A named thing an abstract reports using: a bit-width/format, hardware, dataset or model."""

    kind: str  # bits | hardware | dataset | model
    value: str  # normalized name, e.g. "INT8", "A100", "ImageNet", "LLaMA-2 7B"
    quote: str  # the sentence it was found in


@dataclass(frozen=True)
class Mention:
    """Paper ``source`` names the method of paper ``target`` in ``quote``."""

    source: str
    target: str
    name: str
    quote: str


@dataclass(frozen=True)
class Term:
    """An abbreviation defined in some abstract: ``key-value (KV) cache``."""

    abbr: str
    expansion: str
    papers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Note:
    """A curated note from content/notes/<paper-id>.md."""

    path: str
    paper: str
    body: str = ""
    summary: str | None = None
    status: str | None = None
    topics_add: tuple[str, ...] = ()
    topics_remove: tuple[str, ...] = ()
    corrections: tuple[tuple[str, str], ...] = ()
    results: tuple[Result, ...] = ()
    contributors: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # former paper ids that must redirect here
    names: tuple[str, ...] = ()  # other names of the paper's method, as other papers write them


@dataclass(frozen=True)
class Paper:
    """One merged paper, with everything the enrichers learned about it."""

    id: str
    title: str
    abstract: str | None
    sources: tuple[SourceRef, ...]  # where each merged record starts
    authors_count: int | None = None
    org: str | None = None
    date: str | None = None  # ISO, possibly partial: YYYY, YYYY-MM or YYYY-MM-DD
    upvotes: int | None = None
    links: tuple[Link, ...] = ()
    authors: tuple[str, ...] = ()  # "Given Family", in order
    arxiv_id: str | None = None  # without version
    doi: str | None = None
    venue: str | None = None  # normalized for display: "NeurIPS 2023"
    citekey: str = ""  # unique across the corpus: dao2023flashattention
    # every other field a source stated (pages, publisher, categories ...), as (name, value)
    extra: tuple[tuple[str, str], ...] = ()
    # field -> every claim about it, best first; what a page's "Sources" block says in words
    provenance: tuple[Provenance, ...] = ()
    aliases: tuple[str, ...] = ()  # ids this paper would have had under its other titles: they redirect here
    # filled by enrichers
    topics: tuple[TopicAssignment, ...] = ()
    results: tuple[Result, ...] = ()
    bits: tuple[str, ...] = ()
    hardware: tuple[str, ...] = ()
    datasets: tuple[str, ...] = ()
    models: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()  # evidence for bits/hardware/datasets/models
    methods: tuple[str, ...] = ()  # method names this paper introduces
    mentions: tuple[Mention, ...] = ()  # outgoing: this paper names another's method
    related: tuple[str, ...] = ()  # paper ids, most similar first
    terms: tuple[str, ...] = ()  # glossary abbreviations used
    note: Note | None = None

    @property
    def page(self) -> str:
        return urls.paper(self.id)

    @property
    def url(self) -> str:
        return urls.site_url(self.page)

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date and self.date[:4].isdigit() else None

    def provenance_of(self, field: str) -> Provenance | None:
        return next((p for p in self.provenance if p.field == field), None)

    @property
    def code_links(self) -> tuple[Link, ...]:
        return tuple(link for link in self.links if link.kind == "code")


@dataclass(frozen=True)
class SourceStats:
    """What one source file gave: records read, records skipped, papers it is part of, records merged."""

    collection: str
    records: int
    skipped: int
    papers: int
    merged: int  # records that joined a paper another record (of any file) also states


@dataclass(frozen=True)
class NearDuplicate:
    """Two papers whose titles are close but not close enough to merge: for a maintainer to decide."""

    a: str
    b: str
    score: float


@dataclass(frozen=True)
class Corpus:
    """Everything the site is built from, complete and checked before anything is written."""

    papers: tuple[Paper, ...] = ()
    collections: tuple[Collection, ...] = ()
    topics: tuple[Topic, ...] = ()
    terms: tuple[Term, ...] = ()
    notes: tuple[Note, ...] = ()
    orphan_notes: tuple[Note, ...] = ()
    precedence: Precedence = field(default_factory=Precedence)
    sources_read: tuple[SourceStats, ...] = ()
    near_duplicates: tuple[NearDuplicate, ...] = ()

    def paper(self, paper_id: str) -> Paper:
        """The paper with this id, or whose former id (an alias that redirects to it) this is."""
        return self._lookup[paper_id]

    @cached_property
    def _lookup(self) -> dict[str, Paper]:
        found = {alias: p for p in self.papers for alias in p.aliases}
        found.update({alias: p for p in self.papers if p.note for alias in p.note.aliases})
        found.update(self.by_id)
        return found

    @cached_property
    def by_id(self) -> dict[str, Paper]:
        """Papers by id, built once per corpus (templates look titles up here thousands of times)."""
        return {p.id: p for p in self.papers}
