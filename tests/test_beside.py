"""Work done in a second process beside the main one gives what the main process would have."""

from __future__ import annotations

import os
import time

from conftest import CONTENT

from generator import beside, enrich, io
from generator.enrich import results
from generator.memo import Memo
from generator.pipeline import read_sources


def test_a_forked_child_hands_back_its_result():
    big = list(range(100_000))  # the child sees what the parent built, copy-on-write
    child = beside.Forked(lambda: (os.getpid(), sum(big)))
    pid, total = child.join()
    assert pid != os.getpid() and total == sum(big)
    assert child.join() is None  # joined once


def test_a_failing_child_gives_none_so_the_caller_does_the_work():
    def fails() -> int:
        raise ValueError("no")

    assert beside.Forked(fails).join() is None


def test_closing_stops_a_child_nobody_waits_for():
    child = beside.Forked(lambda: time.sleep(60))
    start = time.perf_counter()
    child.close()
    assert time.perf_counter() - start < 10
    assert child.join() is None


def test_only_surveys_up_to_the_limit_work_beside():
    assert beside.wanted(444) and beside.wanted(beside.UP_TO)
    assert not beside.wanted(0) and not beside.wanted(beside.UP_TO + 1)


def test_extraction_ahead_fills_the_memo_with_what_enrich_would_put():
    content = io.read_content(CONTENT)
    corpus, _ = read_sources(content)
    alone = Memo()
    by_itself, _ = results.enrich(corpus, content, memo=alone)

    memo = Memo()
    ahead = results.Ahead(corpus, content, memo)
    ahead.store()
    table = next(name for name in alone.files() if name.endswith("/results.json"))
    assert memo.files()[table] == alone.files()[table]  # every paper, every value
    helped, _ = results.enrich(corpus, content, memo=memo)
    assert helped == by_itself


def test_the_default_stack_with_a_memo_gives_the_same_corpus_with_the_child_as_without(monkeypatch):
    content = io.read_content(CONTENT)
    corpus, _ = read_sources(content)
    with_child, diags = enrich.run(corpus, content, memo=Memo())
    monkeypatch.setattr(beside, "UP_TO", 0)  # no second process
    without, diags_without = enrich.run(corpus, content, memo=Memo())
    assert with_child == without and diags == diags_without


def test_a_run_after_one_that_extracted_reads_its_few_new_papers_itself():
    content = io.read_content(CONTENT)
    corpus, _ = read_sources(content)
    first = Memo()
    results.enrich(corpus, content, memo=first)
    warm = Memo.load("", {name.rsplit("/", 1)[-1]: text.encode("utf-8") if isinstance(text, str) else text
                          for name, text in first.files().items()})
    assert warm.had("results") and not Memo().had("results")
    ahead = results.Ahead(corpus, content, warm)
    assert ahead._child is None  # no second process, no keys hashed twice
