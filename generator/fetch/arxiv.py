"""``survey fetch arxiv``: arXiv API responses by id, by query, or for the papers that lack an id.

The arXiv API asks for one request every three seconds on one connection; ``client()`` enforces
that. Each useful response is written unchanged to ``content/sources/arxiv/``; error and empty
responses are reported and not written. ``--missing`` searches titles in batches
(``ti:"..." OR ti:"..."``), keeps a result only when its normalized title equals the paper's and
no other arXiv paper has the same title, then fetches exactly those ids, so the file it writes
holds only matched papers.
"""

from __future__ import annotations

import hashlib
import re
import urllib.parse
from collections.abc import Iterator, Sequence
from pathlib import Path

from .. import io
from ..normalize import slugify, title_key
from ..records import ReadContext, ReaderOutput
from ..sources import arxiv_atom
from . import FetchError, FetchResult
from .http import Client, Clock, Response, Transport, urllib_transport

API = "https://export.arxiv.org/api/query"
FOLDER = "arxiv"
ID_BATCH = 100  # ids per id_list request
TITLE_BATCH = 10  # titles per search request: the URL stays short and the answer small
RESULTS_PER_TITLE = 10
PAGE = 1000  # the API serves large result sets in slices


def client(transport: Transport = urllib_transport, clock: Clock | None = None) -> Client:
    """A client that keeps the arXiv API's rate limit: one request every 3 seconds."""
    return Client(transport, clock, interval=3.0, retries=3, backoff=5.0, timeout=30.0)


def query_url(*, ids: Sequence[str] = (), search: str = "", start: int = 0, max_results: int = 100) -> str:
    """The API URL for an id list or a search query."""
    params = {"search_query": search, "id_list": ",".join(ids), "start": str(start), "max_results": str(max_results)}
    return f"{API}?{urllib.parse.urlencode(params)}"


def parse_ids(raw: Sequence[str]) -> list[str]:
    """Ids as the user typed them (``2307.08691``, ``arXiv:2307.08691v2``, an abs URL), checked; versions kept."""
    ids: list[str] = []
    bad: list[str] = []
    for item in raw:
        text = re.sub(r"^arxiv:", "", item.strip(), flags=re.IGNORECASE)
        parsed = arxiv_atom.split_id(text)
        if parsed is None:
            bad.append(item)
        else:
            ids.append(parsed[0] + (f"v{parsed[1]}" if parsed[1] else ""))
    if bad:
        raise FetchError(f"not arXiv ids: {', '.join(bad)} (expected e.g. 2307.08691 or hep-th/9901001)")
    return list(dict.fromkeys(ids))


def _batches(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _digest(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:10]


def _read(response: Response, url: str) -> ReaderOutput:
    """The response as the reader sees it; an API error or an undecodable body stops the fetch."""
    try:
        text = response.body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FetchError(f"{url}: the answer is not UTF-8 (byte {exc.start})") from exc
    out = arxiv_atom.read(text, ReadContext(url))
    errors = [d for d in out.diagnostics if d.severity == "error"]
    if errors or response.status != 200:
        why = "; ".join(d.message for d in errors) or response.body[:200].decode("utf-8", "replace")
        raise FetchError(f"arXiv answered HTTP {response.status}: {why}")
    return out


def _day(out: ReaderOutput) -> str:
    """The response's own date (its ``<updated>``), for the file name."""
    return next((str(r.value("retrieved")) for r in out.records if r.value("retrieved")), "undated")


def _papers(count: int) -> str:
    return f"{count} paper" if count == 1 else f"{count} papers"


def _save(content: Path, name: str, response: Response, out: ReaderOutput, result: FetchResult) -> None:
    if not out.records:
        result.notes.append(f"no papers in the answer; nothing written for {name}")
        return
    try:
        path = io.create_source(content, FOLDER, name, response.body)
    except FileExistsError:
        result.notes.append(f"{content}/sources/{FOLDER}/{name} already exists; not overwritten")
        return
    result.written.append(path)
    result.notes.append(f"wrote {path} ({_papers(len(out.records))})")


def fetch_ids(ids: Sequence[str], content: Path, http: Client, prefix: str = "ids") -> FetchResult:
    """Fetch papers by id (batches of 100), one file per batch; ids the API does not know are listed."""
    result = FetchResult()
    wanted = parse_ids(ids)
    for batch in _batches(wanted, ID_BATCH):
        url = query_url(ids=batch, max_results=len(batch))
        response = http.get(url)
        out = _read(response, url)
        got = {str(r.value("arxiv")) for r in out.records}
        missing = [i for i in batch if re.sub(r"v\d+$", "", i) not in got]
        if missing:
            result.notes.append(f"arXiv does not know: {', '.join(missing)}")
        _save(content, f"{prefix}-{_day(out)}-{_digest(*batch)}.xml", response, out, result)
    return result


def fetch_query(query: str, content: Path, http: Client, max_results: int = 100) -> FetchResult:
    """Fetch up to ``max_results`` results of a search query, in slices of 1000, one file per slice."""
    if not query.strip():
        raise FetchError("the query is empty")
    if max_results < 1:
        raise FetchError("--max must be at least 1")
    result = FetchResult()
    slug = slugify(query, 40)
    for start in range(0, max_results, PAGE):
        size = min(PAGE, max_results - start)
        url = query_url(search=query, start=start, max_results=size)
        response = http.get(url)
        out = _read(response, url)
        _save(content, f"query-{slug}-{_day(out)}-{_digest(query, str(start), str(size))}.xml", response, out, result)
        if len(out.records) + out.skipped < size:
            break  # the last slice: fewer results than asked for
    return result


def _phrase(title: str) -> str:
    """A title as an arXiv phrase: quotes, brackets and other syntax would break the query."""
    return " ".join(re.sub(r"[^\w\s-]|_", " ", title).split())


def match_titles(titles: Sequence[str], http: Client) -> tuple[dict[str, str], list[str]]:
    """``({paper title: arXiv id}, notes)``: exact normalized-title matches only, searched in batches."""
    by_key: dict[str, str] = {}
    for title in titles:
        if title_key(title) and _phrase(title):
            by_key.setdefault(title_key(title), title)
    keys = sorted(by_key)
    found: dict[str, set[str]] = {}
    notes: list[str] = []
    for batch in _batches(keys, TITLE_BATCH):
        search = " OR ".join(f'ti:"{_phrase(by_key[k])}"' for k in batch)
        url = query_url(search=search, max_results=RESULTS_PER_TITLE * len(batch))
        try:
            out = _read(http.get(url), url)
        except FetchError as exc:  # one bad batch (an odd title) should not lose the others
            notes.append(f"search failed for {len(batch)} titles ({exc}); they stay without an id")
            continue
        wanted = set(batch)
        for record in out.records:
            key = title_key(str(record.value("title") or ""))
            if key in wanted and record.value("arxiv"):
                found.setdefault(key, set()).add(str(record.value("arxiv")))
    matched: dict[str, str] = {}
    for key in keys:
        ids = found.get(key, set())
        if len(ids) == 1:
            matched[by_key[key]] = next(iter(ids))
        elif len(ids) > 1:
            notes.append(f"several arXiv papers are titled {by_key[key]!r} ({', '.join(sorted(ids))}); none chosen")
    unmatched = len(keys) - len(matched)
    if unmatched:
        notes.append(f"{unmatched} of {len(keys)} titles have no exact match on arXiv")
    return matched, notes


def fetch_missing(titles: Sequence[str], content: Path, http: Client) -> FetchResult:
    """Resolve titles without an arXiv id: match them, then fetch and write the matched papers by id."""
    matched, notes = match_titles(titles, http)
    if not matched:
        return FetchResult(notes=[*notes, "no title matched; nothing written"])
    result = fetch_ids(sorted(set(matched.values())), content, http, prefix="missing")
    result.notes[:0] = [*notes, f"matched {len(matched)} titles to arXiv ids"]
    return result


def missing_titles(content: Path) -> list[str]:
    """Titles of the corpus's papers that have no arXiv id: the one place that knows the corpus API."""
    from .. import pipeline  # the whole pipeline only for --missing

    corpus, _diagnostics = pipeline.load(io.read_content(content))
    return sorted(p.title for p in corpus.papers if not p.arxiv_id)
