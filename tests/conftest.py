"""Shared paths and helpers for the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from generator import io, pipeline

# A shared, loaded machine makes any one example slow now and then: no property test has a deadline.
settings.register_profile("survey", deadline=None)
settings.load_profile("survey")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
CONTENT = ROOT / "content"
SEEDS = CONTENT / "sources" / "hf"


def options_for(content: Path, build: Path) -> pipeline.Options:
    return pipeline.Options(content=content, build=build, templates=ROOT / "site_templates", config=ROOT / "mkdocs.yml")


def by_title(corpus, start: str):
    """The paper whose title starts with ``start`` (tests name real papers by title, not by hash id)."""
    return next(p for p in corpus.papers if p.title.startswith(start))


@pytest.fixture(scope="session")
def bundled():
    """The bundled corpus, loaded once: (corpus, diagnostics)."""
    return pipeline.load(io.read_content(CONTENT))
