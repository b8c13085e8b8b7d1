"""Downloads written at build time: the whole survey and each topic as BibTeX, CSV, JSON and RIS.

Each format is written so that the project's own readers take it back (``sources/bibtex.py``,
``sources/csv_table.py``, ``sources/paper_list.py``) with the same titles, arXiv ids and years.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping

from .. import escape, identity, names, urls
from ..memo import fingerprint
from ..model import Paper, Topic
from ..render import Site
from .remember import Remembered, Zipped

MEMO = "export-files"  # the memo object: {digest of a download's inputs: its text}

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


def _json_item(fields: Mapping[str, object]) -> str:
    """``fields`` as ``json.dumps(fields, indent=1, ensure_ascii=False)`` prints it, each line indented two
    more spaces (the item sits two levels into ``{"papers": [...]}``).

    With an indent, ``json`` encodes in pure Python, which was most of making the downloads; the values
    here are strings and lists of strings, encoded by the same C string encoder ``json`` uses. Anything
    else takes ``json`` itself. ``test_export.py`` checks both ways give the same text.
    """
    lines = []
    for key, value in fields.items():
        if isinstance(value, str):
            lines.append(f'   {_json_str(key)}: {_json_str(value)}')
        elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            items = ",\n".join(f"    {_json_str(v)}" for v in value)
            lines.append(f'   {_json_str(key)}: [\n{items}\n   ]')
        else:
            return "\n".join("  " + line for line in json.dumps(fields, indent=1, ensure_ascii=False).split("\n"))
    return "  {\n" + ",\n".join(lines) + "\n  }" if lines else "  {}"


_json_str = json.encoder.encode_basestring  # what json.dumps(..., ensure_ascii=False) quotes strings with


class _Records:
    """Each paper's CSV row, JSON item and RIS record, made once: a paper is in the survey's downloads
    and in those of each of its topics and their parents, five or six times in all."""

    def __init__(self, topics: Mapping[str, Topic]) -> None:
        self.topics = topics
        self._csv: dict[str, str] = {}
        self._json: dict[str, str] = {}
        self._ris: dict[str, str] = {}
        self._lines: dict[str, str] = {}  # _one_line of each text: CSV and RIS both fold every title and abstract
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, lineterminator="\n")

    def one_line(self, text: str) -> str:
        line = self._lines.get(text)
        if line is None:
            line = self._lines[text] = _one_line(text)
        return line

    def csv_row(self, p: Paper) -> str:
        row = self._csv.get(p.id)
        if row is None:
            one_line = self.one_line
            self._buffer.seek(0)
            self._buffer.truncate()
            self._writer.writerow(
                [one_line(p.title), "; ".join(one_line(a) for a in p.authors), p.year or "", p.date or "",
                 one_line(p.venue or ""), p.arxiv_id or "", p.doi or "", _code(p),
                 "; ".join(_topic_titles(p, self.topics)), urls.served(urls.paper(p.id)), one_line(p.abstract or "")])
            row = self._csv[p.id] = self._buffer.getvalue()
        return row

    def json_item(self, p: Paper) -> str:
        """The item as ``json.dumps(..., indent=1)`` prints it inside ``{"papers": [...]}`` (two levels in)."""
        item = self._json.get(p.id)
        if item is None:
            fields: dict[str, object] = {"id": p.id, "title": p.title, "authors": list(p.authors), "date": p.date,
                                         "venue": p.venue, "arxiv": p.arxiv_id, "doi": p.doi,
                                         "code": _code(p) or None, "topics": _topic_titles(p, self.topics),
                                         "page": urls.served(urls.paper(p.id)), "citekey": p.citekey,
                                         "abstract": p.abstract}
            # JSON strings escape newlines, so every line break is structure: each line is indented
            item = self._json[p.id] = _json_item({k: v for k, v in fields.items() if v not in (None, [], "")})
        return item

    def ris_record(self, p: Paper) -> str:
        """The record's lines joined, ending in an empty line (the records of a list are joined by a newline)."""
        record = self._ris.get(p.id)
        if record is None:
            record = self._ris[p.id] = "\n".join(_ris_record(p, self.topics, self.one_line))
        return record


def csv_table(papers: Iterable[Paper], topics: Mapping[str, Topic], records: _Records | None = None) -> str:
    """One row per paper; authors as "Given Family" separated by "; " (the CSV reader's rule)."""
    records = records or _Records(topics)
    return ",".join(CSV_COLUMNS) + "\n" + "".join(records.csv_row(p) for p in papers)


def json_list(papers: Iterable[Paper], topics: Mapping[str, Topic], records: _Records | None = None) -> str:
    """``{"papers": [...]}``, the paper-list format (``sources/paper_list.py``); absent values left out."""
    records = records or _Records(topics)
    items = [records.json_item(p) for p in papers]
    if not items:
        return json.dumps({"papers": []}, indent=1) + "\n"
    return '{\n "papers": [\n' + ",\n".join(items) + "\n ]\n}\n"


def _ris_author(name: str) -> str:
    family = names.family_name(name)
    given = name[: len(name) - len(family)].strip() if name.endswith(family) else ""
    return f"{family}, {given}" if given else family


def _ris_record(p: Paper, topics: Mapping[str, Topic], one_line: Callable[[str], str] = _one_line) -> list[str]:
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
    return [*(f"{k}  - {one_line(v)}" for k, v in record), "ER  - ", ""]


def ris(papers: Iterable[Paper], topics: Mapping[str, Topic], records: _Records | None = None) -> str:
    """RIS (Zotero, EndNote, Mendeley): ``TAG  - value`` lines, one record per paper, each ended by ``ER``."""
    records = records or _Records(topics)
    return "\n".join(records.ris_record(p) for p in papers)


def files(papers: list[Paper], topics: Mapping[str, Topic], topic_id: str | None = None,
          entries: Mapping[str, str] | None = None, records: _Records | None = None) -> dict[str, str]:
    """The four downloads of one list of papers (``entries``: BibTeX by paper id, when already made)."""
    records = records or _Records(topics)
    return {path: make() for path, make in _makers(papers, topics, topic_id, entries, records)}


def _makers(papers: list[Paper], topics: Mapping[str, Topic], topic_id: str | None,
            entries: Mapping[str, str] | None, records: _Records) -> list[tuple[str, Callable[[], str]]]:
    """Each download's path and how to make its text (only when the memo does not hold it)."""
    return [(urls.export("bib", topic_id), lambda: bibtex(papers, entries)),
            (urls.export("csv", topic_id), lambda: csv_table(papers, topics, records)),
            (urls.export("json", topic_id), lambda: json_list(papers, topics, records)),
            (urls.export("ris", topic_id), lambda: ris(papers, topics, records))]


class _Entries(Mapping[str, str]):
    """Each paper's BibTeX entry by id, made when first asked for (an unchanged download asks for none)."""

    def __init__(self, papers: Iterable[Paper]) -> None:
        self._papers = {p.id: p for p in papers}
        self._made: dict[str, str] = {}

    def __getitem__(self, paper_id: str) -> str:
        entry = self._made.get(paper_id)
        if entry is None:
            entry = self._made[paper_id] = identity.bibtex(self._papers[paper_id])
        return entry

    def __iter__(self) -> Iterator[str]:
        return iter(self._papers)

    def __len__(self) -> int:
        return len(self._papers)


def pages(site: Site) -> Iterator[tuple[str, str | Zipped]]:
    """The survey's downloads, then each topic's, made one list at a time (they are the largest files).

    With a memo, a download whose papers are unchanged is the text the last run made (``remember.py``).
    It depends on the list's papers in order (every field but the note, which no download shows) and on
    the titles of the topics they name; the formats are the code's.
    """
    if not site.papers:
        return
    views = site.views
    topics = views.topics
    remembered = Remembered(site, MEMO, sorted((t.id, t.title) for t in topics.values()))
    entries = _Entries(site.papers)
    records = _Records(topics)
    lists: list[tuple[str | None, list[Paper]]] = [(None, sorted(site.papers, key=lambda p: (p.citekey or p.id, p.id)))]
    lists += [(topic.id, views.topic_papers[topic.id]) for topic in site.corpus.topics]
    for topic_id, papers in lists:
        listed = fingerprint([(p.id, views.paper_digest(p)) for p in papers]) if site.memo is not None else b""
        for path, make in _makers(papers, topics, topic_id, entries, records):
            key = remembered.key((path, listed))
            text: str | Zipped | None = remembered.get(key)
            yield path, text if text is not None else remembered.put(key, path, make())
    remembered.save()
