"""The same survey built by MkDocs + Material and by Zensical: no hook, same pages, same internal links."""

from __future__ import annotations

import contextlib
import importlib.util
import io as stdio
import shutil
import sys
from pathlib import Path

import pytest
from badinput_harness import audit_site, build_sites, load_cases, payload_pages, theme_scripts
from conftest import FIXTURES, ROOT

from generator import buildconfig, cli, sitebuild

pytest.importorskip("zensical", reason="zensical is installed by `make` (the zensical extra)")

_spec = importlib.util.spec_from_file_location("compare_engines", ROOT / "scripts" / "compare_engines.py")
assert _spec and _spec.loader
compare_engines = importlib.util.module_from_spec(_spec)
sys.modules["compare_engines"] = compare_engines
_spec.loader.exec_module(compare_engines)

MINI = FIXTURES / "mini" / "content"
ENGINES = ("mkdocs", "zensical")


def _build(engine: str, content: Path, tmp: Path) -> tuple[int, str]:
    out = stdio.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        status = cli.main(["build", "--quiet", "--engine", engine, "--content", str(content), "--build",
                           str(tmp / f"build-{engine}"), "--site-dir", str(tmp / f"site-{engine}")])
    return status, out.getvalue()


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("engines")
    for engine in ENGINES:
        status, printed = _build(engine, MINI, tmp)
        assert status == 0, printed
    return {engine: tmp / f"site-{engine}" for engine in ENGINES} | {"tmp": tmp}


def test_no_build_reads_a_hook(sites):
    assert "hooks" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for engine in ENGINES:
        generated = (sites["tmp"] / f"build-{engine}" / buildconfig.FILE).read_text(encoding="utf-8")
        assert "hooks:" not in generated and "\nnav:\n" in generated and "redirect_maps:" in generated


@pytest.mark.parametrize("engine", ENGINES)
def test_each_engine_has_the_nav_the_redirects_and_the_fragments(sites, engine):
    site = sites[engine]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="collections/daily/"' in home.replace('href="./', 'href="')  # Zensical writes ./ links
    assert "Daily papers &lt;fixture&gt;" in home  # escaped once: neither engine escapes nav titles again
    assert "Memory-efficient training" in home
    redirect = (site / "papers" / "pc-darts-partial-channel-connections-0000" / "index.html").read_text(encoding="utf-8")
    assert "pc-darts-partial-channel-connections-for-memory-eadb/" in redirect
    paper = (site / "papers" / "pc-darts-partial-channel-connections-for-memory-eadb" / "index.html").read_text(encoding="utf-8")
    assert "<strong>much</strong> less memory" in paper  # the note, filled in after the engine
    intro = (site / "topics" / "architecture-search" / "index.html").read_text(encoding="utf-8")
    assert "the <em>cost</em> of the search itself" in intro
    assert 'data-survey-fragment="9b763cc2ac8c6338">\n<p>' in intro
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    # Zensical's stylesheets do not style Material's search box: there it gets survey.css's plain look
    assert ("survey-search--plain" in home) == (engine == "zensical")


def test_engines_have_the_same_pages_and_internal_links(sites):
    result = compare_engines.compare(sites["mkdocs"], sites["zensical"], ("mkdocs", "zensical"))
    assert not result.failed, compare_engines.summary(result)
    assert result.pages[0] == result.pages[1] >= 18
    assert result.lost_links == []
    # the one known difference: Zensical's skip link on every page with a header
    assert [line.split(" on ")[0] for line in result.gained_links] == ["(this page)#__skip"]


def _page(root: Path, rel: str, body: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")


def test_comparison_lists_missing_pages_broken_links_and_lost_anchors(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    _page(first, "index.html", '<a href="p/">p</a> <a href="q/#top">q</a> <a href="https://x.org/">out</a>')
    _page(first, "p/index.html", '<h1 id="t">P</h1><a href="../index.html">home</a>')
    _page(first, "q/index.html", '<h1 id="top">Q</h1>')
    _page(second, "index.html", '<a href="p/">p</a> <a href="q/#top">q</a> <a href="../../r/">r</a>')
    _page(second, "q/index.html", "<h1>Q</h1>")
    _page(second, "extra.html", "")
    result = compare_engines.compare(first, second, ("mkdocs", "zensical"))
    assert result.failed
    assert result.missing_pages == ["p/index.html"]
    assert result.missing_targets == ["p/index.html", "q/index.html#top"]
    assert result.broken == {"mkdocs": [], "zensical": ["index.html: (above the site root) ../../r/",
                                                         "index.html: p/index.html", "index.html: q/index.html#top"]}
    assert result.extra_pages == ["extra.html"]
    text = compare_engines.summary(result)
    assert "[FAIL] pages of mkdocs missing from zensical: 1" in text and text.endswith("FAILED: see [FAIL] above")


def test_compare_script_exit_status(sites, tmp_path, capsys):
    assert compare_engines.main([str(sites["mkdocs"]), str(sites["zensical"]), "--report", str(tmp_path / "r.txt")]) == 0
    assert "no missing page, no broken internal link" in (tmp_path / "r.txt").read_text(encoding="utf-8")
    assert compare_engines.main([str(sites["mkdocs"]), str(tmp_path / "nothing")]) == 2


def test_serve_regenerates_before_every_rebuild(tmp_path):
    """`survey serve`'s builder: a change in content/ reaches the nav on the very next rebuild."""
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    args = cli.build_parser().parse_args(["serve", "--content", str(content), "--build", str(tmp_path / "build")])
    quiet = stdio.StringIO()

    def regenerate():
        with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
            return cli._generate(args, keep_going=True)[0].corpus

    site = tmp_path / "site"
    builder = sitebuild.preview(tmp_path / "build", site, "http://127.0.0.1:8000/", regenerate)
    builder(regenerate())
    assert "Daily papers &lt;fixture&gt;" in (site / "index.html").read_text(encoding="utf-8")
    sources = content / "sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8").replace("Daily papers <fixture>", "Renamed daily"),
                       encoding="utf-8")
    builder()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Renamed daily" in home and "Daily papers" not in home
    paper = site / "papers" / "pc-darts-partial-channel-connections-for-memory-eadb" / "index.html"
    assert "<strong>much</strong> less memory" in paper.read_text(encoding="utf-8")
    assert (site / "pagefind" / "pagefind-entry.json").is_file()


def test_zensical_missing_is_one_clean_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "zensical", None)  # import zensical now raises ImportError
    status, printed = _build("zensical", MINI, tmp_path)
    assert status == 1
    assert "Zensical is not installed" in printed and "Traceback" not in printed


def test_ci_builds_with_both_engines_and_compares_them():
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "--engine zensical" in run and "scripts/compare_engines.py site" in run


def test_zensical_payload_sites_hold_no_script_handler_or_script_url(tmp_path):
    """The bad-input corpus's payload sites, built by Zensical (its own Markdown and HTML passes), audited alike."""
    built, problems = build_sites(load_cases(), tmp_path, engine="zensical")
    assert problems == []
    allowed = theme_scripts(built[0][1])
    assert allowed[0] and allowed[1]
    assert [f for _name, site in built for f in audit_site(site, allowed)] == []
    assert sum(len(payload_pages(site)) for _name, site in built) >= 20
