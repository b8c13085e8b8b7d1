"""The corpus as every stage sees it: frozen dataclasses, no I/O.

Readers produce ``Entry`` records; ``normalize`` merges them into ``Paper``s; each enricher
returns a new ``Corpus`` with more fields filled (``dataclasses.replace``), never mutating one.
"""

from __future__ import annotations

from dataclasses import dataclass


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
class Entry:
    """One paper as a single source states it, before merging."""

    title: str
    abstract: str | None
    source: SourceRef
    authors_count: int | None = None
    org: str | None = None
    date: str | None = None  # YYYY-MM-DD
    upvotes: int | None = None


@dataclass(frozen=True)
class Collection:
    """A source file seen as a listing: the captures in content/sources/hf/ are collections."""

    id: str
    title: str
    path: str
    description: str | None = None
    captured: str | None = None  # YYYY-MM-DD


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


@dataclass(frozen=True)
class Paper:
    """One merged paper, with everything the enrichers learned about it."""

    id: str
    title: str
    abstract: str | None
    sources: tuple[SourceRef, ...]
    authors_count: int | None = None
    org: str | None = None
    date: str | None = None
    upvotes: int | None = None
    links: tuple[Link, ...] = ()
    # bibliographic fields no capture states; sources like BibTeX/arXiv and curated corrections fill them
    authors: tuple[str, ...] = ()
    arxiv_id: str | None = None
    venue: str | None = None
    # field name -> the source that stated the value shown (first source stating it)
    provenance: tuple[tuple[str, SourceRef], ...] = ()
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
    def url(self) -> str:
        return f"papers/{self.id}/"

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None

    @property
    def code_links(self) -> tuple[Link, ...]:
        return tuple(link for link in self.links if link.kind == "code")


@dataclass(frozen=True)
class Corpus:
    """Everything the site is built from, complete and checked before anything is written."""

    papers: tuple[Paper, ...] = ()
    collections: tuple[Collection, ...] = ()
    topics: tuple[Topic, ...] = ()
    terms: tuple[Term, ...] = ()
    notes: tuple[Note, ...] = ()
    orphan_notes: tuple[Note, ...] = ()

    def paper(self, paper_id: str) -> Paper:
        return self.by_id[paper_id]

    @property
    def by_id(self) -> dict[str, Paper]:
        return {p.id: p for p in self.papers}
