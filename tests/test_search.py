"""Search records from the corpus (pure) and the Pagefind index built from them (deterministic)."""

from __future__ import annotations

import dataclasses
import gzip
import json
from html.parser import HTMLParser

import cbor2
import pytest
from conftest import FIXTURES, by_title
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import io, pagefind, pipeline, search
from generator.search import Record, plain


@pytest.mark.parametrize("raw", ["H_2O", "H_{2}O", "H$_2$O", "$H_2O$", "H₂O", "H\\textsubscript{2}O"])
def test_plain_folds_latex_and_unicode_subscripts(raw):
    assert plain(raw) == "H2O"


@pytest.mark.parametrize(("raw", "folded"), [
    ("FP8-LM: Training FP8 Large Language Models", "FP8-LM: Training FP8 Large Language Models"),
    ("\\textsc{ZeRO}: Memory Optimizations", "ZeRO: Memory Optimizations"),
    ("Speedup of 2$\\times$ with ﬁne-tuning", "Speedup of 2x with fine-tuning"),
    ("x^{2} and x^2", "x2 and x2"),
])
def test_plain_keeps_names_and_drops_markup(raw, folded):
    assert plain(raw) == folded


@settings(deadline=None, max_examples=200)
@given(st.text())
def test_plain_is_idempotent_and_single_line(text):
    once = plain(text)
    assert plain(once) == once
    assert "\n" not in once


@pytest.fixture(scope="module")
def records(bundled):
    corpus, _ = bundled
    return corpus, search.records(corpus)


def test_one_record_per_page_sorted_by_url(records):
    corpus, recs = records
    urls = [r.url for r in recs]
    assert urls == sorted(urls) and len(set(urls)) == len(urls)
    papers = [r for r in recs if r.url.startswith("papers/")]
    assert len(papers) == len(corpus.papers)
    assert sum(r.url.startswith("topics/") for r in recs) == len(corpus.topics)
    assert sum(r.url.startswith("glossary/#term-") for r in recs) == len(corpus.terms)


def test_paper_record_names_plain_title_filters_and_sort(records):
    corpus, recs = records
    by_url = {r.url: r for r in recs}
    h2o = by_url[by_title(corpus, "H₂O: Heavy-Hitter").url]
    assert "H2O" in h2o.names.split(" · ")  # found when typed without LaTeX or a subscript
    assert "Heavy Hitter Oracle" in h2o.names
    flash = by_url[by_title(corpus, "FlashAttention-2").url]
    filters = dict(flash.filters)
    assert filters["year"] == ("2023",) and filters["venue"] == ("ICLR 2024",) and filters["has-code"] == ("yes",)
    assert {"Efficient attention", "Efficient architectures", "GPU kernels and tensor cores"} <= set(filters["topic"]), filters["topic"]
    assert flash.sort == (("year", "2023"),)
    assert any("twice as fast" in text for _, text in flash.sections)  # the curated note's summary
    assert any("fewer non-matmul flops" in text.lower() for _, text in flash.sections)  # and its body


def test_no_boilerplate_and_no_table_walls(records):
    corpus, recs = records
    for record in recs:
        html = record.html()
        for boilerplate in ("Why these topics", "Cite this", "@article{", "content/sources/", "| --- |"):
            assert boilerplate not in html, (record.url, boilerplate)
    members = {t.id: [p.title for p in corpus.papers if any(a.topic == t.id for a in p.topics)] for t in corpus.topics}
    for record in (r for r in recs if r.url.startswith("topics/")):
        topic_id = record.url.split("/")[1]
        assert not [t for t in members[topic_id] if t in record.html()], record.url
        assert len(record.html()) < 4000, record.url


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.h1 = ""
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in_h1 = tag == "h1"

    def handle_endtag(self, tag):
        self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1:
            self.h1 += data


@settings(deadline=None, max_examples=200)
@given(title=st.text(min_size=1), abstract=st.text(), info=st.text())
def test_record_html_keeps_untrusted_text_inert(title, abstract, info):
    record = Record(url="papers/x/", title=title, names=abstract, sections=((1.0, abstract),), info=info,
                    filters=(("topic", (abstract,)),), sort=(("year", info),))
    parser = _Tags()
    parser.feed(record.html())
    parser.close()
    allowed = {"html", "body", "h1", "p", "span"}
    assert set(parser.tags) <= allowed
    assert parser.tags.count("h1") == 1
    assert "___PAGEFIND" not in record.html()  # no smuggled weight markers
    assert parser.h1 == search._SENTINEL.sub(" ", title)


# -- the index ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mini_records():
    corpus, _ = pipeline.load(io.read_content(FIXTURES / "mini" / "content"))
    return search.records(corpus)


def _decode(data: bytes):
    raw = gzip.decompress(data)
    assert raw.startswith(pagefind.SIGNATURE)
    return cbor2.loads(raw[len(pagefind.SIGNATURE):])


def test_index_is_byte_identical_across_runs(mini_records):
    first = pagefind.index(mini_records)
    for _ in range(3):  # Pagefind 1.5.2 alone orders filter values differently from run to run
        assert pagefind.index(mini_records) == first
    entry = json.loads(first["pagefind-entry.json"])
    meta_name = f"pagefind.{entry['languages']['en']['hash']}.pf_meta"
    assert meta_name in first
    filters = _decode(first[meta_name])[3]
    assert [name for name, _ in filters] == ["has-code", "kind", "topic", "venue", "year"][: len(filters)]
    for _name, short in filters:
        values = _decode(first[f"filter/{short}.pf_filter"])[1]
        assert [v for v, _ in values] == sorted(v for v, _ in values)
    assert {"pagefind.js", "wasm.en.pagefind"} <= set(first)


def test_canonical_ignores_filter_value_order(mini_records):
    files = pagefind.index(mini_records)
    shuffled = dict(files)
    for path in [p for p in files if p.startswith("filter/")]:
        data = _decode(files[path])
        data[1] = data[1][::-1]
        shuffled[path] = gzip.compress(pagefind.SIGNATURE + cbor2.dumps(data), mtime=0)
    assert pagefind.canonical(shuffled) == files


def test_cbor_round_trip_reproduces_pagefinds_own_encoding(mini_records):
    files = pagefind.index(mini_records)
    for path in [p for p in files if p.startswith("index/")]:
        raw = gzip.decompress(files[path])[len(pagefind.SIGNATURE):]
        assert cbor2.dumps(cbor2.loads(raw)) == raw


def test_missing_binary_is_a_clean_error(mini_records, monkeypatch):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/nonexistent/pagefind")
    with pytest.raises(pagefind.PagefindError):
        pagefind.index(mini_records)


def test_an_index_built_alongside_other_work_is_the_same_and_reports_its_errors(mini_records, monkeypatch):
    started = pagefind.Indexing(mini_records)  # what `survey build` starts before the HTML step
    whole = pagefind.combined([pagefind.index(mini_records)])  # one part at this size
    assert started.files() == whole
    assert started.files() == whole  # asked twice: the same files, built once
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/nonexistent/pagefind")
    with pytest.raises(pagefind.PagefindError):
        pagefind.Indexing(mini_records).files()


def test_the_responses_reader_splits_at_commas_across_chunk_boundaries():
    import base64 as b64
    import io as stdio

    messages = [{"message_id": i, "payload": {"text": "x" * (i * 37)}} for i in range(40)]
    stream = b"".join(b64.b64encode(json.dumps(m).encode()) + b"," for m in messages)

    class Trickle(stdio.BytesIO):
        def read1(self, _size: int = -1) -> bytes:
            return super().read1(7)  # chunks that end anywhere, commas included

    assert list(pagefind._responses(Trickle(stream))) == messages


# -- an index in parts ------------------------------------------------------------------------------


def test_records_split_by_url_into_ceil_n_over_size_parts(mini_records):
    parts = pagefind.split(mini_records, 4)
    assert len(parts) == -(-len(mini_records) // 4)
    assert sorted(r.url for part in parts for r in part) == sorted(r.url for r in mini_records)
    assert all(part == sorted(part, key=lambda r: r.url) for part in parts)  # each keeps the records' order
    assert pagefind.split(list(reversed(mini_records)), 4) == [part[::-1] for part in parts]  # by URL, not position
    assert pagefind.split(mini_records) == [list(mini_records)]  # a small survey is one part


def test_parts_share_the_first_parts_script_and_are_named_in_parts_json(mini_records):
    files = pagefind.index_parts(mini_records, part_size=4)
    count = -(-len(mini_records) // 4)
    assert json.loads(files[pagefind.PARTS]) == {"parts": [f"part-{i}/" for i in range(2, count + 1)]}
    assert {"pagefind.js", "wasm.en.pagefind", "pagefind-entry.json"} <= set(files)
    for i in range(2, count + 1):
        mine = [p for p in files if p.startswith(f"part-{i}/")]
        assert f"part-{i}/pagefind-entry.json" in mine
        assert not [p for p in mine if p.endswith((".js", ".pagefind"))]  # merged parts use the first's
    # each part is exactly the index of its own records
    second = pagefind.index(pagefind.split(mini_records, 4)[1])
    assert {f"part-2/{p}": d for p, d in second.items() if pagefind.part_file(p)} == \
        {p: d for p, d in files.items() if p.startswith("part-2/")}


def test_unchanged_parts_come_from_the_cache_and_one_changed_record_reindexes_one_part(mini_records, tmp_path,
                                                                                     monkeypatch):
    built: list[list[str]] = []
    real = pagefind.index

    def counting(records, *args, **kwargs):
        built.append([r.url for r in records])
        return real(records, *args, **kwargs)

    monkeypatch.setattr(pagefind, "index", counting)
    cache = tmp_path / "search"
    first = pagefind.index_parts(mini_records, part_size=4, cache=cache)
    count = len(built)
    assert count == -(-len(mini_records) // 4) and len(list(cache.glob("part-*.cbor"))) == count
    built.clear()
    assert pagefind.index_parts(mini_records, part_size=4, cache=cache) == first
    assert built == []  # nothing indexed again
    changed = list(mini_records)
    paper = next(i for i, r in enumerate(changed) if r.url.startswith("papers/"))
    changed[paper] = dataclasses.replace(changed[paper], title=changed[paper].title + " (revised)")
    again = pagefind.index_parts(changed, part_size=4, cache=cache)
    assert len(built) == 1 and changed[paper].url in built[0]  # only the edited record's part
    assert again == pagefind.index_parts(changed, part_size=4)  # the same as built from scratch
    (cache / "part-1.cbor").write_bytes(b"not cbor")  # a damaged cache file is a miss, not an error
    assert pagefind.index_parts(changed, part_size=4, cache=cache) == again
    pagefind.index_parts(mini_records, part_size=len(mini_records), cache=cache)  # now one part
    assert [p.name for p in cache.glob("part-*.cbor")] == ["part-1.cbor"]
