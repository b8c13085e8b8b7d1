"""Enrichers: one concern each, one contract, a default stack in one place.

An enricher is ``enrich(corpus, content) -> (corpus, diagnostics)``: pure, given the corpus so far
and the curated files as text; it returns a new corpus (``dataclasses.replace``), never mutates.
"""

from __future__ import annotations

from collections.abc import Callable

from ..content import ContentFiles
from ..diagnostics import Diagnostic
from ..model import Corpus

Enricher = Callable[[Corpus, ContentFiles], tuple[Corpus, list[Diagnostic]]]


def default_stack() -> list[Enricher]:
    """The enrichers a build runs, in order; later ones use what earlier ones added.

    topics first (notes add and remove topics); results before notes (verified values replace
    extracted ones); methods before mentions; related and glossary last (they use final topics).
    """
    from . import glossary, mentions, methods, notes, related, results, topics

    return [topics.enrich, results.enrich, methods.enrich, mentions.enrich, notes.enrich, related.enrich,
            glossary.enrich]


def run(corpus: Corpus, content: ContentFiles, stack: list[Enricher] | None = None) -> tuple[Corpus, list[Diagnostic]]:
    """Apply ``stack`` (the default stack when None) in order, collecting every diagnostic."""
    diags: list[Diagnostic] = []
    for enricher in default_stack() if stack is None else stack:
        corpus, found = enricher(corpus, content)
        diags.extend(found)
    return corpus, diags
