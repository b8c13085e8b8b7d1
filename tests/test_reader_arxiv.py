"""The arXiv Atom reader on every recorded response in the shared corpus, plus hostile and broken XML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import CORPORA
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import Link
from generator.records import FIELDS, ReadContext
from generator.sources import FORMATS
from generator.sources.arxiv_atom import read, split_id

# shared/ sits beside the checkout (a worktree is one level deeper): the nearest one upwards
CORPUS = CORPORA / "arxiv-atom"
XML = sorted((CORPUS / "xml").glob("*.xml"))
LEGACY = sorted((CORPUS / "xml_legacy_2016").glob("*.xml"))


def _read(path: Path):
    return read(path.read_text(encoding="utf-8"), ReadContext(path.name))


def _text(name: str) -> str:
    return next(p for p in XML + LEGACY if p.name.startswith(name)).read_text(encoding="utf-8")


def _provenance_counts() -> dict[str, int]:
    text = (CORPUS / "PROVENANCE.txt").read_text(encoding="utf-8")
    return {m[1]: int(m[2]) for m in re.finditer(r"^\s+(\S+\.xml) entries=(\d+)", text, re.MULTILINE)}


def test_registered_under_its_folder():
    fmt = FORMATS["arxiv"]
    assert (fmt.suffixes, fmt.read, fmt.label) == ((".xml", ".atom"), read, "arXiv API response")
    assert "retrieved" in FIELDS


@pytest.mark.parametrize("path", XML + LEGACY, ids=lambda p: p.name)
def test_every_recorded_response_reads_with_the_provenance_counts(path: Path):
    out = _read(path)
    expected = _provenance_counts()[f"{path.parent.name}/{path.name}"]
    api_errors = [d for d in out.diagnostics if d.code == "api-error"]
    # an error response is an <entry> too, but not a paper
    assert len(out.records) + len(api_errors) == expected
    assert out.skipped == 0
    assert [d for d in out.diagnostics if d.code not in {"api-error", "empty-feed"}] == []


def test_totals_match_the_provenance():
    records = [r for p in XML for r in _read(p).records]
    assert len(records) == 221  # 222 entries, one of which is the error report for "abc"
    # PROVENANCE's 106 unique ids count the error feed's own <id>https://arxiv.org/</id>
    assert len({r.value("arxiv") for r in records}) == 105
    assert len({c for r in records for c in r.value("categories")}) == 39
    assert sum(1 for r in records if r.value("doi")) == 60
    assert sum(1 for r in records if r.value("journal_ref")) == 34
    assert sum(1 for p in LEGACY for _ in _read(p).records) == 24


def test_error_feed_is_one_diagnostic_with_the_api_text_and_no_record():
    out = read(_text("id_abc"), ReadContext("arxiv/abc.xml"))
    assert out.records == []
    [diag] = out.diagnostics
    assert (diag.path, diag.line, diag.severity, diag.code) == ("arxiv/abc.xml", 9, "error", "api-error")
    assert "incorrect id format for abc" in diag.message


@pytest.mark.parametrize("name", ["id_0000.0000", "id_0808.05394_s0"])
def test_empty_feed_is_reported_at_info_level(name: str):
    out = read(_text(name), ReadContext("x.xml"))
    assert out.records == []
    [diag] = out.diagnostics
    assert (diag.severity, diag.code, diag.line) == ("info", "empty-feed", 2)
    assert "totalResults 0" in diag.message


def test_multi_id_query_with_one_unknown_id_yields_the_known_one():
    out = read(_text("id_0808.05394_1707"), ReadContext("x.xml"))
    [record] = out.records
    assert record.value("arxiv") == "1707.08567"
    authors = record.value("authors")
    assert len(authors) == 34
    assert (authors[0], authors[32], authors[-1]) == ("Kees A. Schouhamer Immink", "Dirk Wübben", "Hirosuke Yamamoto")
    assert record.value("retrieved") == "2026-04-12"


def test_old_style_id_keeps_its_archive_and_affiliations_are_kept():
    [record] = read(_text("id_astro-ph"), ReadContext("x.xml")).records
    assert record.value("arxiv") == "astro-ph/0601001"
    assert record.value("arxiv_version") == "v1"
    assert record.value("journal_ref") == "ActaAstron.56:1-50,2006"
    assert record.value("affiliations").startswith("Andrew Gould (Ohio State); Susan Dorsher (Ohio State)")
    assert record.value("date") == "2006-01-02"
    assert record.value("links") == (
        Link("https://arxiv.org/abs/astro-ph/0601001v1", "paper"),
        Link("https://arxiv.org/pdf/astro-ph/0601001v1", "paper"),
    )
    # a non-code URL in the comment stays in the comment, not in links
    assert "ogle_hot_jupiters.ps.gz" in record.value("comment")


def test_versioned_ids_lose_their_version():
    [record] = read(_text("id_2104.12255v1"), ReadContext("x.xml")).records
    assert (record.value("arxiv"), record.value("arxiv_version")) == ("2104.12255", "v1")
    [record] = read(_text("id_quant-ph_0201082v1"), ReadContext("x.xml")).records
    assert record.value("arxiv") == "quant-ph/0201082"
    assert split_id("http://arxiv.org/abs/hep-th/9901001v3") == ("hep-th/9901001", "3")
    assert split_id("https://arxiv.org/api/errors#incorrect_id_format_for_abc") is None


def test_legacy_format_unwraps_titles_and_summaries():
    text = _text("id_list=1111.2011v2")
    [record] = read(text, ReadContext("x.xml")).records
    assert record.value("title") == "Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit"
    abstract = record.value("abstract")
    assert abstract.startswith("Theoretical description of anisotropic systems, such as layered superconductors")
    assert "\n" not in abstract and "  " not in abstract
    assert abstract.endswith("a single extra dimension to the theory describing a single node.")
    assert record.value("doi") == "10.1103/physrevb.85.115117"
    assert record.value("categories") == ("cond-mat.str-el", "cond-mat.stat-mech")
    assert Link("http://dx.doi.org/10.1103/PhysRevB.85.115117", "paper") in record.value("links")
    assert record.value("retrieved") == "2016-10-09"
    lines = text.splitlines()
    assert lines[record.claims["title"].line - 1].strip().startswith("<title>Quantum Criticality")


def test_legacy_titles_with_line_breaks_are_all_unwrapped():
    titles = [r.value("title") for p in LEGACY for r in _read(p).records]
    wrapped = [t for p in LEGACY for t in re.findall(r"<title>([^<]*\n[^<]*)</title>", p.read_text(encoding="utf-8"))]
    assert len(wrapped) >= 9  # the corpus README: line breaks inside 9 titles
    assert {" ".join(w.split()) for w in wrapped} <= set(titles)
    assert all("\n" not in t and "  " not in t for t in titles)


# the tag a claim's line must show, per field
_TAGS = {
    "title": "<title", "abstract": "<summary", "arxiv": "<id>", "arxiv_version": "<id>", "date": "<published",
    "updated": "<updated", "doi": "doi", "journal_ref": "<arxiv:journal_ref", "comment": "<arxiv:comment",
    "categories": "category", "authors": "<author", "affiliations": "<arxiv:affiliation", "links": "<link",
    "retrieved": "<updated",
}


@pytest.mark.parametrize("path", XML + LEGACY, ids=lambda p: p.name)
def test_every_claim_stands_on_the_line_of_its_element(path: Path):
    lines = path.read_text(encoding="utf-8").splitlines()
    for record in _read(path).records:
        assert lines[record.line - 1].strip() == "<entry>"
        for name, claim in record.claims.items():
            assert _TAGS[name] in lines[claim.line - 1], (name, claim.line)


def test_latex_is_kept_for_normalize_and_primary_category_comes_first():
    records = [r for p in XML for r in _read(p).records]
    latex = [r for r in records if "$" in r.value("title") + r.value("abstract")]
    assert latex and any("\\" in r.value("abstract") for r in latex)
    first = next(r for r in records if r.value("arxiv") == "2202.12139")
    assert first.value("categories") == ("cs.SE", "cs.LG")


def test_github_url_in_the_comment_is_a_code_link():
    record = next(r for r in read(_text("q_testing_s40"), ReadContext("x.xml")).records if r.value("arxiv") == "1706.00679")
    assert Link("https://github.com/ydecastro/super-resolution-testing", "code") in record.value("links")


_BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&lol3;</title></entry></feed>
"""
_EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE feed [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&xxe;</title></entry></feed>
"""


@pytest.mark.parametrize("text", [_BOMB, _EXTERNAL, '<?xml version="1.0"?>\n<!DOCTYPE feed SYSTEM "http://example.org/x.dtd">\n<feed/>'])
def test_dtds_and_entities_are_refused_and_reported_never_expanded(text: str):
    out = read(text, ReadContext("evil.xml"))
    assert out.records == []
    [diag] = out.diagnostics
    assert (diag.severity, diag.code, diag.line) == ("error", "unsafe-xml", 2)
    assert "lol" not in diag.message.replace("lolz", "")


def test_truncated_response_keeps_the_entries_before_the_cut():
    text = _text("q_testing_s0_m10")
    cut = [m.start() for m in re.finditer("<entry>", text)][3] + 200
    out = read(text[:cut], ReadContext("x.xml"))
    assert len(out.records) == 3
    [diag] = out.diagnostics
    assert (diag.severity, diag.code) == ("error", "bad-xml")
    assert diag.line == text[:cut].count("\n") + 1
    assert "3 complete entries" in diag.message


def test_not_an_atom_feed():
    out = read("<html><body>rate limited</body></html>", ReadContext("x.xml"))
    assert out.records == [] and [d.code for d in out.diagnostics] == ["not-atom"]


def test_entry_without_title_is_skipped_with_its_line():
    lines = _text("id_2104.12255v1").splitlines(keepends=True)
    assert lines[11].strip() == "<title>0</title>"  # the paper is titled "0": a real title, kept
    out = read("".join(lines[:11] + lines[12:]), ReadContext("x.xml"))
    assert out.records == [] and out.skipped == 1
    assert [(d.code, d.line) for d in out.diagnostics] == [("no-title", 10)]


@settings(deadline=None, max_examples=200)
@given(cut=st.integers(min_value=0, max_value=len(_text("id_astro-ph"))), junk=st.text(max_size=20))
def test_truncated_or_garbled_xml_never_raises(cut: int, junk: str):
    text = _text("id_astro-ph")
    for variant in (text[:cut], text[:cut] + junk + text[cut:]):
        out = read(variant, ReadContext("x.xml"))
        assert len(out.records) <= 1
        assert all(d.line >= 0 for d in out.diagnostics)


@settings(deadline=None, max_examples=200)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str):
    out = read(text, ReadContext("x.xml"))
    assert out.records == [] or all(r.value("title") for r in out.records)


def test_all_feed_corpora_import_through_the_pipeline(tmp_path: Path):
    """Both feed corpora dropped into content/sources/ load as one corpus: one paper per arXiv id."""
    from generator import io, pipeline

    content = tmp_path / "content"
    arxiv, daily = content / "sources" / "arxiv", content / "sources" / "hf-daily"
    arxiv.mkdir(parents=True)
    daily.mkdir(parents=True)
    for path in XML:
        (arxiv / path.name).write_bytes(path.read_bytes())
    for path in LEGACY:
        (arxiv / f"legacy-{path.name.replace('=', '-')}").write_bytes(path.read_bytes())
    for path in (CORPUS.parent / "hf-daily-papers-json").glob("*.json"):
        (daily / path.name).write_bytes(path.read_bytes())
    corpus, diags = pipeline.load(io.read_content(content))
    # 105 ids in xml/, 12 in the legacy files, 124 daily papers: no id is shared between them
    assert len(corpus.papers) == 105 + 12 + 124
    assert all(p.arxiv_id for p in corpus.papers)
    assert sorted((d.path.rsplit("/", 1)[-1], d.line, d.code) for d in diags.items if d.severity != "info") == [
        ("error-payload.json", 1, "api-error"), ("id_abc_s0_m100_b79c8dcf6bc3.xml", 9, "api-error")]
