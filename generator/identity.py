"""Who wrote a paper, when, where, and how a reader finds and cites it: pure views of a merged paper.

Links to arXiv, Hugging Face and DOI, the BibTeX entry, the authors index and the "Sources" block
that says in words where each field came from.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from urllib.parse import quote_plus

from . import escape, names, urls
from .model import Collection, Corpus, Paper, Stated
from .sources import FORMATS

_JOURNAL = re.compile(r"\b(?:Transactions|Journal|Letters|Magazine|TPAMI|JMLR|TMLR|IJCV|TNNLS|TIP|TACL|Nature|"
                      r"Science|Proceedings of the IEEE|Neurocomputing|Pattern Recognition)\b")
# the order fields are named in the Sources block
_FIELD_ORDER = ("title", "authors", "authors_count", "org", "date", "venue", "arxiv", "doi", "abstract",
                "upvotes", "stars")
_ORDER = {name: i for i, name in enumerate(_FIELD_ORDER)}
_FIELD_WORDS = {"authors_count": "author count", "org": "organisation", "arxiv": "arXiv id", "doi": "DOI",
                "links": "links", "citekey": "citation key", "entry_type": "entry type", "journal_ref": "journal reference"}


@dataclass(frozen=True)
class PaperLink:
    label: str
    url: str


def paper_links(paper: Paper) -> list[PaperLink]:
    """Where to read the paper: arXiv (abstract, PDF), its Hugging Face page, its DOI; or an arXiv title search."""
    out: list[PaperLink] = []
    if paper.arxiv_id:
        out.append(PaperLink(f"arXiv {paper.arxiv_id}", f"https://arxiv.org/abs/{paper.arxiv_id}"))
        out.append(PaperLink("PDF", f"https://arxiv.org/pdf/{paper.arxiv_id}"))
        if "/" not in paper.arxiv_id:  # Hugging Face pages exist for new-style ids only
            out.append(PaperLink("Hugging Face", f"https://huggingface.co/papers/{paper.arxiv_id}"))
    if paper.doi:
        out.append(PaperLink(f"DOI {paper.doi}", f"https://doi.org/{quote_plus(paper.doi, safe='/')}"))
    if not paper.arxiv_id:
        query = quote_plus(f'"{paper.title}"')
        out.append(PaperLink("Search arXiv for this title",
                             f"https://arxiv.org/search/?query={query}&searchtype=title"))
    return out


def entry_type(paper: Paper) -> str:
    """The BibTeX entry type: the source's own, else from the venue (journal, conference), else misc."""
    own = dict(paper.extra).get("entry_type", "").lower()
    if re.fullmatch(r"[a-z]+", own):
        return own
    if paper.venue and not paper.venue.startswith("arXiv"):
        return "article" if _JOURNAL.search(paper.venue) else "inproceedings"
    return "misc"


def bibtex(paper: Paper) -> str:
    """A BibTeX entry a reader can copy: only fields the sources state, values brace-safe."""
    kind = entry_type(paper)
    fields: list[tuple[str, str]] = [("title", "{" + escape.bibtex_value(paper.title) + "}")]
    if paper.authors:
        fields.append(("author", escape.bibtex_value(" and ".join(paper.authors))))
    if paper.year:
        fields.append(("year", str(paper.year)))
    if paper.venue and not paper.venue.startswith("arXiv"):
        venue_field = {"article": "journal", "inproceedings": "booktitle"}.get(kind, "howpublished")
        fields.append((venue_field, escape.bibtex_value(paper.venue)))
    if paper.arxiv_id:
        fields.append(("eprint", escape.bibtex_value(paper.arxiv_id)))
        fields.append(("archiveprefix", "arXiv"))
    if paper.doi:
        fields.append(("doi", escape.bibtex_value(paper.doi)))
    url = next((link.url for link in paper.code_links), None)
    if url:
        fields.append(("url", escape.bibtex_value(url)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{paper.citekey or paper.id},\n{body}\n}}"


# -- the Sources block ----------------------------------------------------------------------------


def describe_source(stated: Stated, collections: Mapping[str, Collection], dated: Mapping[str, str] | None = None) -> str:
    """A source in words: ``“Memory-efficient learning” (Hugging Face capture of 2025-12-11), line 211``.

    The date is the one the source states for itself (an arXiv response's, from ``dated``: path -> date),
    else the capture date sources.yml gives.
    """
    if stated.format == "note":
        return "the curated note" + (f", line {stated.ref.line}" if stated.ref.line else "")
    collection = collections.get(stated.ref.collection)
    label = FORMATS[stated.format].label if stated.format in FORMATS else stated.format
    if collection is None:
        return f"{label}, line {stated.ref.line}"
    date = (dated or {}).get(stated.ref.path) or collection.captured
    when = f" of {date}" if date else ""
    return f"“{collection.title}” ({label}{when}), line {stated.ref.line}"


def _field_words(name: str) -> str:
    return _FIELD_WORDS.get(name, name.replace("_", " "))


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def source_lines(paper: Paper, collections: Mapping[str, Collection]) -> list[str]:
    """One line per source that supplied a shown value: ``title, abstract and date from …`` (plain text)."""
    shown: dict[tuple[str, str, int], list[str]] = defaultdict(list)
    described: dict[tuple[str, str, int], str] = {}
    order = _ORDER
    dated = _dated(paper)  # the same for every field
    for prov in sorted(paper.provenance, key=lambda p: order.get(p.field, len(order))):
        if prov.field not in order or (prov.field == "authors_count" and paper.authors):
            continue  # kept in the export; the page shows only these fields
        chosen = prov.chosen
        # one line per record: claims of one record sit on several lines, the record is what a reader checks
        line = 0 if chosen.format == "note" else _record_line(paper, chosen)
        key = (chosen.format, chosen.ref.collection, line)
        shown[key].append(_field_words(prov.field))
        described[key] = describe_source(Stated(chosen.value, replace(chosen.ref, line=key[2]), chosen.format),
                                         collections, dated)
    return [f"{_join(fields)} from {described[key]}" for key, fields in shown.items()]


def _dated(paper: Paper) -> dict[str, str]:
    """Source path -> the date that source states for itself (``retrieved``)."""
    prov = paper.provenance_of("retrieved")
    return {c.ref.path: str(c.value) for c in prov.claims} if prov else {}


def _record_line(paper: Paper, stated: Stated) -> int:
    """The first line of the record a claim belongs to (claims of one record share a file and sit below it)."""
    starts = [ref.line for ref in paper.sources if ref.path == stated.ref.path and ref.line <= stated.ref.line]
    return max(starts) if starts else stated.ref.line


def disagreements(paper: Paper, collections: Mapping[str, Collection]) -> list[str]:
    """Fields on which sources disagree: the value shown and each other value with its source (plain text)."""
    out: list[str] = []
    for prov in paper.provenance:
        if prov.field in ("abstract", "links", "upvotes", "stars") or not prov.alternatives:
            continue
        others = "; ".join(f"{_value_words(a)} in {describe_source(a, collections, _dated(paper))}"
                           for a in prov.alternatives)
        out.append(f"{_field_words(prov.field)}: {_value_words(prov.chosen)} is shown; {others}")
    return out


def _value_words(stated: Stated) -> str:
    value = stated.value
    text = ", ".join(map(str, value)) if isinstance(value, tuple) else str(value)
    return f"“{text[:120]}{'…' if len(text) > 120 else ''}”"


# -- authors ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Author:
    """One author of the survey's papers and the papers they wrote, newest first."""

    name: str
    key: str
    anchor: str
    papers: tuple[Paper, ...]

    @property
    def page(self) -> str:
        return urls.authors_page(urls.author_letter(names.family_name(self.name) or self.key))


def authors(papers: Iterable[Paper]) -> list[Author]:
    """Every author, grouped by identity key, sorted by family name; the most common spelling is shown."""
    by_key: dict[str, list[tuple[str, Paper]]] = defaultdict(list)
    for paper in papers:
        for name in dict.fromkeys(paper.authors):
            key = names.author_key(name)
            if key:
                by_key[key].append((name, paper))
    out: list[Author] = []
    for key, items in by_key.items():
        spellings: dict[str, int] = defaultdict(int)
        for name, _paper in items:
            spellings[name] += 1
        name = min(spellings, key=lambda n: (-spellings[n], n))
        works = tuple(sorted({p.id: p for _n, p in items}.values(), key=lambda p: (p.date or "", p.id), reverse=True))
        out.append(Author(name, key, urls.author_anchor(key), works))
    return sorted(out, key=lambda a: (names.author_key(names.family_name(a.name)), a.key))


@dataclass(frozen=True)
class AuthorsPage:
    """One page of the authors index: the authors whose family name starts with one letter."""

    page: str
    label: str  # "A" ... "Z", or "Other"
    people: tuple[Author, ...]


def authors_by_page(everyone: list[Author]) -> list[AuthorsPage]:
    """Authors grouped by the page they are listed on, pages in order (``Other`` last)."""
    pages: dict[str, list[Author]] = defaultdict(list)
    for author in everyone:
        pages[author.page].append(author)
    out = []
    for page in sorted(pages, key=lambda p: (p.endswith("/other.md"), p)):
        letter = page.rsplit("/", 1)[-1][: -len(".md")]
        out.append(AuthorsPage(page, "Other" if letter == "other" else letter.upper(), tuple(pages[page])))
    return out


# -- former addresses ------------------------------------------------------------------------------


def redirect_map(corpus: Corpus) -> dict[str, str]:
    """Old paper page -> current page, in mkdocs-redirects' ``redirect_maps`` format.

    A paper's former ids are the ids its other titles would give (a source's raw or another source's
    title) and the aliases a note declares; a former id that is some live paper's id stays that paper's.
    """
    live = corpus.by_id
    pairs: dict[str, str] = {}
    for paper in corpus.papers:
        former = [*paper.aliases, *(paper.note.aliases if paper.note else ())]
        for alias in former:
            if alias not in live:
                pairs.setdefault(urls.paper(alias), paper.page)
    return dict(sorted(pairs.items()))
