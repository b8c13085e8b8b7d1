"""Abbreviations defined in the bundled abstracts become glossary terms; junk in parentheses does not."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import CONTENT
from hypothesis import given
from hypothesis import strategies as st

from generator import io
from generator.content import ContentFiles
from generator.enrich import glossary
from generator.model import Corpus, Paper, SourceRef
from generator.pipeline import read_sources


@pytest.fixture(scope="module")
def corpus():
    corpus, _ = read_sources(io.read_content(CONTENT))
    enriched, diags = glossary.enrich(corpus, ContentFiles())
    assert diags == []
    return enriched


def _term(corpus, abbr: str):
    return next(t for t in corpus.terms if t.abbr == abbr)


@pytest.mark.parametrize(("abbr", "expansion"), [
    ("KV", "key-value"),
    ("MoE", "Mixture-of-Experts"),
    ("NAS", "neural architecture search"),
    ("PPO", "Proximal Policy Optimization"),  # every word's initial, not letters picked inside words
    ("TTM", "Tiny Time Mixers"),  # plural "(TTMs)" folds into TTM
])
def test_real_definitions(corpus, abbr, expansion):
    assert _term(corpus, abbr).expansion.casefold() == expansion.casefold()


def test_terms_sorted_and_papers_listed(corpus):
    assert [t.abbr for t in corpus.terms] == sorted(t.abbr for t in corpus.terms)
    kv = _term(corpus, "KV")
    assert len(kv.papers) >= 5 and list(kv.papers) == sorted(kv.papers)
    for pid in kv.papers:
        assert "KV" in corpus.paper(pid).terms


def test_paper_terms_match_the_glossary(corpus):
    listed = {(pid, t.abbr) for t in corpus.terms for pid in t.papers}
    assert listed == {(p.id, abbr) for p in corpus.papers for abbr in p.terms}


@pytest.mark.parametrize("text", [
    "as shown before (e.g., in prior work) we gain",
    "we see the figure (see Fig. 2) here",
    "object detectors (DETR) are fast",  # letters found inside one word
    "and the results (AB) hold",
])
def test_junk_in_parentheses_is_not_a_term(text):
    assert glossary.definitions(text) == []


def test_most_common_expansion_wins_then_alphabetical():
    def paper(pid: str, abstract: str) -> Paper:
        return Paper(id=pid, title=pid, abstract=abstract, sources=(SourceRef("x", 1, "c"),))

    papers = (
        paper("a", "We use a deep neural network (DNN) here."),
        paper("b", "Deep neural networks (DNNs) are big."),
        paper("c", "A dense nearest neighbour (DNN) index."),
        paper("d", "Plain DNN usage with no definition."),
    )
    corpus, _ = glossary.enrich(Corpus(papers=papers), ContentFiles())
    (term,) = corpus.terms
    assert term.abbr == "DNN" and term.expansion.casefold().startswith("deep neural network")
    assert term.papers == ("a", "b", "d")  # c defines it differently
    again, _ = glossary.enrich(replace(corpus, papers=tuple(reversed(papers))), ContentFiles())
    assert again.terms == corpus.terms


@given(st.text(max_size=500))
def test_wild_text_never_raises_and_expansions_spell_the_abbreviation(text):
    for abbr, expansion in glossary.definitions(text):
        assert expansion and abbr
        assert expansion[0].casefold() == abbr[0].casefold()
