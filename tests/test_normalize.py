"""Identity, ids, merging and provenance: records from several sources become one paper each."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import Link, SourceRef
from generator.normalize import Sourced, arxiv_id, doi, merge, paper_id, title_key
from generator.precedence import Precedence
from generator.records import Claim, Record

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FIXTURES = Path(__file__).parent / "fixtures"


def rec(path: str, line: int, fmt: str = "hf", **fields) -> Sourced:
    """A record from ``path`` whose every claim stands on the record's line."""
    return Sourced(Record(line, {k: Claim(v, line) for k, v in fields.items()}), SourceRef(path, line, path), fmt)


def test_title_key_ignores_case_space_punctuation_and_normal_form():
    assert title_key("GaLore: Memory-Efficient  LLM Training") == title_key("galore memory efficient llm training")
    assert title_key("Caf\u00e9") == title_key("Cafe\u0301")  # NFC
    assert title_key("H\u2082O: Heavy-Hitter Oracle") == title_key("H2O: Heavy-Hitter Oracle")  # NFKC
    assert title_key("FlashAttention-2") != title_key("FlashAttention-3")


def test_arxiv_ids_and_dois_are_normalized():
    assert arxiv_id("arXiv:2307.08691v2") == "2307.08691"
    assert arxiv_id("https://arxiv.org/abs/2406.02069") == "2406.02069"
    assert arxiv_id("arXiv preprint arXiv:1810.04805") == "1810.04805"
    assert arxiv_id("http://arxiv.org/abs/astro-ph/0601001v1") == "astro-ph/0601001"
    assert arxiv_id("12345") is None
    assert doi("https://doi.org/10.1109/CVPR.2016.90") == "10.1109/cvpr.2016.90"
    assert doi("not a doi") is None


def test_merge_lists_every_source_and_keeps_first_values_with_provenance():
    papers, diags, stats, _near = merge([
        rec("b.txt", 9, title="Same Paper", abstract="B abstract"),
        rec("a.txt", 3, title="same paper", authors_count=4, date="2024-01-02"),
        rec("a.txt", 7, title="Other"),
    ])
    assert len(papers) == 2
    same = next(p for p in papers if p.title.lower() == "same paper")
    assert [s.path for s in same.sources] == ["a.txt", "b.txt"]
    assert same.title == "same paper"  # same format: first by path, then line
    assert same.abstract == "B abstract" and same.authors_count == 4
    assert same.provenance_of("abstract").chosen.ref == SourceRef("b.txt", 9, "b.txt")
    title = same.provenance_of("title")
    assert [c.value for c in title.claims] == ["same paper", "Same Paper"]  # the loser is kept
    assert {s.collection: (s.records, s.papers, s.merged) for s in stats} == {"a.txt": (2, 2, 1), "b.txt": (1, 1, 1)}
    assert not [d for d in diags if d.severity != "info"]


def test_arxiv_id_joins_records_whose_titles_differ_and_precedence_picks_fields():
    papers, _diags, _stats, _near = merge([
        rec("sources/hf/x.txt", 10, "hf", title="H2O: Heavy-Hitter Oracle for Efficient Generative Inference",
            abstract="capture abstract", date="2023-06-24", upvotes=5),
        rec("sources/arxiv/r.xml", 40, "arxiv", title="H$_2$O: Heavy-Hitter Oracle for Efficient Generative Inference",
            arxiv="2306.14048v3", authors=("Zhenyu Zhang", "Ying Sheng"), date="2023-06-24",
            abstract="arXiv abstract"),
        rec("sources/bibtex/refs.bib", 3, "bibtex", title="H2O: heavy-hitter oracle", arxiv="2306.14048",
            authors=("Zhang, Zhenyu",), venue="NeurIPS", date="2023", citekey="zhang2023h2o"),
    ])
    assert len(papers) == 1
    paper = papers[0]
    assert paper.arxiv_id == "2306.14048"
    assert paper.authors == ("Zhenyu Zhang", "Ying Sheng")  # arXiv before BibTeX by default
    assert paper.abstract == "arXiv abstract"
    assert paper.venue is not None and paper.venue.startswith("NeurIPS")  # BibTeX first for venues
    assert paper.upvotes == 5 and paper.citekey == "zhang2023h2o"
    assert len(paper.sources) == 3
    # the ids the other titles would have had redirect here
    assert paper_id("H2O: heavy-hitter oracle") in paper.aliases
    authors = paper.provenance_of("authors")
    assert authors.chosen.format == "arxiv" and authors.chosen.ref.line == 40
    assert [a.format for a in authors.alternatives] == ["bibtex"]


def test_precedence_is_overridable_per_field():
    records = [
        rec("sources/hf/x.txt", 1, "hf", title="A Paper About Things", date="2024-02-01"),
        rec("sources/arxiv/r.xml", 5, "arxiv", title="A Paper About Things", date="2024-01-15"),
    ]
    default, *_ = merge(records)
    assert default[0].date == "2024-01-15"
    flipped, *_ = merge(records, Precedence(fields={"date": ("hf",)}))
    assert flipped[0].date == "2024-02-01"


def test_a_fuller_date_that_agrees_beats_a_bare_year():
    papers, *_ = merge([
        rec("sources/bibtex/a.bib", 1, "bibtex", title="Deep Compression of Networks", date="2016"),
        rec("sources/hf/x.txt", 9, "hf", title="Deep Compression of Networks", date="2016-05-03"),
    ])
    assert papers[0].date == "2016-05-03"


def test_different_arxiv_ids_are_kept_apart_even_with_the_same_title():
    papers, diags, *_ = merge([
        rec("a.xml", 1, "arxiv", title="A Survey of Efficient Transformers", arxiv="2009.06732"),
        rec("b.xml", 1, "arxiv", title="A Survey of Efficient Transformers", arxiv="2302.01107"),
    ])
    assert len(papers) == 2
    assert any(d.code == "kept-apart" for d in diags)
    assert len({p.id for p in papers}) == 2


def test_near_identical_titles_merge_and_near_misses_are_listed():
    papers, _d, _s, near = merge([
        rec("a.txt", 1, title="Reducing Activation Recomputation in Large Transformer Models"),
        rec("b.txt", 1, title="Reducing Activation Recomputation in Large Transformer Model"),
        rec("c.txt", 1, title="Efficient Memory Management for Large Language Model Serving"),
        rec("d.txt", 1, title="Efficient Memory Management for Large Language Model Training"),
        rec("e.txt", 1, title="LLaMA 2: Open Foundation and Fine-Tuned Chat Models at Scale"),
        rec("f.txt", 1, title="LLaMA 3: Open Foundation and Fine-Tuned Chat Models at Scale"),
    ])
    titles = sorted(p.title for p in papers)
    assert len(papers) == 5  # the plural merged; serving/training and 2/3 did not
    assert "Reducing Activation Recomputation in Large Transformer Model" in titles or \
        "Reducing Activation Recomputation in Large Transformer Models" in titles
    by_id = {p.id: p.title for p in papers}
    pairs = {frozenset((by_id[n.a], by_id[n.b])) for n in near}
    assert frozenset(("LLaMA 2: Open Foundation and Fine-Tuned Chat Models at Scale",
                      "LLaMA 3: Open Foundation and Fine-Tuned Chat Models at Scale")) in pairs


def test_links_from_every_source_are_kept_once():
    papers, *_ = merge([
        rec("a.json", 1, "hf-daily", title="Tiny Paper", links=(Link("https://github.com/a/b", "code"),),
            abstract="Code: https://github.com/a/b and https://a.github.io/tiny"),
        rec("b.md", 1, "awesome", title="Tiny Paper", links=(Link("https://github.com/a/b", "code"),)),
    ])
    assert [link.url for link in papers[0].links] == ["https://github.com/a/b", "https://a.github.io/tiny"]


def test_undeclared_fields_are_kept_as_extra():
    papers, *_ = merge([rec("a.bib", 1, "bibtex", title="Some Paper", pages="1--10", publisher="ACM")])
    assert dict(papers[0].extra) == {"pages": "1--10", "publisher": "ACM"}


def test_citekeys_are_unique_and_stable_in_form():
    papers, *_ = merge([
        rec("a.txt", 1, title="Pruning Filters for Efficient ConvNets", authors=("Hao Li",), date="2017"),
        rec("a.txt", 2, title="Pruning Networks Again", authors=("Hao Li",), date="2017"),
    ])
    keys = sorted(p.citekey for p in papers)
    assert len(set(keys)) == 2 and all(k.startswith("li2017pruning") for k in keys)


def test_bundled_paper_urls_of_the_first_version_still_resolve(bundled):
    corpus, _ = bundled
    old = (FIXTURES / "urls" / "bundled_paper_ids_v1.txt").read_text(encoding="utf-8").split()
    live = {p.id for p in corpus.papers} | {a for p in corpus.papers for a in p.aliases} | {
        a for n in corpus.notes for a in n.aliases}
    assert len(old) == 444 and not set(old) - live


def test_bundled_ids_are_unique_ascii_short(bundled):
    corpus, _ = bundled
    ids = [p.id for p in corpus.papers]
    assert len(ids) == len(set(ids)) == 444
    assert all(ID_RE.match(i) and len(i) <= 60 for i in ids)


@settings(deadline=None)
@given(st.lists(st.text(min_size=1, max_size=80), min_size=1, max_size=30), st.text(min_size=1, max_size=80))
def test_an_id_never_changes_when_unrelated_papers_are_added(titles, extra):
    titles = [t for t in titles if title_key(t)]
    before, *_ = merge([rec("a.txt", i + 1, title=t) for i, t in enumerate(titles)])
    after, *_ = merge([rec("a.txt", i + 1, title=t) for i, t in enumerate(titles)] + [rec("z.txt", 1, title=extra)])
    after_ids = {p.id for p in after}
    for paper in before:
        if title_key(paper.title) != title_key(extra) and not paper.provenance_of("title").alternatives:
            assert paper.id in after_ids or any(paper.id in p.aliases for p in after)
        assert ID_RE.match(paper.id)


def test_paper_id_is_deterministic():
    assert paper_id("GaLore: Memory-Efficient LLM Training by Gradient Low-Rank Projection") == paper_id(
        "galore memory efficient llm training by gradient low rank projection")
