"""Fetchers replay recorded arXiv and Hugging Face responses; a test that opens a socket fails.

The recorded responses are the shared corpora's (``arxiv-atom/xml``, ``hf-daily-papers-json``),
served by a fake transport that picks the file the request names. The ``--missing`` answers are
built from real entries of ``arxiv-atom/xml/q_testing_s0_m10_bc5a6c384fe9.xml`` (2202.12139,
2405.13786 and 2005.14124 as a non-matching result) wrapped in that file's own feed header.
"""

from __future__ import annotations

import re
import shutil
import socket
import urllib.request
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import CORPORA

from generator import cli, io, pipeline
from generator.fetch import FetchError, arxiv, hf
from generator.fetch.http import USER_AGENT, Client, RateLimiter, Response, urllib_transport

ROOT = Path(__file__).resolve().parents[1]

XML = CORPORA / "arxiv-atom" / "xml"
DAILY = CORPORA / "hf-daily-papers-json"


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to resolve a host or open a socket fails the test."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a test tried to use the network")

    for name in ("socket", "create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, name, refuse)


class FakeClock:
    """Time that passes only when someone sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


Answer = Callable[[dict[str, str]], Response | Exception]


class Replay:
    """A transport that answers from recorded files and notes when each request was sent."""

    def __init__(self, clock: FakeClock, answer: Answer) -> None:
        self.clock = clock
        self.answer = answer
        self.calls: list[tuple[float, str]] = []

    def __call__(self, url: str, timeout: float) -> Response:
        assert timeout > 0
        self.calls.append((self.clock.now, url))
        params = {k: v[0] for k, v in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}
        result = self.answer(params)
        if isinstance(result, Exception):
            raise result
        return result


def recorded(params: dict[str, str]) -> Response:
    """The corpus file the request names: ``id_<ids>_s0_m100_*.xml`` or ``q_<term>_s<start>_m<max>_*.xml``."""
    if params.get("id_list"):
        pattern = f"id_{params['id_list'].replace('/', '_').replace(',', '_')}_s0_m100_*.xml"
    else:
        term = params["search_query"].split(":")[-1]
        pattern = f"q_{term}_s{params['start']}_m{params['max_results']}_*.xml"
    [path] = XML.glob(pattern)
    return Response(400 if "_abc_" in path.name else 200, path.read_bytes())


def _arxiv(answer: Answer = recorded) -> tuple[Client, Replay, FakeClock]:
    clock = FakeClock()
    replay = Replay(clock, answer)
    return arxiv.client(replay, clock), replay, clock


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    root.mkdir()
    return root


def _only_file(folder: Path) -> Path:
    [path] = [p for p in folder.iterdir()]
    return path


def test_the_guard_stops_a_real_request():
    with pytest.raises(AssertionError, match="network"):
        urllib_transport("https://export.arxiv.org/api/query?id_list=2307.08691", 1.0)


def test_default_transport_names_the_tool(monkeypatch: pytest.MonkeyPatch):
    seen: list[urllib.request.Request] = []

    class Answer:
        status = 200

        def __enter__(self) -> Answer:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def read(self, _limit: int) -> bytes:
            return b"<feed/>"

    def fake_urlopen(request: urllib.request.Request, timeout: float) -> Answer:
        seen.append(request)
        assert timeout == 7.0
        return Answer()

    monkeypatch.setattr(urllib.request, "urlopen", fake_urlopen)
    assert urllib_transport("https://export.arxiv.org/api/query", 7.0) == Response(200, b"<feed/>")
    assert seen[0].get_header("User-agent") == USER_AGENT and "survey" in USER_AGENT


def test_fetch_ids_writes_the_raw_response_as_a_new_file(content: Path):
    http, replay, _clock = _arxiv()
    result = arxiv.fetch_ids(["arXiv:1707.08567"], content, http)
    path = _only_file(content / "sources" / "arxiv")
    assert result.written == [path]
    assert re.fullmatch(r"ids-2026-04-12-[0-9a-f]{10}\.xml", path.name)  # the response's own date
    assert path.read_bytes() == next(XML.glob("id_1707.08567_*.xml")).read_bytes()
    assert result.notes == [f"wrote {path} (1 paper)"]
    [(_when, url)] = replay.calls
    assert url == "https://export.arxiv.org/api/query?search_query=&id_list=1707.08567&start=0&max_results=1"


def test_unknown_ids_are_listed_and_a_second_fetch_never_overwrites(content: Path):
    http, _replay, _clock = _arxiv()
    first = arxiv.fetch_ids(["0808.05394", "1707.08567"], content, http)
    assert "arXiv does not know: 0808.05394" in first.notes
    [path] = first.written
    path.write_bytes(b"edited by a maintainer")
    again = arxiv.fetch_ids(["0808.05394", "1707.08567"], content, http)
    assert again.written == [] and any("already exists; not overwritten" in n for n in again.notes)
    assert path.read_bytes() == b"edited by a maintainer"


def test_empty_answer_writes_nothing(content: Path):
    http, _replay, _clock = _arxiv()
    result = arxiv.fetch_ids(["0000.0000"], content, http)
    assert result.written == [] and not (content / "sources").exists()
    assert result.notes[0] == "arXiv does not know: 0000.0000"


def test_api_error_is_a_fetch_error_with_its_text(content: Path):
    error_feed = next(XML.glob("id_abc_*.xml")).read_bytes()
    http, _replay, _clock = _arxiv(lambda _params: Response(400, error_feed))
    with pytest.raises(FetchError, match=r"HTTP 400.*incorrect id format for abc"):
        arxiv.fetch_query("abc", content, http)
    assert not (content / "sources").exists()


def test_ids_are_checked_before_any_request(content: Path):
    http, replay, _clock = _arxiv()
    with pytest.raises(FetchError, match="not arXiv ids: abc, 12345"):
        arxiv.fetch_ids(["2307.08691", "abc", "12345"], content, http)
    assert replay.calls == []
    assert arxiv.parse_ids(["https://arxiv.org/abs/2307.08691v2", "hep-th/9901001", "2307.08691v2"]) == [
        "2307.08691v2", "hep-th/9901001"]


def test_query_pages_are_one_file_each_three_seconds_apart(content: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(arxiv, "PAGE", 10)
    http, replay, _clock = _arxiv()
    result = arxiv.fetch_query("all:testing", content, http, max_results=20)
    assert [t for t, _url in replay.calls] == [0.0, 3.0]
    assert ["start=0&max_results=10" in replay.calls[0][1], "start=10&max_results=10" in replay.calls[1][1]] == [True, True]
    names = sorted(p.name for p in result.written)
    assert len(names) == 2 and all(n.startswith("query-all-testing-2026-04-12-") for n in names)
    assert {p.read_bytes() for p in result.written} == {
        next(XML.glob("q_testing_s0_m10_*.xml")).read_bytes(), next(XML.glob("q_testing_s10_m10_*.xml")).read_bytes()}


def test_query_in_one_slice(content: Path):
    http, replay, _clock = _arxiv()
    result = arxiv.fetch_query("all:testing", content, http, max_results=15)
    assert len(replay.calls) == 1 and len(result.written) == 1
    assert result.notes == [f"wrote {result.written[0]} (15 papers)"]


def test_rate_limiter_on_a_fake_clock():
    clock = FakeClock()
    limiter = RateLimiter(3.0, clock)
    limiter.wait()
    clock.now += 1.0
    limiter.wait()
    limiter.wait()
    clock.now += 10.0
    limiter.wait()
    assert clock.sleeps == [2.0, 3.0]


def test_retries_with_backoff_on_server_and_connection_errors():
    clock = FakeClock()
    answers: list[Response | Exception] = [Response(503, b""), ConnectionResetError("reset"), Response(429, b""),
                                           Response(200, b"ok")]
    replay = Replay(clock, lambda _p: answers.pop(0))
    http = arxiv.client(replay, clock)
    assert http.get("https://export.arxiv.org/api/query") == Response(200, b"ok")
    assert clock.sleeps == [5.0, 10.0, 20.0]  # backoff; each already longer than the 3 s interval
    assert [t for t, _ in replay.calls] == [0.0, 5.0, 15.0, 35.0]


def test_gives_up_after_the_last_retry_and_does_not_retry_client_errors():
    clock = FakeClock()
    replay = Replay(clock, lambda _p: TimeoutError("timed out"))
    with pytest.raises(FetchError, match="TimeoutError: timed out \\(gave up after 4 attempts\\)"):
        arxiv.client(replay, clock).get("https://export.arxiv.org/api/query")
    replay = Replay(clock, lambda _p: Response(404, b"no"))
    assert arxiv.client(replay, clock).get("https://x.org/").status == 404
    assert len(replay.calls) == 1


def _entries(path: Path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8")
    return {re.search(r"<id>http://arxiv.org/abs/([^<]+?)v\d+</id>", e)[1]: e  # type: ignore[index]
            for e in re.findall(r"  <entry>.*?</entry>\n", text, re.DOTALL)}


def _feed(header_from: Path, entries: list[str]) -> bytes:
    text = header_from.read_text(encoding="utf-8")
    return (text[: text.index("  <entry>")] + "".join(entries) + "</feed>\n").encode("utf-8")


SOURCE = XML / "q_testing_s0_m10_bc5a6c384fe9.xml"


def missing_answers(search_ids: list[str]) -> tuple[Answer, list[dict[str, str]]]:
    entries = _entries(SOURCE)
    asked: list[dict[str, str]] = []

    def answer(params: dict[str, str]) -> Response:
        asked.append(params)
        if params["search_query"]:
            return Response(200, _feed(SOURCE, [entries[i] for i in search_ids]))
        return Response(200, _feed(SOURCE, [entries[i] for i in params["id_list"].split(",")]))

    return answer, asked


TITLES = [
    "testing deep learning models: a first comparative study of multiple testing techniques",  # case differs
    "Towards Explainable Test-Case Prioritisation with Learning to Rank Models",  # punctuation differs
    "A Paper Nobody Wrote",
]


def test_missing_matches_exact_normalized_titles_and_writes_only_those_papers(content: Path):
    answer, asked = missing_answers(["2202.12139", "2405.13786", "2005.14124"])
    http, replay, _clock = _arxiv(answer)
    result = arxiv.fetch_missing(TITLES, content, http)
    search = asked[0]["search_query"]
    assert search.count('ti:"') == 3 and " OR " in search and 'ti:"Towards Explainable Test-Case' in search
    assert "ti:\"testing deep learning models a first" in search  # the colon would be query syntax
    assert asked[1]["id_list"] == "2202.12139,2405.13786"
    [path] = result.written
    assert re.fullmatch(r"missing-2026-04-12-[0-9a-f]{10}\.xml", path.name)
    written = path.read_text(encoding="utf-8")
    assert written.count("<entry>") == 2 and "2005.14124" not in written
    assert result.notes[:2] == ["1 of 3 titles have no exact match on arXiv", "matched 2 titles to arXiv ids"]
    assert [t for t, _ in replay.calls] == [0.0, 3.0]


def test_missing_refuses_a_title_two_arxiv_papers_share(content: Path):
    entries = _entries(SOURCE)
    twin = entries["2202.12139"].replace("2202.12139", "2202.99999")  # the same title under another id

    def answer(params: dict[str, str]) -> Response:
        return Response(200, _feed(SOURCE, [entries["2202.12139"], twin]))

    http, _replay, _clock = _arxiv(answer)
    result = arxiv.fetch_missing(TITLES[:1], content, http)
    assert result.written == []
    assert any("several arXiv papers are titled" in n and "2202.12139, 2202.99999" in n for n in result.notes)


def test_missing_searches_ten_titles_per_request(content: Path):
    answer, asked = missing_answers([])
    http, _replay, _clock = _arxiv(answer)
    titles = [f'Paper "{n}" (with brackets)' for n in range(12)]
    result = arxiv.fetch_missing(titles, content, http)
    assert [a["search_query"].count('ti:"') for a in asked] == [10, 2]
    assert all("(" not in a["search_query"] and '\\"' not in a["search_query"] for a in asked)
    assert result.written == [] and result.notes[-1] == "no title matched; nothing written"


def test_missing_titles_come_from_the_corpus(tmp_path: Path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini" / "content", content)
    (content / "sources" / "arxiv").mkdir()
    shutil.copy(next(XML.glob("id_1707.08567_*.xml")), content / "sources" / "arxiv" / "ids.xml")
    titles = arxiv.missing_titles(content)
    corpus, _diags = pipeline.load(io.read_content(content))
    aew10 = next(p for p in corpus.papers if p.title.startswith("Proceedings of Workshop AEW10"))
    assert (aew10.arxiv_id, len(aew10.authors)) == ("1707.08567", 34)  # the arXiv file was read and merged
    assert aew10.title not in titles
    assert "PC-DARTS: Partial Channel Connections for Memory-Efficient Architecture Search" not in titles  # a note's id
    assert "StreamBP: Memory-Efficient Exact Backpropagation for Long Sequence Training of LLMs" in titles
    assert titles == sorted(titles) and len(titles) == len(corpus.papers) - 2


def _hf(answer: Callable[[dict[str, str]], Response]) -> tuple[Client, Replay]:
    clock = FakeClock()
    replay = Replay(clock, answer)
    return hf.client(replay, clock), replay


def test_fetch_hf_day_writes_the_raw_json(content: Path):
    http, replay = _hf(lambda p: Response(200, (DAILY / f"{p['date']}.json").read_bytes()))
    result = hf.fetch_day("2025-03-11", content, http)
    path = content / "sources" / "hf-daily" / "2025-03-11.json"
    assert result.written == [path] and result.notes == [f"wrote {path} (26 papers)"]
    assert path.read_bytes() == (DAILY / "2025-03-11.json").read_bytes()
    assert replay.calls == [(0.0, "https://huggingface.co/api/daily_papers?date=2025-03-11")]
    again = hf.fetch_day("2025-03-11", content, http)
    assert again.written == [] and "already exists" in again.notes[0]


def test_fetch_hf_error_empty_and_bad_date(content: Path):
    http, replay = _hf(lambda _p: Response(404, (DAILY / "error-payload.json").read_bytes()))
    with pytest.raises(FetchError, match=r"HTTP 404.*can't find the page"):
        hf.fetch_day("2025-03-11", content, http)
    http, replay = _hf(lambda _p: Response(200, b"[]"))
    assert hf.fetch_day("2025-03-08", content, http).notes == ["no papers listed on 2025-03-08; nothing written"]
    for bad in ("2025-13-01", "11/03/2025", "2025-3-1"):
        with pytest.raises(FetchError, match="is not a date"):
            hf.fetch_day(bad, content, http)
    assert len(replay.calls) == 1
    assert not (content / "sources").exists()


def test_create_source_never_overwrites_and_leaves_no_temporary_file(content: Path):
    path = io.create_source(content, "arxiv", "a.xml", b"first")
    assert path == content / "sources" / "arxiv" / "a.xml" and path.read_bytes() == b"first"
    with pytest.raises(FileExistsError):
        io.create_source(content, "arxiv", "a.xml", b"second")
    assert path.read_bytes() == b"first"
    assert sorted(p.name for p in path.parent.iterdir()) == ["a.xml"]


@pytest.mark.parametrize("link", ["sources", "sources/arxiv"])
def test_create_source_never_follows_a_symlinked_folder(content: Path, tmp_path: Path, link: str):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (content / link).parent.mkdir(parents=True, exist_ok=True)
    (content / link).symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(io.UnsafePathError, match="symlink"):
        io.create_source(content, "arxiv", "a.xml", b"x")
    assert list(elsewhere.rglob("*")) == []


@pytest.mark.parametrize(("folder", "name"), [("arxiv", "../a.xml"), ("../..", "a.xml"), ("arxiv", ".hidden"),
                                              ("arxiv", "a/b.xml"), ("", "a.xml")])
def test_create_source_refuses_odd_names(content: Path, folder: str, name: str):
    with pytest.raises(io.UnsafePathError):
        io.create_source(content, folder, name, b"x")
    assert list(content.iterdir()) == []


def test_cli_fetch_prints_what_it_wrote(content: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    http, _replay, _clock = _arxiv()
    monkeypatch.setattr(arxiv, "client", lambda: http)
    assert cli.main(["fetch", "arxiv", "--ids", "1707.08567", "--content", str(content)]) == 0
    out = capsys.readouterr().out
    path = _only_file(content / "sources" / "arxiv")
    assert f"wrote {path} (1 paper)" in out and f"review and commit: {path}" in out


def test_cli_fetch_errors_are_one_line(content: Path, capsys: pytest.CaptureFixture[str]):
    assert cli.main(["fetch", "hf", "--date", "yesterday", "--content", str(content)]) == 1
    assert capsys.readouterr().err == "survey: error: --date 'yesterday' is not a date (expected YYYY-MM-DD)\n"
    with pytest.raises(SystemExit):
        cli.main(["fetch", "arxiv", "--ids", "1", "--missing"])  # one of --ids, --query, --missing


def test_cli_fetch_missing_on_a_small_survey(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini" / "content", content)
    answer, asked = missing_answers([])
    http, _replay, _clock = _arxiv(answer)
    monkeypatch.setattr(arxiv, "client", lambda: http)
    assert cli.main(["fetch", "arxiv", "--missing", "--content", str(content)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("looking up 5 titles without an arXiv id, 10 per request")
    assert 'ti:"StreamBP Memory-Efficient Exact Backpropagation' in asked[0]["search_query"]
    assert out.rstrip().endswith("no title matched; nothing written")
    assert not (content / "sources" / "arxiv").exists()
