"""Downloads written at build time: the whole survey and each topic as BibTeX, CSV, JSON and RIS.

Each format is written so that the project's own readers take it back (``sources/bibtex.py``,
``sources/csv_table.py``, ``sources/paper_list.py``) with the same titles, arXiv ids and years.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping

from .. import escape, identity, names, urls
from ..model import Paper, Topic
from ..render import Site

CSV_COLUMNS = ("title", "authors", "year", "date", "venue", "arxiv", "doi", "code", "topics", "page", "abstract")
_RIS_TYPES = {"article": "JOUR", "inproceedings": "CPAPER"}


def _one_line(text: object) -> str:
    return " ".join(escape.clean(text).split())


def _code(paper: Paper) -> str:
    return next((link.url for link in paper.code_links), "")


def _topic_titles(paper: Paper, topics: Mapping[str, Topic]) -> list[str]:
    return [topics[a.topic].title for a in paper.topics if a.topic in topics]


def bibtex(papers: Iterable[Paper], entries: Mapping[str, str] | None = None) -> str:
    """Every paper's entry (the one its page shows), citation keys unique across the survey."""
    entries = entries or {}
    return "\n\n".join(entries.get(p.id) or identity.bibtex(p) for p in papers) + "\n"


def csv_table(papers: Iterable[Paper], topics: Mapping[str, Topic]) -> str:
    """One row per paper; authors as "Given Family" separated by "; " (the CSV reader's rule)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for p in papers:
        writer.writerow([_one_line(p.title), "; ".join(_one_line(a) for a in p.authors), p.year or "", p.date or "",
                         _one_line(p.venue or ""), p.arxiv_id or "", p.doi or "", _code(p),
                         "; ".join(_topic_titles(p, topics)), urls.served(urls.paper(p.id)),
                         _one_line(p.abstract or "")])
    return out.getvalue()


def json_list(papers: Iterable[Paper], topics: Mapping[str, Topic]) -> str:
    """``{"papers": [...]}``, the paper-list format (``sources/paper_list.py``); absent values left out."""
    items = []
    for p in papers:
        item: dict[str, object] = {"id": p.id, "title": p.title, "authors": list(p.authors), "date": p.date,
                                   "venue": p.venue, "arxiv": p.arxiv_id, "doi": p.doi, "code": _code(p) or None,
                                   "topics": _topic_titles(p, topics), "page": urls.served(urls.paper(p.id)),
                                   "citekey": p.citekey, "abstract": p.abstract}
        items.append({k: v for k, v in item.items() if v not in (None, [], "")})
    return json.dumps({"papers": items}, indent=1, ensure_ascii=False) + "\n"


def _ris_author(name: str) -> str:
    family = names.family_name(name)
    given = name[: len(name) - len(family)].strip() if name.endswith(family) else ""
    return f"{family}, {given}" if given else family


def ris(papers: Iterable[Paper], topics: Mapping[str, Topic]) -> str:
    """RIS (Zotero, EndNote, Mendeley): ``TAG  - value`` lines, one record per paper, each ended by ``ER``."""
    lines: list[str] = []
    for p in papers:
        tag = _RIS_TYPES.get(identity.entry_type(p), "GEN")
        record = [("TY", tag), ("TI", p.title), *(("AU", _ris_author(a)) for a in p.authors)]
        if p.year:
            record.append(("PY", str(p.year)))
        if p.date and len(p.date) == 10:
            record.append(("DA", p.date.replace("-", "/")))
        if p.venue and not p.venue.startswith("arXiv"):
            record.append(("JO" if tag == "JOUR" else "T2", p.venue))
        if p.doi:
            record.append(("DO", p.doi))
        if p.arxiv_id:
            record.append(("UR", f"https://arxiv.org/abs/{p.arxiv_id}"))
        if _code(p):
            record.append(("UR", _code(p)))
        record.extend(("KW", t) for t in _topic_titles(p, topics))
        if p.abstract:
            record.append(("AB", p.abstract))
        if p.citekey:
            record.append(("ID", p.citekey))
        lines.extend(f"{k}  - {_one_line(v)}" for k, v in record)
        lines.append("ER  - ")
        lines.append("")
    return "\n".join(lines)


def files(papers: list[Paper], topics: Mapping[str, Topic], topic_id: str | None = None,
          entries: Mapping[str, str] | None = None) -> dict[str, str]:
    """The four downloads of one list of papers (``entries``: BibTeX by paper id, when already made)."""
    return {urls.export("bib", topic_id): bibtex(papers, entries), urls.export("csv", topic_id): csv_table(papers, topics),
            urls.export("json", topic_id): json_list(papers, topics), urls.export("ris", topic_id): ris(papers, topics)}


def pages(site: Site) -> dict[str, str]:
    if not site.papers:
        return {}
    topics = site.views.topics
    entries = {p.id: identity.bibtex(p) for p in site.papers}
    out = files(sorted(site.papers, key=lambda p: (p.citekey or p.id, p.id)), topics, entries=entries)
    for topic in site.corpus.topics:
        out.update(files(site.views.topic_papers[topic.id], topics, topic.id, entries))
    return out
