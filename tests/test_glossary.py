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


def test_each_meaning_has_its_entry_and_a_clear_leader_takes_the_undefined_uses():
    def paper(pid: str, abstract: str) -> Paper:
        return Paper(id=pid, title=pid, abstract=abstract, sources=(SourceRef("x", 1, "c"),))

    papers = (
        paper("a", "We use a deep neural network (DNN) here."),
        paper("b", "Deep neural networks (DNNs) are big."),
        paper("c", "A dense nearest neighbour (DNN) index."),
        paper("d", "Plain DNN usage with no definition."),
    )
    corpus, _ = glossary.enrich(Corpus(papers=papers), ContentFiles())
    deep, dense = corpus.terms
    assert deep.abbr == dense.abbr == "DNN" and deep.expansion.casefold().startswith("deep neural network")
    assert deep.papers == ("a", "b", "d")  # d uses it undefined: the clearly leading meaning
    assert dense.papers == ("c",)  # c defines it differently: its own meaning, its own row
    assert corpus.paper("c").terms == ("DNN",)
    again, _ = glossary.enrich(replace(corpus, papers=tuple(reversed(papers))), ContentFiles())
    assert again.terms == corpus.terms


@given(st.text(max_size=500))
def test_wild_text_never_raises_and_expansions_spell_the_abbreviation(text):
    for abbr, expansion in glossary.definitions(text):
        assert expansion and abbr
        assert expansion[0].casefold() == abbr[0].casefold()


def test_hyphenated_first_words_stay_whole():
    """"Current Multi-modal Large Language Models (MLLMs), constrained by their training data" (2406.01014,
    a daily paper in no labelled set) once gave "modal Large Language Models"."""
    assert glossary.definitions("Current Multi-modal Large Language Models (MLLMs), constrained by") == [
        ("MLLM", "Multi-modal Large Language Models")]


def test_one_meaning_whatever_its_spelling():
    assert glossary.expansion_key("Sequence Parallel") == glossary.expansion_key("sequence parallelism")
    assert glossary.expansion_key("Multi-Layer Perceptron") == glossary.expansion_key("multilayer perceptrons")
    assert glossary.expansion_key("speculative decoding") != glossary.expansion_key("Stable Diffusion")


def test_adding_papers_changes_only_undefined_uses(corpus):
    """Adding papers that define "SD" and "KV" differently leaves every bundled paper that defines them
    with its own meaning; only papers using an abbreviation undefined may change."""
    def paper(pid: str, abstract: str) -> Paper:
        return Paper(id=pid, title=pid, abstract=abstract, sources=(SourceRef("x", 1, "c"),))

    extra = tuple(paper(f"x{i}", "Our sparse decoding (SD) and kernel variance (KV) estimates help.") for i in range(5))
    _, before = glossary.build_terms(corpus.papers)
    _, after = glossary.build_terms(corpus.papers + extra)
    for p in corpus.papers:
        own = {abbr for abbr, _e in glossary.definitions(p.abstract or "")}
        assert set(before[p.id]) & own == set(after[p.id]) & own, p.id
    kv = next(p for p in corpus.papers if ("KV", "key-value") in [(a, e.lower()) for a, e in
                                                                  glossary.definitions(p.abstract or "")])
    assert "KV" in after[kv.id]


def test_a_hyphenated_first_word_may_supply_one_letter() -> None:
    """HER-Seg (bundled; set I's run linked its DLA to set I's Dynamic Linear Attention): "dual-gated linear attention
    (DLA)" spells DLA from "dual", "linear" and "attention"; "gated", the later piece of a hyphenated word, may go unread,
    so the paper's own meaning is known and blocks the link."""
    assert glossary.definitions("In particular, we introduce the dual-gated linear attention (DLA) mechanism to "
                                "perform cascaded gating.") == [("DLA", "dual-gated linear attention")]


def _plain_abbrs_used(text: str, defined: set[str]) -> set[str]:
    """Every abbreviation-shaped token, normalized, then those defined: what the fast form must give."""
    return {glossary.normalize_abbr(t) for t in glossary._TOKEN.findall(text)
            if not t.islower() and sum(c.isupper() for c in t) >= 2} & defined


@given(st.text(alphabet=st.sampled_from("aAbBsS2- ()_é"), max_size=60),
       st.sets(st.text(alphabet=st.sampled_from("aAbBsS2-"), min_size=1, max_size=4), max_size=6))
def test_abbreviations_used_match_the_plain_token_scan(text, defined):
    assert glossary._abbrs_used(text, defined, glossary._written(defined)) == _plain_abbrs_used(text, defined)


def test_abbreviations_used_match_the_plain_token_scan_on_the_bundled_corpus(corpus):
    defined = {t.abbr for t in corpus.terms}
    written = glossary._written(defined)
    for p in corpus.papers:
        text = f"{p.title} {p.abstract or ''}"
        assert glossary._abbrs_used(text, defined, written) == _plain_abbrs_used(text, defined)


def test_definitions_found_once_per_text_are_handed_out_as_new_lists():
    text = "We train a key-value (KV) cache."
    first = glossary.definitions(text)
    first.append(("X", "y"))
    assert glossary.definitions(text) == [("KV", "key-value")]
