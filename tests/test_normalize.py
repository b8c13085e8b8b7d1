"""Identity and ids: merge by normalized title, ids stable, unique, short and safe as file names."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from generator.model import Entry, SourceRef
from generator.normalize import merge, paper_id, title_key

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _entry(title: str, path: str = "a.txt", line: int = 1, **kw) -> Entry:
    return Entry(title=title, abstract=kw.pop("abstract", None), source=SourceRef(path, line, path), **kw)


def test_title_key_ignores_case_space_punctuation_and_normal_form():
    assert title_key("GaLore: Memory-Efficient  LLM Training") == title_key("galore memory efficient llm training")
    assert title_key("Caf\u00e9") == title_key("Cafe\u0301")  # NFC
    assert title_key("FlashAttention-2") != title_key("FlashAttention-3")


def test_merge_lists_every_collection_and_keeps_first_values():
    papers, diags = merge([
        _entry("Same Paper", "b.txt", 9, abstract="B abstract"),
        _entry("same paper", "a.txt", 3, authors_count=4, date="2024-01-02"),
        _entry("Other", "a.txt", 7),
    ])
    assert len(papers) == 2
    same = next(p for p in papers if p.title.lower() == "same paper")
    assert [s.path for s in same.sources] == ["a.txt", "b.txt"]
    assert same.title == "same paper"  # first source by path, line
    assert same.abstract == "B abstract" and same.authors_count == 4
    assert dict(same.provenance)["abstract"].path == "b.txt"
    assert not diags


def test_bundled_ids_are_unique_ascii_short(bundled):
    corpus, _ = bundled
    ids = [p.id for p in corpus.papers]
    assert len(ids) == len(set(ids)) == 444
    assert all(ID_RE.match(i) and len(i) <= 60 for i in ids)


@given(st.lists(st.text(min_size=1, max_size=80), min_size=1, max_size=30), st.text(min_size=1, max_size=80))
def test_an_id_never_changes_when_unrelated_papers_are_added(titles, extra):
    titles = [t for t in titles if title_key(t)]
    before, _ = merge([_entry(t, line=i + 1) for i, t in enumerate(titles)])
    after, _ = merge([_entry(t, line=i + 1) for i, t in enumerate(titles)] + [_entry(extra, "z.txt")])
    after_ids = {title_key(p.title): p.id for p in after}
    for paper in before:
        key = title_key(paper.title)
        if key != title_key(extra):
            assert after_ids[key] == paper.id
        assert ID_RE.match(paper.id)


def test_paper_id_is_deterministic():
    assert paper_id("GaLore: Memory-Efficient LLM Training by Gradient Low-Rank Projection") == paper_id(
        "galore memory efficient llm training by gradient low rank projection")
