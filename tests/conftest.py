"""Shared paths and helpers for the test suite."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
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
# Real public data in other formats, written by other people, quirks included (BibTeX, arXiv Atom, HF
# daily papers, awesome lists, CSV): a copy of the team's shared corpora, so the tests need nothing
# outside the checkout. Provenance and licences: tests/fixtures/corpora/README.md.
CORPORA = FIXTURES / "corpora"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def options_for(content: Path, build: Path) -> pipeline.Options:
    return pipeline.Options(content=content, build=build, templates=ROOT / "site_templates", config=ROOT / "mkdocs.yml")


def by_title(corpus, start: str):
    """The paper whose title starts with ``start`` (tests name real papers by title, not by hash id)."""
    return next(p for p in corpus.papers if p.title.startswith(start))


@pytest.fixture(scope="session")
def bundled():
    """The bundled corpus, loaded once: (corpus, diagnostics)."""
    return pipeline.load(io.read_content(CONTENT))


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory) -> Path:
    """The bundled survey built once with ``survey build``: its site folder."""
    tmp = tmp_path_factory.mktemp("bundled-site")
    site = tmp / "site"
    subprocess.run([sys.executable, "-m", "generator", "build", "--quiet", "--content", str(CONTENT),
                    "--build", str(tmp / "build"), "--site-dir", str(site)], cwd=ROOT, check=True,
                   capture_output=True)
    return site


@pytest.fixture(scope="session")
def served(bundled_site) -> Iterator[str]:
    """The bundled site served from 127.0.0.1, for every browser test."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from search_scale import serve

    server, url = serve(bundled_site)
    try:
        yield url
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def browser(served):
    """Debian's chromium through Playwright, one per test module (a sync Playwright session may not nest)."""
    from playwright.sync_api import sync_playwright
    from search_scale import FLAGS

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()
