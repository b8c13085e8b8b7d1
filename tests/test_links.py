"""Links in abstracts: every shape the seeds carry is found, cleaned and classified."""

from __future__ import annotations

import pytest
from conftest import CONTENT
from hypothesis import given
from hypothesis import strategies as st

from generator.io import read_content
from generator.links import classify, extract_links, safe_url
from generator.pipeline import read_sources


@pytest.mark.parametrize(
    ("text", "url", "kind"),
    [
        ("Code: https://github.com/a/b.", "https://github.com/a/b", "code"),
        ("available at github.com/edwardjhu/TP4.", "https://github.com/edwardjhu/TP4", "code"),
        ("see https://github.com/ihaeyong/PFNR.git.", "https://github.com/ihaeyong/PFNR", "code"),
        ("at https://github.com/MoE-Inf/awesome-moe-inference/.", "https://github.com/MoE-Inf/awesome-moe-inference", "code"),
        ("at https://github.com/hutaiHang/Faster-Diffusion{FasterDiffusion}.", "https://github.com/hutaiHang/Faster-Diffusion", "code"),
        ("at https://github.com/microsoft/SPTAG}}.", "https://github.com/microsoft/SPTAG", "code"),
        ("at https://github.com/mzhaoshuai/CenterCLIP}{{https://github.com/mzhaoshuai/CenterCLIP}}.",
         "https://github.com/mzhaoshuai/CenterCLIP", "code"),
        ("(https://github.com/YuchuanTian/RethinkTinyLM).", "https://github.com/YuchuanTian/RethinkTinyLM", "code"),
        ("at https://anonymous.4open.science/r/TangleNAS-527C{here}", "https://anonymous.4open.science/r/TangleNAS-527C", "code"),
        ("at https://gitee.com/mindspore/mindspore/tree/master/model_zoo/research/cv/tinynet.",
         "https://gitee.com/mindspore/mindspore/tree/master/model_zoo/research/cv/tinynet", "code"),
        ("page https://haochen-rye.github.io/HNeRV, and", "https://haochen-rye.github.io/HNeRV", "project"),
        ("data at https://huggingface.co/datasets/flagopen/InfinityMATH.", "https://huggingface.co/datasets/flagopen/InfinityMATH", "dataset"),
        ("model https://huggingface.co/suwesh/ParallelPerceptionNetwork.", "https://huggingface.co/suwesh/ParallelPerceptionNetwork", "model"),
        ("see http://people.csail.mit.edu/bpan/ia-red/.", "http://people.csail.mit.edu/bpan/ia-red", "project"),
    ],
)
def test_seed_link_shapes(text, url, kind):
    links = extract_links(text)
    assert [(link.url, link.kind) for link in links] == [(url, kind)]


def test_duplicates_collapse_and_order_is_kept():
    text = "Code at https://github.com/a/b and github.com/a/b/ and page https://x.github.io/p."
    assert [link.url for link in extract_links(text)] == ["https://github.com/a/b", "https://x.github.io/p"]


def test_bundled_abstract_links():
    corpus, _ = read_sources(read_content(CONTENT))  # before notes add curated links
    links = [link for p in corpus.papers for link in p.links]
    assert len(links) == 110
    for link in links:
        assert safe_url(link.url) == link.url
        assert not link.url.endswith(("/", ".", ".git", "}", ","))
        assert "{" not in link.url


def test_unsafe_schemes_are_refused():
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,<script>") is None
    assert safe_url("https://ok.example/x") == "https://ok.example/x"
    assert extract_links("click javascript:alert(1) now") == ()


def test_classify():
    assert classify("https://github.com/user") == "other"
    assert classify("https://huggingface.co/spaces/a/b") == "demo"
    assert classify("https://arxiv.org/abs/2401.00001") == "paper"


@given(st.text())
def test_extraction_never_fails_and_yields_only_safe_urls(text):
    for link in extract_links(text):
        assert safe_url(link.url) == link.url
