"""The YAML/JSON paper-list reader: real papers (from the KV-cache awesome list) and each JSON quirk."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import Link
from generator.records import ReadContext
from generator.sources import FORMATS
from generator.sources.paper_list import read

HERE = Path(__file__).resolve().parent / "fixtures" / "sources" / "papers"
YAML = HERE / "kv-cache-papers.yml"
JSON = HERE / "kv-cache-papers.json"


def _read(text: str, name: str = "list.json"):
    return read(text, ReadContext(name))


def test_registered_for_yaml_and_json_files():
    fmt = FORMATS["papers"]
    assert (fmt.suffixes, fmt.read, fmt.label) == ((".yml", ".yaml", ".json"), read, "paper list")


def test_yaml_list_of_real_papers():
    text = YAML.read_text(encoding="utf-8")
    out = read(text, ReadContext("kv.yml"))
    assert (len(out.records), out.skipped, out.diagnostics) == (12, 0, [])
    first = out.records[0]
    assert first.value("title") == "Keep the Cost Down: A Review on Methods to Optimize LLM' s KV-Cache Consumption"
    assert first.value("authors") == ("Shi Luohe", "Zhang Hongyi", "Yao Yao", "Li Zuchao", "Zhao Hai")
    assert (first.value("date"), first.value("venue"), first.value("arxiv")) == ("2024", "COLM 2024", "2407.18003")
    assert first.value("links") == (Link("https://github.com/zcli-charlie/Awesome-KV-Cache", "code"),)
    assert first.value("keywords") == ("Survey",)
    # "arxiv: 2406.02069" is a plain YAML scalar: read as text, never the float 2406.02069
    assert out.records[8].value("arxiv") == "2406.02069"


def test_yaml_lines_point_at_item_and_key_lines():
    text = YAML.read_text(encoding="utf-8")
    lines = text.splitlines()
    out = read(text, ReadContext("kv.yml"))
    for record in (out.records[0], out.records[5], out.records[-1]):
        assert lines[record.line - 1] == f'- title: "{record.value("title")}"'
        assert lines[record.claims["arxiv"].line - 1].strip() == f"arxiv: {record.value('arxiv')}"
        assert lines[record.claims["authors"].line - 1].strip() == "authors:"


def test_json_wrapper_of_real_papers_with_nan_cells():
    text = JSON.read_text(encoding="utf-8")
    out = read(text, ReadContext("kv.json"))
    assert (len(out.records), out.skipped) == (12, 0)
    # three papers have no code link; the exporter wrote NaN (not JSON) for them
    nan = [d for d in out.diagnostics if d.code == "non-finite"]
    assert len(nan) == 3 and all(d.severity == "warning" for d in nan)
    lines = text.splitlines()
    assert all(lines[d.line - 1].strip() == '"code": NaN,' for d in nan)
    snapkv = next(r for r in out.records if r.value("title").startswith("SnapKV"))
    assert snapkv.value("authors")[:2] == ("Yuhong Li", "Yingbing Huang")  # "A; B; C" splits on ";"
    assert snapkv.value("date") == "2024"
    assert lines[snapkv.line - 1].strip() == "{"
    assert lines[snapkv.claims["title"].line - 1].strip().startswith('"title": "SnapKV')


def test_json_duplicate_keys_reported_last_value_kept():
    out = _read('[\n  {"title": "First",\n   "title": "Second", "year": 2020}\n]')
    assert out.records[0].value("title") == "Second"
    assert [(d.line, d.code) for d in out.diagnostics] == [(3, "duplicate-key")]


def test_json_lone_surrogate_replaced_and_reported():
    out = _read('[{"title": "Bad \\ud800 text", "abstract": "Fine \\ud83d\\ude00 pair"}]')
    record = out.records[0]
    assert record.value("title") == "Bad \ufffd text"
    assert record.value("abstract") == "Fine \U0001f600 pair"
    record.value("title").encode("utf-8")  # writable
    assert [d.code for d in out.diagnostics] == ["lone-surrogate"]


def test_json_infinity_and_numbers_kept_as_written():
    out = _read('[{"title": "T", "stars": Infinity, "arxiv": 2401.10000, "upvotes": 12}]')
    record = out.records[0]
    assert record.value("arxiv") == "2401.10000"  # a float would have lost the trailing zeros
    assert (record.value("stars"), record.value("upvotes")) == (None, 12)
    assert [d.code for d in out.diagnostics] == ["non-finite"]


def test_non_list_tops_and_syntax_errors_are_reported():
    cases = {
        '{"title": "Not a list"}': "paper-list-shape",
        '"a string"': "paper-list-shape",
        '{"papers": {"title": "x"}}': "paper-list-shape",
        '[{"title": "x"},\n {"title": }]': "invalid-json",
        '[{"title": "x"}] trailing': "invalid-json",
        "[" * 100_000: "invalid-json",
    }
    for text, code in cases.items():
        out = _read(text)
        assert out.records == [] and [d.code for d in out.diagnostics] == [code], text[:30]
        assert out.diagnostics[0].severity == "error"
    assert _read('[{"title": "x"},\n {"title": }]').diagnostics[0].line == 2


def test_items_without_title_or_not_mappings_are_skipped_with_their_line():
    out = read("- title: Kept\n- authors: [A B]\n- just a string\n- title: ''\n", ReadContext("l.yaml"))
    assert [r.value("title") for r in out.records] == ["Kept"]
    assert [(d.line, d.code) for d in out.diagnostics] == [(2, "no-title"), (3, "paper-not-mapping"), (4, "no-title")]
    assert out.skipped == 3


def test_declared_fields_aliases_links_and_extras():
    out = read(
        "papers:\n"
        "  - Title: A Paper\n"
        "    author: Doe, Jane and Roe, Rick\n"
        "    date: 2024-05-28\n"
        "    doi: https://doi.org/10.1145/ABC.1\n"
        "    url: https://arxiv.org/abs/2405.00001v3\n"
        "    links: {project: https://example.org/p, dataset: https://huggingface.co/datasets/a/b}\n"
        "    pages: 1-10\n"
        "    notes: {reviewed: yes}\n"
        "  - title: Year and month\n"
        "    year: 2019\n"
        "    month: Sep\n"
        "    stars: lots\n",
        ReadContext("l.yaml"),
    )
    first, second = out.records
    assert first.value("authors") == ("Jane Doe", "Rick Roe")
    assert (first.value("date"), first.value("doi"), first.value("arxiv")) == ("2024-05-28", "10.1145/abc.1", "2405.00001")
    assert first.value("links") == (Link("https://example.org/p", "project"), Link("https://huggingface.co/datasets/a/b", "dataset"))
    assert first.value("pages") == "1-10" and first.value("notes") == '{"reviewed": "yes"}'
    assert first.claims["doi"].line == 5
    assert second.value("date") == "2019-09" and second.value("stars_text") == "lots"
    assert {(d.line, d.code) for d in out.diagnostics} == {(9, "nested-value"), (13, "bad-value")}


def test_yaml_syntax_error_names_its_line():
    out = read("- title: ok\n- title: [unclosed\n", ReadContext("l.yml"))
    assert out.records == [] and out.diagnostics[0].code == "invalid-yaml" and out.diagnostics[0].line >= 2


_JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(
        ["title", "authors", "year", "arxiv", "url", "links", "keywords", "x"]), children, max_size=5),
    max_leaves=20,
)


@settings(deadline=None, max_examples=200)
@given(_JSONISH)
def test_any_json_value_never_raises(value):
    text = json.dumps(value)  # NaN and Infinity included, as Python writes them
    out = _read(text)
    assert all(1 <= r.line <= text.count("\n") + 1 for r in out.records)


@settings(deadline=None, max_examples=200)
@given(st.text(max_size=300), st.sampled_from(["x.json", "x.yml"]))
def test_random_text_never_raises(text, name):
    out = read(text, ReadContext(name))
    assert all(d.path == name for d in out.diagnostics)
