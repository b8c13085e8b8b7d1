"""The bad-input corpus (tests/badinput/, see badinput_harness.py): every case, every invariant, one shared run.

Per case: the expected outcome and diagnostic codes, no traceback, nothing written outside the build
folders, content/ unchanged, no note lost, nothing printed that acts on a terminal, under 10 s. Over
the payload sites: an audit of every HTML file, chromium visiting every payload page with 0 dialogs,
and byte-identical sites across hash seeds, file order, mtimes, TZ and locale.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import os
import random
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from badinput_harness import (
    BASE,
    Outcome,
    audit_site,
    build_sites,
    load_cases,
    payload_pages,
    peak_rss_mib,
    run_case,
    run_cli,
    theme_scripts,
)
from conftest import ROOT

CASES = load_cases()


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict[str, Outcome]:
    tmp = tmp_path_factory.mktemp("badinput")
    return {case.name: run_case(case, tmp / case.name) for case in CASES}


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    return build_sites(CASES, tmp_path_factory.mktemp("payload-sites"))


def test_the_corpus_covers_the_issue():
    assert len(CASES) >= 100
    names = {c.name for c in CASES}
    for finding in (1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12):  # 9 and 13 are commands: tested below
        assert any(n.startswith(f"f{finding:02d}-") for n in names), finding
    assert {c.expect for c in CASES} == {"error", "warning", "fine"}
    assert sum(c.payload for c in CASES) >= 20


@pytest.mark.parametrize("name", [c.name for c in CASES])
def test_case(outcomes, name):
    assert outcomes[name].problems == []


def test_no_case_takes_a_gigabyte(outcomes):
    # the peak of this whole process bounds every case it ran
    assert peak_rss_mib() < 1024


def test_payload_sites_hold_no_script_handler_or_script_url(sites):
    built, problems = sites
    assert problems == []
    allowed = theme_scripts(built[0][1])
    assert allowed[0] and allowed[1]  # the audit knows the theme's own scripts
    findings = [f for _name, site in built for f in audit_site(site, allowed)]
    assert findings == []
    assert sum(len(payload_pages(site)) for _name, site in built) >= 20


def test_keep_going_builds_what_is_good_and_lists_what_it_skipped(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    (content / "notes" / "broken.md").write_text("---\npaper: ~\nstatus: wonderful\n---\n", encoding="utf-8")
    common = ["--content", str(content), "--build", str(tmp_path / "build"), "--site-dir", str(tmp_path / "site")]
    status, printed = run_cli(["build", "--quiet", *common])
    assert status == 1 and "nothing written" in printed and not (tmp_path / "site").exists()
    status, printed = run_cli(["build", "--quiet", "--keep-going", *common])
    assert status == 1
    assert f"skipped in {content.as_posix()}/notes/broken.md" in printed
    assert (tmp_path / "site" / "papers" / "ape-faster-and-longer-context-augmented-3295" / "index.html").is_file()


def test_new_note_refuses_a_symlinked_notes_folder(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.rmtree(content / "notes")
    (content / "notes").symlink_to(outside, target_is_directory=True)
    status, printed = run_cli(["new-note", "--content", str(content), "--build", str(tmp_path / "build"),
                               "Lossless Compression with Probabilistic Circuits"])
    assert status == 1 and "symlink" in printed
    assert list(outside.iterdir()) == []


def test_new_note_refuses_a_symlink_where_the_note_goes(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    target = tmp_path / "victim.txt"
    (content / "notes" / "lossless-compression-with-probabilistic-circuits-e3fa.md").symlink_to(target)
    status, printed = run_cli(["new-note", "--content", str(content), "--build", str(tmp_path / "build"),
                               "lossless-compression-with-probabilistic-circuits-e3fa"])
    assert status == 1 and "symlink" in printed and not target.exists()


def _tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_payload_site_is_byte_identical_across_seeds_order_mtimes_tz_and_locale(sites, tmp_path):
    built, _problems = sites
    shared = next(site for name, site in built if name == "shared")
    content = shared.parent / "content"
    # a copy made in shuffled order with scrambled mtimes: the directory order on disk differs too
    copy = tmp_path / "content"
    files = [p for p in content.rglob("*") if p.is_file() and not p.is_symlink()]
    rng = random.Random(7)
    rng.shuffle(files)
    for path in files:
        target = copy / path.relative_to(content)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        stamp = rng.randrange(0, 2**31)
        os.utime(target, (stamp, stamp))
    for link in (p for p in content.rglob("*") if p.is_symlink()):
        (copy / link.relative_to(content)).parent.mkdir(parents=True, exist_ok=True)
        (copy / link.relative_to(content)).symlink_to(os.readlink(link))
    expected = _tree(shared)
    for seed, tz, locale in (("1", "Asia/Kolkata", "C.UTF-8"), ("4242", "America/St_Johns", "POSIX")):
        env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": tz, "LC_ALL": locale, "LANG": locale}
        env.pop("SOURCE_DATE_EPOCH", None)
        out = tmp_path / f"site-{seed}"
        subprocess.run([sys.executable, "-m", "generator", "build", "--quiet", "--keep-going", "--content", str(copy),
                        "--build", str(tmp_path / f"build-{seed}"), "--site-dir", str(out)],
                       cwd=ROOT, env=env, capture_output=True, check=False)
        assert _tree(out) == expected, seed


CHROMIUM = "/usr/bin/chromium"


def search_for(page, base_url: str, word: str) -> None:
    """Type ``word`` into the header search box (Pagefind, driven by assets/search.js) and wait for results."""
    page.goto(f"{base_url}/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.keyboard.type(word)
    page.wait_for_selector(".md-search-result__item", timeout=15000)


def _record(dialogs: list[str], site: str, dialog) -> None:
    dialogs.append(f"{site}: {dialog.type} {dialog.message!r} on {dialog.page.url if dialog.page else '?'}")
    dialog.dismiss()


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_chromium_visiting_every_payload_page_sees_no_dialog(sites):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is a dev dependency")
    built, _problems = sites
    dialogs: list[str] = []
    visited = 0
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"])
        try:
            for name, site in built:
                handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
                handler.log_message = lambda *args: None  # type: ignore[method-assign]
                server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
                threading.Thread(target=server.serve_forever, daemon=True).start()
                base_url = f"http://127.0.0.1:{server.server_address[1]}"
                page = browser.new_page()
                page.on("dialog", functools.partial(_record, dialogs, name))
                try:
                    for rel in payload_pages(site):
                        page.goto(f"{base_url}/{rel}", wait_until="load")
                        page.keyboard.press("Tab")  # focus handlers fire on focus, not always on load
                        visited += 1
                    if name == "shared":
                        for word in ("alert", "onerror", "script"):
                            search_for(page, base_url, word)
                            page.locator(".md-search-result__link").first.click()
                            page.wait_for_load_state("load")
                finally:
                    page.close()
                    server.shutdown()
        finally:
            browser.close()
    assert visited >= 20
    assert dialogs == []
