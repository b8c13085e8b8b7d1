"""The HTML build driver (generator/mkdocsbuild.py): MkDocs' own output, and incremental builds equal to cold ones."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, ROOT

NOTE = "pc-darts-partial-channel-connections-for-memory-eadb"


def _survey(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True,
                          check=False)


def _build(content: Path, build: Path, site: Path) -> None:
    result = _survey("build", "--quiet", "--content", str(content), "--build", str(build), "--site-dir", str(site))
    assert result.returncode == 0, result.stdout + result.stderr


def _files(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``root``: its bytes and its mtime."""
    return {p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_incremental_build_equals_a_build_from_scratch(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini" / "content", content)
    build, site = tmp_path / "build", tmp_path / "site"
    _build(content, build, site)
    first = _files(site)
    assert (build / ".cache" / "html.sqlite").is_file()

    note = content / "notes" / f"{NOTE}.md"
    note.write_text(note.read_text(encoding="utf-8") + "\nA sentence a curator added later.\n", encoding="utf-8")
    _build(content, build, site)  # the same build and site folders: cached pages, unchanged files kept
    again = _files(site)

    cold_build, cold_site = tmp_path / "cold" / "build", tmp_path / "cold" / "site"
    _build(content, cold_build, cold_site)
    cold = _files(cold_site)

    assert sorted(again) == sorted(cold)
    assert [name for name in cold if again[name][0] != cold[name][0]] == []

    changed = {name for name in again if name not in first or first[name][0] != again[name][0]}
    assert f"papers/{NOTE}/index.html" in changed
    assert "A sentence a curator added later." in (site / "papers" / NOTE / "index.html").read_text(encoding="utf-8")
    # Files that came out the same were not written again. Redirect pages are the exception:
    # mkdocs-redirects writes its pages itself after the build.
    rewritten = [name for name in again if name not in changed and first[name][1] != again[name][1]
                 and b'http-equiv="refresh"' not in again[name][0]]
    assert rewritten == []
    assert len(changed) < len(again) / 4


def test_deleted_pages_leave_the_site(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini" / "content", content)
    build, site = tmp_path / "build", tmp_path / "site"
    _build(content, build, site)
    stray = site / "papers" / "no-longer-built" / "index.html"
    stray.parent.mkdir(parents=True)
    stray.write_text("left from an earlier build", encoding="utf-8")
    old = stray.stat().st_mtime_ns
    os.utime(stray, ns=(old - 10**10, old - 10**10))  # older than the next build's start
    hidden = site / ".git" / "HEAD"
    hidden.parent.mkdir()
    hidden.write_text("kept", encoding="utf-8")
    _build(content, build, site)
    assert not stray.parent.exists()
    assert hidden.read_text(encoding="utf-8") == "kept"  # like MkDocs' clean, hidden entries stay
    assert (site / "pagefind").is_dir()


def test_driver_output_is_mkdocs_own(tmp_path):
    """Our driver (parallel workers, cache, shared nav) and ``mkdocs build`` write the same bytes."""
    build = tmp_path / "build"
    result = _survey("generate", "--content", str(FIXTURES / "mini" / "content"), "--build", str(build))
    assert result.returncode == 0, result.stdout + result.stderr
    script = """
import os, sys
os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
from generator import mkdocsbuild
config = load_config(config_file=sys.argv[1], site_dir=sys.argv[2], strict=True)
config.plugins.on_startup(command="build", dirty=False)
if sys.argv[3] == "mkdocs":
    build(config)
else:
    assert mkdocsbuild.unsupported(config) is None
    mkdocsbuild.build(config, Path(sys.argv[4]), workers=2)
"""
    sites = {}
    for engine in ("mkdocs", "ours", "ours-cached"):
        site = tmp_path / engine
        cache = tmp_path / "cache.sqlite"
        done = subprocess.run([sys.executable, "-c", script, str(build / "mkdocs.yml"), str(site),
                               engine.split("-")[0], str(cache)], cwd=ROOT, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        sites[engine] = {name: data for name, (data, _mtime) in _files(site).items()}
    assert len(sites["mkdocs"]) > 20
    for engine in ("ours", "ours-cached"):
        assert sorted(sites[engine]) == sorted(sites["mkdocs"])
        assert [name for name in sites["mkdocs"] if sites[engine][name] != sites["mkdocs"][name]] == []


def test_a_hook_with_page_events_is_left_to_mkdocs(tmp_path):
    """The driver cannot hand a per-page hook's state back from its workers: it says so, and MkDocs builds."""
    from mkdocs.config import load_config

    from generator import mkdocsbuild

    hook = tmp_path / "stamp.py"
    hook.write_text("def on_page_markdown(markdown, **kwargs):\n    return markdown + '\\n\\nstamped\\n'\n",
                    encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(f"site_name: t\ntheme: material\nhooks:\n  - {hook}\n", encoding="utf-8")
    config = load_config(config_file=str(config_file), site_dir=str(tmp_path / "site"))
    assert mkdocsbuild.unsupported(config) == f"hook {hook} handles page_markdown events"
    # Material's own search collects every page in its plugin: only when it is off can workers render
    config_file.write_text("site_name: t\ntheme: material\n", encoding="utf-8")
    config = load_config(config_file=str(config_file), site_dir=str(tmp_path / "site"))
    assert mkdocsbuild.unsupported(config) == "SearchPlugin handles page_context events"
    config_file.write_text("site_name: t\ntheme: material\nplugins:\n  - search:\n      enabled: false\n",
                           encoding="utf-8")
    assert mkdocsbuild.unsupported(load_config(config_file=str(config_file), site_dir=str(tmp_path / "site"))) is None


def test_pages_changed_by_hand_are_written_again_and_fragments_filled_on_every_build(tmp_path):
    """An unchanged page is skipped without being read only while it has the size and mtime the last build left."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini" / "content", content)
    build, site = tmp_path / "build", tmp_path / "site"
    _build(content, build, site)
    first = _files(site)
    noted = site / "papers" / NOTE / "index.html"
    assert "survey-note" in noted.read_text(encoding="utf-8")  # its curated note was filled in after the engine
    plain = next(p for p in sorted((site / "papers").glob("*/index.html")) if p != noted)
    shorter = plain.read_bytes()[:-100]
    plain.write_bytes(shorter)  # another size
    same_size = site / "index.html"
    stat = same_size.stat()
    same_size.write_bytes(b"x" * stat.st_size)  # the same size, a new mtime
    _build(content, build, site)
    again = _files(site)
    assert again[plain.relative_to(site).as_posix()][0] == first[plain.relative_to(site).as_posix()][0]
    assert again["index.html"][0] == first["index.html"][0]
    assert again[f"papers/{NOTE}/index.html"][0] == first[f"papers/{NOTE}/index.html"][0]  # filled again
    assert (build / ".cache" / "search" / "part-1.cbor").is_file()  # the search index, kept for the next build
    untouched = [name for name in first if name.endswith(".html") and "papers/" in name
                 and name != plain.relative_to(site).as_posix()
                 and b'http-equiv="refresh"' not in first[name][0]]  # mkdocs-redirects writes its own pages
    assert untouched and [name for name in untouched if again[name][1] != first[name][1]] == []
