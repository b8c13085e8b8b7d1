"""The Hugging Face daily-papers reader on the six saved days (schema drift included) and broken JSON."""

from __future__ import annotations

import ast
import json
import re

import pytest
from conftest import CORPORA
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import Link
from generator.records import ReadContext
from generator.sources import FORMATS
from generator.sources.hf_daily import read

CORPUS = CORPORA / "hf-daily-papers-json"
DAYS = {"2024-05-27": 13, "2024-12-11": 26, "2025-01-10": 9, "2025-03-11": 26, "2025-07-29": 15, "2026-04-10": 35}


def _text(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def _read(name: str):
    return read(_text(name), ReadContext(f"hf-daily/{name}"))


def test_registered_under_its_folder():
    fmt = FORMATS["hf-daily"]
    assert (fmt.suffixes, fmt.read, fmt.label) == ((".json",), read, "Hugging Face daily papers")


@pytest.mark.parametrize(("day", "count"), sorted(DAYS.items()))
def test_every_day_reads_with_the_provenance_counts(day: str, count: int):
    out = _read(f"{day}.json")
    assert len(out.records) == count
    assert (out.skipped, out.diagnostics) == (0, [])
    for record in out.records:
        assert re.fullmatch(r"\d{4}\.\d{4,5}", record.value("arxiv"))
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", record.value("date"))
        assert record.value("authors") and isinstance(record.value("upvotes"), int)
        for name in ("title", "abstract"):  # hard line breaks unfolded
            assert "\n" not in record.value(name) and "  " not in record.value(name)


def test_error_payload_is_one_error_with_its_line_and_no_record():
    out = _read("error-payload.json")
    assert out.records == []
    [diag] = out.diagnostics
    assert (diag.path, diag.line, diag.severity, diag.code) == ("hf-daily/error-payload.json", 1, "error", "api-error")
    assert "can't find the page" in diag.message


def test_earliest_schema_claims_and_lines():
    text = _text("2024-05-27.json")
    lines = text.splitlines()
    first = _read("2024-05-27.json").records[0]
    assert first.value("title") == "ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal Models"
    assert first.value("arxiv") == "2405.15738"
    assert first.value("date") == "2024-05-24"  # the paper's publishedAt, not the listing's
    assert first.value("upvotes") == 32
    assert first.value("authors")[:3] == ("Chunjiang Ge", "Sijie Cheng", "Ziming Wang")
    assert lines[first.line - 1].strip() == '"paper": {'
    assert lines[first.claims["title"].line - 1].strip().startswith('"title": "ConvLLaVA')
    assert lines[first.claims["abstract"].line - 1].strip().startswith('"summary": ')
    assert lines[first.claims["arxiv"].line - 1].strip() == '"id": "2405.15738",'


@pytest.mark.parametrize("day", sorted(DAYS))
def test_each_record_stands_on_its_paper_object_or_repr_string(day: str):
    lines = _text(f"{day}.json").splitlines()
    for record in _read(f"{day}.json").records:
        line = lines[record.line - 1].strip()
        assert line == '"paper": {' or line.startswith("\"{'paper': {'id': '" + record.value("arxiv"))


def test_repr_strings_are_literals_never_code():
    out = _read("2024-12-11.json")
    assert out.records[0].value("title") == "STIV: Scalable Text and Image Conditioned Video Generation"
    assert {c.line for c in out.records[0].claims.values()} == {2}  # the string's own line
    wrapped = _read("2025-01-10.json")
    assert wrapped.records[0].value("title") == "The GAN is dead; long live the GAN! A Modern GAN Baseline"
    assert wrapped.records[0].line == 6
    evil = json.dumps(["__import__('os').system('echo owned')", "{'paper': {'title': 'Fine', 'id': '2501.00001'}}"])
    out = read(evil, ReadContext("x.json"))
    assert [r.value("title") for r in out.records] == ["Fine"]
    assert [(d.code, d.line) for d in out.diagnostics] == [("bad-item", 1)]


def test_later_fields_links_stars_keywords_summary():
    arpo = _read("2025-07-29.json").records[0]
    assert arpo.value("title") == "Agentic Reinforced Policy Optimization"
    # githubRepo and projectPage are the same URL: one code link, not a project page too
    assert arpo.value("links") == (Link("https://github.com/dongguanting/ARPO", "code"),)
    assert arpo.value("stars") == 56
    assert arpo.value("summary").startswith("Agentic Reinforced Policy Optimization (ARPO) is a novel RL algorithm")
    assert "reinforcement learning" in arpo.value("keywords")
    records = _read("2025-07-29.json").records
    kinds = {link.kind for r in records for link in r.value("links") or ()}
    assert kinds == {"code", "project"}
    probench = next(r for r in _read("2025-03-11.json").records if r.value("title").startswith("ProBench"))
    assert probench.value("links") == (Link("https://github.com/Yan98/ProBench_eval", "code"),
                                       Link("https://yan98.github.io/ProBench", "project"))  # cleaned like every link


def test_organization_name():
    records = _read("2026-04-10.json").records
    orgs = [r.value("org") for r in records if r.value("org")]
    assert len(orgs) == 22
    assert "Tencent Hunyuan" in orgs  # the organisation's full name, not its handle


def _first_item() -> dict:
    return json.loads(_text("2024-05-27.json"))[0]


def test_hidden_and_empty_authors_are_skipped():
    item = _first_item()
    item["paper"]["authors"][0]["hidden"] = True
    item["paper"]["authors"][1]["name"] = "  "
    [record] = read(json.dumps([item], indent=2), ReadContext("x.json")).records
    assert record.value("authors")[:2] == ("Ziming Wang", "Jiale Yuan")


def test_wrapper_with_wrong_count_and_bad_fields_are_reported():
    item = _first_item()
    item["paper"]["publishedAt"] = "yesterday"
    item["paper"]["githubRepo"] = "javascript:alert(1)"
    item["paper"]["id"] = "not-an-id"
    text = json.dumps({"status": "success", "date": "2024-05-27", "count": 2, "data": [item]}, indent=1)
    out = read(text, ReadContext("x.json"))
    [record] = out.records
    assert record.value("date") is None and record.value("links") is None and record.value("arxiv") is None
    assert sorted(d.code for d in out.diagnostics) == ["bad-arxiv-id", "bad-date", "bad-url", "count-mismatch"]


def test_repr_string_round_trip_matches_the_json_form():
    # the same paper, once as JSON and once as the Python-repr string the 2024-12-11 file holds
    item = _first_item()
    as_json = read(json.dumps([item]), ReadContext("x.json")).records[0]
    as_repr = read(json.dumps([repr(item)]), ReadContext("x.json")).records[0]
    assert {k: c.value for k, c in as_json.claims.items()} == {k: c.value for k, c in as_repr.claims.items()}
    assert ast.literal_eval(repr(item)) == item


@pytest.mark.parametrize(("text", "code"), [
    ("", "invalid-json"), ("{", "invalid-json"), ('"just a string"', "not-daily-papers"), ("[" * 100_000, "invalid-json"),
])
def test_broken_files_are_one_error(text: str, code: str):
    out = read(text, ReadContext("x.json"))
    assert out.records == [] and [d.code for d in out.diagnostics] == [code]


def test_empty_day_is_info():
    out = read("[]", ReadContext("x.json"))
    assert out.records == [] and [(d.severity, d.code) for d in out.diagnostics] == [("info", "empty-source")]



@settings(deadline=None, max_examples=200)
@given(cut=st.integers(min_value=0, max_value=len(_text("2025-03-11.json"))), junk=st.text(max_size=10))
def test_truncated_or_garbled_json_never_raises(cut: int, junk: str):
    text = _text("2025-03-11.json")
    for variant in (text[:cut], text[:cut] + junk + text[cut:]):
        out = read(variant, ReadContext("x.json"))
        assert len(out.records) <= DAYS["2025-03-11"]


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                         st.sampled_from(["paper", "title", "id", "authors", "name", "hidden", "data", "error",
                                          "githubRepo", "projectPage", "ai_keywords", "organization", "count"]),
                         inner, max_size=5), max_leaves=30)


@settings(deadline=None, max_examples=300)
@given(_JSON)
def test_any_json_shape_never_raises(value):
    for text in (json.dumps(value), json.dumps([repr(value)])):
        out = read(text, ReadContext("x.json"))
        assert all(r.value("title") for r in out.records)
