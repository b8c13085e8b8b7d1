"""The awesome-list reader on the real KV-cache compression README and on the other item shapes lists use."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import Link
from generator.records import ReadContext
from generator.sources import FORMATS
from generator.sources.awesome import read

REAL = Path(__file__).resolve().parent / "fixtures" / "sources" / "awesome" / "awesome-kv-cache-compression.md"


def _read(text: str):
    return read(text, ReadContext("list.md"))


def _real():
    return read(REAL.read_text(encoding="utf-8"), ReadContext("kv.md"))


def _title(out, start: str):
    return next(r for r in out.records if r.value("title").startswith(start))


def test_registered_for_markdown_files():
    fmt = FORMATS["awesome"]
    assert (fmt.suffixes, fmt.read, fmt.label) == ((".md",), read, "awesome list")


def test_whole_real_file_counts():
    # `grep -cE "^\s*[0-9]+\.\s+\[" README.md` = 164 numbered items; three of them (lines 24, 27,
    # 382: kvpress, KVCache-Factory, NexusQuant) link a GitHub repository and name no venue.
    out = _real()
    assert (len(out.records), out.skipped) == (161, 0)
    not_papers = sorted(d.line for d in out.diagnostics if d.code == "not-a-paper")
    assert not_papers == [24, 27, 382]
    assert all(r.value("authors") and r.value("venue") for r in out.records)
    # 164 - 3 = 161 items; arXiv ids on all but ArkVale (a PDF on GitHub), CaM (OpenReview) and
    # GEAR, whose link reads "arxiv.org/abs/203.05527" (a digit missing in the source)
    no_arxiv = sorted(r.line for r in out.records if r.value("arxiv") is None)
    assert no_arxiv == [151, 240, 309]
    assert [d.line for d in out.diagnostics if d.code == "bad-arxiv-link"] == [309]
    # items 17 and 18 of the pruning section share arXiv 2406.12335: reported, both kept
    assert [d.line for d in out.diagnostics if d.code == "arxiv-reused"] == [77]
    venues = Counter(r.value("venue") for r in out.records)
    assert venues["Arxiv 2024"] == 73 and venues["NeurIPS 2023"] == 3


def test_record_lines_are_physical_lines():
    text = REAL.read_text(encoding="utf-8")
    lines = text.splitlines()
    out = read(text, ReadContext("kv.md"))
    for start in ("Keep the Cost Down", "SnapKV", "Comparative Characterization"):
        record = _title(out, start)
        assert f"[**{start}" in lines[record.line - 1]
        assert record.claims["title"].line == record.line


def test_numbered_item_with_bold_title_authors_venue_and_star_badge():
    snapkv = _title(_real(), "SnapKV")
    assert snapkv.value("title") == "SnapKV: LLM Knows What You are Looking for Before Generation"  # period dropped
    assert snapkv.value("arxiv") == "2404.14469"
    assert snapkv.value("authors")[:2] == ("Yuhong Li", "Yingbing Huang") and snapkv.value("authors_count") == 9
    assert snapkv.value("venue") == "Arxiv 2024"
    assert snapkv.value("links") == (Link("https://github.com/FasterDecoding/SnapKV", "code"),)
    assert snapkv.value("keywords") == ("Method", "Pruning / Evicting / Sparse")


def test_item_wrapped_over_two_lines_keeps_its_venue_on_the_second():
    tada = _title(_real(), "TaDA")  # the authors' closing ".*" and the venue sit on line 330
    assert tada.line == 329
    assert tada.value("authors")[-1] == "Emad Barsoum"
    assert (tada.value("venue"), tada.claims["venue"].line) == ("ACL 2025 Industry Track", 330)
    assert tada.value("arxiv") == "2506.04642"  # www.arxiv.org


def test_bullet_with_venue_tag_and_code_link():
    out = _read("## Quantization\n\n- [QLoRA: Efficient Finetuning](https://arxiv.org/abs/2305.14314) [NeurIPS'23] "
                "[[code](https://github.com/artidoro/qlora)]\n")
    record = out.records[0]
    assert (record.value("title"), record.value("venue"), record.value("arxiv")) == (
        "QLoRA: Efficient Finetuning", "NeurIPS'23", "2305.14314")
    assert record.value("links") == (Link("https://github.com/artidoro/qlora", "code"),)
    assert record.value("keywords") == ("Quantization",)


def test_leading_venue_tag_plain_title_with_paper_link_and_bold_title():
    out = _read(
        "- [ICML'23] [SmoothQuant](https://arxiv.org/abs/2211.10438v5)\n"
        "- FlashAttention: Fast and Memory-Efficient Exact Attention. [[paper](https://arxiv.org/abs/2205.14135)] "
        "[[project](https://example.org/fa)]\n"
        "- **Bold Title Only** (ACL 2024) [[pdf](https://aclanthology.org/2024.acl-long.1.pdf)]\n"
        "- [Tagged](https://openreview.net/forum?id=abc) [ICLR'24] [code] - a training-free method for long inputs\n"
    )
    got = [(r.value("title"), r.value("venue"), r.value("arxiv")) for r in out.records]
    assert got == [("SmoothQuant", "ICML'23", "2211.10438"),
                   ("FlashAttention: Fast and Memory-Efficient Exact Attention", None, "2205.14135"),
                   ("Bold Title Only", "ACL 2024", None), ("Tagged", "ICLR'24", None)]
    tagged = out.records[3]  # "[code]" without a link is no description; the prose after it is
    assert tagged.value("description") == "a training-free method for long inputs"
    assert tagged.value("links") == (Link("https://openreview.net/forum?id=abc", "paper"),)
    assert out.records[1].value("links") == (Link("https://example.org/fa", "project"),)
    assert out.records[2].value("links") == (Link("https://aclanthology.org/2024.acl-long.1.pdf", "paper"),)


def test_table_rows():
    out = _read(
        "### Attention\n\n"
        "| Title | Venue | Year | Code | Note |\n"
        "|---|---|---|---|---|\n"
        "| [FlashAttention](https://arxiv.org/abs/2205.14135) | NeurIPS | 2022 | [code](https://github.com/Dao-AILab/flash-attention) | IO-aware |\n"
        "| 🚀 **Ring Attention** | ICLR 2024 | 2023-10 | - | |\n"
        "| | ICML | 2023 | [code](https://github.com/a/b) | |\n"
    )
    assert [(r.line, r.value("title"), r.value("venue"), r.value("date")) for r in out.records] == [
        (5, "FlashAttention", "NeurIPS", "2022"), (6, "Ring Attention", "ICLR 2024", "2023-10")]
    first = out.records[0]
    assert first.value("links") == (Link("https://github.com/Dao-AILab/flash-attention", "code"),)
    assert first.value("note") == "IO-aware" and first.value("keywords") == ("Attention",)
    assert [(d.line, d.code) for d in out.diagnostics] == [(7, "no-title")]


def test_emoji_in_titles_and_headings_are_decoration():
    out = _read("# Awesome Things\n\n## 🔥 Hot Topics\n\n- [🔥 **Mamba: Linear-Time Sequence Modeling.** 🚀]"
                "(https://arxiv.org/abs/2312.00752) *Albert Gu, Tri Dao.* Arxiv 2023.\n")
    record = out.records[0]
    assert record.value("title") == "Mamba: Linear-Time Sequence Modeling"
    assert record.value("keywords") == ("Hot Topics",)  # the page title is not a keyword
    assert record.value("authors") == ("Albert Gu", "Tri Dao")


def test_non_papers_are_ignored_silently():
    out = _read(
        "# List\n\n[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n"
        "## Contents\n\n- [Surveys](#surveys)\n- [Methods](#methods)\n\n"
        "Some prose with a [link](https://example.org).\n\n"
        "- A bullet of prose that mentions [a blog](https://example.org/blog).\n"
        "- [![GitHub Repo stars](https://img.shields.io/github/stars/a/b)](https://github.com/a/b)\n\n"
        "```\n- [Not Parsed](https://arxiv.org/abs/2401.00001)\n```\n"
    )
    assert out.records == [] and out.skipped == 0
    assert [d.code for d in out.diagnostics] == ["empty-source"]


def test_paper_looking_items_without_title_are_skipped_with_their_line():
    out = _read(
        "- [Good Paper](https://arxiv.org/abs/2401.00001)\n"
        "- [**.**](https://arxiv.org/abs/2401.00002) *A B.* ICML 2024.\n"
        "- [paper](https://arxiv.org/abs/2401.00003) [code](https://github.com/a/b)\n"
    )
    assert [r.value("title") for r in out.records] == ["Good Paper"]
    assert [(d.line, d.code) for d in out.diagnostics] == [(2, "no-title"), (3, "no-title")]
    assert out.skipped == 2


def test_badge_image_without_link_still_names_the_repository():
    out = _read("1. [**T.**](https://arxiv.org/abs/2401.00001) *A.* Arxiv 2024. "
                "![GitHub Repo stars](https://img.shields.io/github/stars/org/repo)\n")
    assert out.records[0].value("links") == (Link("https://github.com/org/repo", "code"),)


_LINES = REAL.read_text(encoding="utf-8").splitlines()


@settings(deadline=None, max_examples=200)
@given(st.text(max_size=300))
def test_random_text_never_raises(text):
    out = _read(text)
    assert all(d.path == "list.md" for d in out.diagnostics)


@settings(deadline=None, max_examples=150)
@given(st.integers(0, len(_LINES) - 10), st.lists(st.tuples(st.integers(0, 3000), st.integers(0, 4),
       st.sampled_from(["[", "]", "(", ")", "*", "**", "|", "\n", "#", "`", "<", "!", "\x00", "  "])), max_size=10))
def test_garbled_real_list_never_raises(start, edits):
    text = "\n".join(_LINES[start : start + 12])
    for at, cut, noise in edits:
        at %= len(text) + 1
        text = text[:at] + noise + text[at + cut :]
    out = _read(text)
    total = text.count("\n") + 2
    assert all(1 <= r.line <= total for r in out.records)
    assert all(1 <= c.line <= total for r in out.records for c in r.claims.values())
