"""The substring prefilter of vocabulary matching (a speed-up) never changes what is found."""

from __future__ import annotations

import re
from dataclasses import replace

from conftest import CONTENT

from generator.extract.text import mask_urls
from generator.extract.vocab import Vocab, load_vocab, needles
from generator.io import read_content
from generator.pipeline import read_sources


def test_needles_are_required_literals():
    assert needles(re.compile(r"(?:(?:Tesla )?K80)(?![A-Za-z0-9])")) == ("k80",)
    assert needles(re.compile(r"(?:(?:GeForce )?RTX[ -]?(\d{4})(?: Ti)?)")) == ("rtx",)
    assert needles(re.compile(r"(?:A100s?)", re.I)) == ("a100",)
    # an alternation: no single literal is required, but one of these is (the parser factors the common "I" out of the branches)
    assert needles(re.compile(r"(?:ImageNet|IN-1k)")) == ("magenet", "n-1k")
    assert needles(re.compile(r"(?:x\d)")) is None  # too short to be worth a test
    # hardware families: a capture group of names, a look-ahead the text must hold
    assert needles(re.compile(r"(?:(Frontier|Summit)(?= supercomputer))")) == (" supercomputer",)
    assert needles(re.compile(r"(?:([2-5]0[5-9]0)( Ti)?(?= GPUs?))(?![A-Za-z0-9])")) == (" gpu",)
    assert needles(re.compile(r"(?:x|IN-1k)")) is None  # a branch without a needle: scan


def test_prefiltered_matching_equals_scanning_every_pattern():
    content = read_content(CONTENT)
    vocab, diags = load_vocab(content)
    assert not diags
    # the same vocabulary with every needle removed: the slow, obviously complete scan
    brute = replace(vocab)
    for kind, plan in brute.plans.items():
        brute.plans[kind] = tuple((None, regex, entry) for _hint, regex, entry in plan)
    corpus, _ = read_sources(content)
    checked = 0
    for paper in corpus.papers:
        text = mask_urls(f"{paper.title}. {paper.abstract or ''}")
        for kind in vocab.entries:
            assert vocab.find(kind, text) == brute.find(kind, text), (paper.id, kind)
            checked += 1
    assert checked == 4 * len(corpus.papers)
    assert isinstance(brute, Vocab)
