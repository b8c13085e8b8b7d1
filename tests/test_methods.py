"""Method names a paper introduces, checked on the bundled captures and on wild input."""

from __future__ import annotations

import pytest
from conftest import CONTENT, by_title
from hypothesis import given
from hypothesis import strategies as st

from generator import io
from generator.content import ContentFiles
from generator.enrich import methods
from generator.pipeline import read_sources


@pytest.fixture(scope="module")
def corpus():
    corpus, _ = read_sources(io.read_content(CONTENT))
    enriched, diags = methods.enrich(corpus, ContentFiles())
    assert diags == []
    return enriched


@pytest.mark.parametrize(("title", "name"), [
    ("FlashAttention-2:", "FlashAttention-2"),
    ("ZeRO-Infinity:", "ZeRO-Infinity"),
    ("DeepSpeed Ulysses:", "DeepSpeed Ulysses"),
    ("Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM", "Megatron-LM"),
    ("Taming Throughput-Latency Tradeoff", "Sarathi-Serve"),
    ("Adding NVMe SSDs", "Fuyou"),  # from "we present Fuyou"
    ("Shampoo:", "Shampoo"),
    ("Tiny Time Mixers", "TTMs"),
])
def test_real_titles_and_abstracts_yield_their_names(corpus, title, name):
    assert name in by_title(corpus, title).methods


@pytest.mark.parametrize("title", [
    "To FP8 and Back Again",  # a phrase before the colon, not a name
    "Bi-directional Masks for Efficient N:M Sparse Training",  # N:M is no title colon
    "Billion-scale similarity search with GPUs",  # hardware ending a title
    "Optimizing ViViT Training",  # ViViT is someone else's model
])
def test_phrases_and_others_names_are_not_methods(corpus, title):
    paper = by_title(corpus, title)
    assert not any(m in {"To FP8 and Back Again", "Efficient N", "GPUs", "ViViT"} for m in paper.methods)


def test_existing_work_named_in_an_abstract_is_not_claimed(corpus):
    # PYRA's abstract: "Existing works, namely Parameter-Efficient Fine-Tuning (PEFT) ..."
    assert "PEFT" not in by_title(corpus, "PYRA:").methods
    # "three most recent GPU architectures, namely Hopper, Ada, and Ampere"
    assert "Hopper" not in by_title(corpus, "Benchmarking and Dissecting the Nvidia Hopper").methods


def test_spelling_variants_share_one_key():
    assert methods.key("DeepSpeed-Ulysses") == methods.key("DeepSpeed Ulysses") == methods.key("deepspeed_ulysses")
    assert methods.key("FlashAttention2") == methods.key("FlashAttention-2")
    assert methods.key("FlashAttention-2") != methods.key("FlashAttention-3")
    assert methods.key("H_2O") == methods.key("H2O")


def test_one_spelling_per_name_title_first(corpus):
    q = by_title(corpus, "Q-GaLore:")
    assert q.methods[0] == "Q-GaLore"  # the abstract's "Q-Galore" is the same key
    assert [methods.key(m) for m in q.methods].count(methods.key("Q-GaLore")) == 1


def test_deterministic(corpus):
    again, _ = methods.enrich(corpus, ContentFiles())
    assert [p.methods for p in again.papers] == [p.methods for p in corpus.papers]


@given(st.text(max_size=300), st.one_of(st.none(), st.text(max_size=600)))
def test_wild_input_never_raises_and_names_are_clean(title, abstract):
    found = methods.extract_methods(title, abstract)
    assert len({methods.key(m) for m in found}) == len(found)
    assert all(m == m.strip() and m for m in found)


@pytest.mark.parametrize(("title", "name"), [
    ("A Speed Odyssey", "OdysseyLLM"),  # "Our method, OdysseyLLM, comes with a novel W4A8 kernel ..."
    ("Magnitude Invariant Parametrizations", "MIP"),  # "... that we call Magnitude Invariant Parametrizations (MIP)."
    ("p-MoD:", "p-MoD"),  # "Our model, p-MoD, matches or even surpasses ...": a lower-case-first coinage
    ("Superposed Episodic and Semantic Memory", "Sparsey"),  # "We describe Sparsey, an unsupervised ..."
    ("Unifying Specialized Visual Encoders", "MERV"),  # "Our method, MERV, Multi-Encoder Representation of Videos"
])
def test_names_in_apposition_and_other_announcements(corpus, title, name):
    """Issue 10: "introduces X (ABBR)", "Our method, X,", "describes X" (bundled abstracts)."""
    assert name in by_title(corpus, title).methods


def test_introductions_with_versions_and_reports():
    assert methods.extract_methods("T", "This technical report introduces Aya 23, a family of models.") == ("Aya 23",)
    assert methods.extract_methods("T", "Our approach improves accuracy, and our method is simple.") == ()
