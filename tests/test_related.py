"""Related papers by text similarity and related topics by shared papers and mentions."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import CONTENT, by_title
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import io
from generator.content import ContentFiles
from generator.enrich import mentions, methods, related
from generator.model import Corpus, Mention, Paper, SourceRef, Topic, TopicAssignment
from generator.pipeline import read_sources


@pytest.fixture(scope="module")
def corpus():
    corpus, _ = read_sources(io.read_content(CONTENT))
    corpus, _ = methods.enrich(corpus, ContentFiles())
    corpus, _ = mentions.enrich(corpus, ContentFiles())
    enriched, diags = related.enrich(corpus, ContentFiles())
    assert diags == []
    return enriched


def _id(corpus, start: str) -> str:
    return by_title(corpus, start).id


def test_every_paper_gets_five_others_best_first(corpus):
    ids = {p.id for p in corpus.papers}
    for p in corpus.papers:
        assert len(p.related) == 5
        assert p.id not in p.related
        assert len(set(p.related)) == 5 and set(p.related) <= ids


@pytest.mark.parametrize(("paper", "neighbour"), [
    ("FlashAttention-2:", "FlashAttention-3:"),
    ("ZeRO-Infinity:", "ZeRO: Memory"),
    ("GPipe:", "Breadth-First Pipeline Parallelism"),
    ("Billion-scale similarity search with GPUs", "SPANN:"),
])
def test_real_neighbours_are_found(corpus, paper, neighbour):
    assert _id(corpus, neighbour) in corpus.paper(_id(corpus, paper)).related


def test_deterministic_and_independent_of_paper_order(corpus):
    again = related.related_papers(tuple(reversed(corpus.papers)))
    assert again == {p.id: p.related for p in corpus.papers}


def _paper(pid: str, text: str, topics: tuple[str, ...] = ()) -> Paper:
    return Paper(id=pid, title=text, abstract=text, sources=(SourceRef("x", 1, "c"),),
                 topics=tuple(TopicAssignment(t, 1.0) for t in topics))


def test_shared_topics_break_ties():
    papers = (
        _paper("a", "sparse attention kernels"),
        _paper("b", "sparse attention kernels", topics=("t1",)),
        _paper("c", "sparse attention kernels", topics=("t2",)),
        _paper("z", "sparse attention kernels", topics=("t2",)),
    )
    papers = (replace(papers[0], topics=(TopicAssignment("t2", 1.0),)), *papers[1:])
    found = related.related_papers(papers)
    assert found["a"][:2] == ("c", "z")  # equal text scores: the papers sharing topic t2 first, then by id


def test_related_topics_from_shared_papers_and_mentions():
    topics = (
        Topic("systems", "Systems"), Topic("parallel", "Parallelism", parent="systems"),
        Topic("kernels", "Kernels", parent="systems"), Topic("quant", "Quantization"),
        Topic("pruning", "Pruning"),
    )
    papers = (
        _paper("p1", "x", ("parallel", "quant")),
        _paper("p2", "x", ("parallel", "quant")),
        _paper("p3", "x", ("kernels",)),
        replace(_paper("p4", "x", ("pruning",)), mentions=(Mention("p4", "p3", "K", "uses K"),)),
    )
    linked = related.related_topics(Corpus(papers=papers, topics=topics))
    assert linked["parallel"][0] == "quant"  # two shared papers
    assert "systems" not in linked["parallel"]  # the tree already links parent and child
    assert linked["pruning"] == ("kernels", "systems")  # one mention into kernels, which is under systems
    assert linked["kernels"][0] == "pruning"


def test_topic_cycle_in_bad_input_terminates():
    topics = (Topic("a", "A", parent="b"), Topic("b", "B", parent="a"))
    linked = related.related_topics(Corpus(papers=(_paper("p", "x", ("a",)),), topics=topics))
    assert set(linked) == {"a", "b"}


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=80), min_size=0, max_size=8))
def test_wild_texts_never_raise(texts):
    papers = tuple(_paper(f"p{i}", t) for i, t in enumerate(texts))
    found = related.related_papers(papers)
    assert set(found) == {p.id for p in papers}
    assert all(pid not in rel for pid, rel in found.items())


# scores from a few levels, so many tie, some only after rounding to 6 places
_SCORES = st.sampled_from([0.0, 1e-10, 0.1, 0.1 + 4e-7, 0.1 - 4e-7, 0.2, 0.2000004, 0.3, 0.5, 0.9])


@given(st.lists(st.tuples(st.integers(0, 30), _SCORES), max_size=40, unique_by=lambda t: t[0]),
       st.integers(1, 6), st.lists(st.frozensets(st.sampled_from("abc"), max_size=2), min_size=31, max_size=31))
def test_best_neighbours_are_those_of_sorting_every_candidate(pairs, k, topics):
    import numpy as np

    ids = [f"p{j:02d}" for j in range(31)]
    cols = np.array([j for j, _v in pairs], dtype=np.int32)
    vals = np.array([v for _j, v in pairs], dtype=np.float32)
    plain = sorted((-round(float(v), 6), -len(topics[0] & topics[j]), ids[j])
                   for j, v in zip(cols.tolist(), vals.tolist(), strict=True) if j != 0 and v > 1e-9)
    assert related._best(0, cols, vals, k, topics, ids) == tuple(pid for _s, _t, pid in plain[:k])
