"""Enrichers: one concern each, one contract, a default stack in one place.

An enricher is ``enrich(corpus, content) -> (corpus, diagnostics)``: pure, given the corpus so far
and the curated files as text; it returns a new corpus (``dataclasses.replace``), never mutates.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable

from ..content import ContentFiles
from ..diagnostics import Diagnostic
from ..memo import Memo
from ..model import Corpus
from ..progress import SILENT, Progress

Enricher = Callable[[Corpus, ContentFiles], tuple[Corpus, list[Diagnostic]]]


def default_stack(memo: Memo | None = None) -> list[Enricher]:
    """The enrichers a build runs, in order; later ones use what earlier ones added.

    topics first (notes add and remove topics); results before notes (verified values replace
    extracted ones); methods before mentions; related and glossary last (they use final topics).
    Methods come before results, which need neither: with a memo, results are read in a second process
    meanwhile (``run``), so the main process has topics and methods to do while it waits.
    With a ``memo``, each enricher but notes reuses what an earlier run computed from the same inputs.
    """
    from . import glossary, mentions, methods, notes, related, results, topics

    if memo is None:
        return [topics.enrich, methods.enrich, results.enrich, mentions.enrich, notes.enrich, related.enrich,
                glossary.enrich]
    # per paper (topics, methods, results): an unchanged paper's values; corpus-wide (mentions, related,
    # glossary): the last run's values when none of their inputs changed
    return [_remembering(topics.enrich, memo), _remembering(methods.enrich, memo), _remembering(results.enrich, memo),
            _remembering(mentions.enrich, memo), notes.enrich, _remembering(related.enrich, memo),
            _remembering(glossary.enrich, memo)]


def _remembering(enricher: Callable[..., tuple[Corpus, list[Diagnostic]]], memo: Memo) -> Enricher:
    @functools.wraps(enricher)
    def run(corpus: Corpus, content: ContentFiles) -> tuple[Corpus, list[Diagnostic]]:
        return enricher(corpus, content, memo=memo)

    return run


def run(corpus: Corpus, content: ContentFiles, stack: list[Enricher] | None = None,
        memo: Memo | None = None, progress: Progress = SILENT) -> tuple[Corpus, list[Diagnostic]]:
    """Apply ``stack`` (the default stack, remembering in ``memo``, when None) in order, collecting every diagnostic."""
    from . import results

    diags: list[Diagnostic] = []
    # with a memo, the default stack's result extraction starts in a second process while topics and
    # methods are found (``results.Ahead``); what it extracted is in the memo before ``results.enrich`` runs
    ahead = results.Ahead(corpus, content, memo) if stack is None and memo is not None else None
    try:
        for enricher in default_stack(memo) if stack is None else stack:
            if ahead is not None and inspect.unwrap(enricher) is results.enrich:
                ahead.store()
            with progress.stage(getattr(enricher, "__module__", "enrich").rsplit(".", 1)[-1]):  # "topics", "results"...
                corpus, found = enricher(corpus, content)
            diags.extend(found)
    finally:
        if ahead is not None:
            ahead.close()
    return corpus, diags
