"""Shared paths and helpers for the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import io, pipeline

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
CONTENT = ROOT / "content"
SEEDS = CONTENT / "sources" / "hf"


def options_for(content: Path, build: Path) -> pipeline.Options:
    return pipeline.Options(content=content, build=build, templates=ROOT / "site_templates")


@pytest.fixture(scope="session")
def bundled():
    """The bundled corpus, loaded once: (corpus, diagnostics)."""
    return pipeline.load(io.read_content(CONTENT))
