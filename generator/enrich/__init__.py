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
    """The enrichers a build runs, in order; later ones may use what earlier ones added."""
    return []


def run(corpus: Corpus, content: ContentFiles, stack: list[Enricher] | None = None) -> tuple[Corpus, list[Diagnostic]]:
    diags: list[Diagnostic] = []
    for enricher in default_stack() if stack is None else stack:
        corpus, found = enricher(corpus, content)
        diags.extend(found)
    return corpus, diags
