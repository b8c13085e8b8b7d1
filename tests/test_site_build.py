"""End to end: content -> Markdown -> strict MkDocs build -> HTML, on the bundled and hostile corpora."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CONTENT, FIXTURES, ROOT


def _survey(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, check=False)


def _build(content: Path, tmp: Path, name: str) -> Path:
    site = tmp / f"site-{name}"
    result = _survey("build", "--quiet", "--content", str(content), "--build", str(tmp / f"build-{name}"),
                     "--site-dir", str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _tree_hash(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def bundled_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bundled")
    before = _tree_hash(CONTENT)
    site = _build(CONTENT, tmp, "a")
    return tmp, site, before


def test_every_paper_has_a_page_and_nav_has_no_paper(bundled_site):
    _tmp, site, _ = bundled_site
    pages = sorted((site / "papers").glob("*/index.html"))
    redirects = [p for p in pages if 'http-equiv="refresh"' in p.read_text(encoding="utf-8")]
    assert len(pages) - len(redirects) == 444
    # the first version's address of every paper whose id changed (cleaned titles) still answers
    old = (FIXTURES / "urls" / "bundled_paper_ids_v1.txt").read_text(encoding="utf-8").split()
    assert all((site / "papers" / pid / "index.html").is_file() for pid in old)
    assert len(redirects) == 4
    home = (site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('class="md-nav md-nav--primary"'):]
    links = re.findall(r'href="([^"]*)"', nav.split("md-sidebar--secondary")[0])
    assert "papers/" in links  # the all-papers page, and no paper's own
    assert not [link for link in links if re.match(r"papers/[^/]+/", link)]
    assert not [link for link in links if "maintainers" in link]  # linked from the footer instead


def test_build_leaves_content_untouched(bundled_site):
    _tmp, _site, before = bundled_site
    assert _tree_hash(CONTENT) == before


def test_two_builds_are_byte_identical(bundled_site):
    tmp, site, _ = bundled_site
    again = _build(CONTENT, tmp, "b")
    assert _tree_hash(site) == _tree_hash(again)


def test_strict_build_fails_on_a_broken_link(tmp_path):
    content = tmp_path / "content"
    (content / "sources" / "hf").mkdir(parents=True)
    (content / "sources" / "hf" / "a.txt").write_text(
        (FIXTURES / "captures" / "blank_lines.txt").read_text(encoding="utf-8"), encoding="utf-8")
    templates = tmp_path / "templates"
    for src in (ROOT / "site_templates").rglob("*"):
        if src.is_file():
            dest = templates / src.relative_to(ROOT / "site_templates")
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(src.read_bytes())
    page = templates / "pages" / "home.md.j2"
    page.write_text(page.read_text(encoding="utf-8") + "\n[broken](papers/no-such-paper.md)\n", encoding="utf-8")
    result = _survey("build", "--quiet", "--content", str(content), "--build", str(tmp_path / "b"),
                     "--templates", str(templates), "--site-dir", str(tmp_path / "s"))
    assert result.returncode != 0
    assert "no-such-paper.md" in result.stdout + result.stderr


def test_note_alias_redirects_and_orphan_note_is_listed_and_kept(tmp_path):
    content = FIXTURES / "mini" / "content"
    before = _tree_hash(content)
    site = _build(content, tmp_path, "mini")
    redirect = (site / "papers" / "pc-darts-partial-channel-connections-0000" / "index.html").read_text(encoding="utf-8")
    assert "pc-darts-partial-channel-connections-for-memory-eadb/" in redirect
    assert 'http-equiv="refresh"' in redirect
    maintainers = (site / "maintainers" / "index.html").read_text(encoding="utf-8")
    assert "content/notes/gone-paper-1234.md" in maintainers
    paper = (site / "papers" / "pc-darts-partial-channel-connections-for-memory-eadb" / "index.html").read_text(encoding="utf-8")
    assert "<strong>much</strong> less memory" in paper  # the note's Markdown, rendered
    assert "not from a note" not in paper  # its <script> removed with its content
    assert _tree_hash(content) == before
    assert (content / "notes" / "gone-paper-1234.md").is_file()
