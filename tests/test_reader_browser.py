"""The reader's site in Debian's chromium: no script errors, tables that sort and filter as people type,
nothing wider than a phone, feeds and exports that download and parse, charts in both colour schemes.

The bundled survey is built once per test session and served from 127.0.0.1 (conftest's ``served``).
Screenshots of the home page, a topic and a paper at 1280 and 390 px, light and dark, are saved under
the pytest temporary folder (or ``$SURVEY_SCREENSHOTS``) for a person to look at; they are not committed.
"""

from __future__ import annotations

import os
from pathlib import Path

import feedparser
import pytest
from conftest import CHROMIUM

from generator import pipeline
from generator.model import Collection
from generator.precedence import Precedence
from generator.sources.catalog import SourceFile

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is a dev dependency")
if not Path(CHROMIUM).exists():  # .ci/run installs Debian's chromium; a bare dev machine may lack it
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

HOME = ""
TOPIC = "topics/kv-cache/"
PAPER = "papers/shadowkv-kv-cache-in-shadows-for-high-throughput-3d6e/"
GLOSSARY = "glossary/"
ALL_PAPERS = "papers/"
PHONE = 390


def _open(browser, served: str, width: int = 1280, scheme: str = "light"):
    """A page that records script errors, console errors, failed requests and requests to other hosts."""
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda exc: page.problems.append(f"script error: {exc}"))
    page.on("console", lambda msg: page.problems.append(f"console: {msg.text}") if msg.type == "error" else None)
    page.on("response", lambda r: page.problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("request", lambda r: page.problems.append(f"foreign {r.url}") if not r.url.startswith(served) else None)
    return context, page


@pytest.mark.parametrize("path", [HOME, TOPIC, PAPER, GLOSSARY])
def test_pages_load_without_console_errors(browser, served, path):
    context, page = _open(browser, served)
    page.goto(f"{served}/{path}")
    page.wait_for_load_state("networkidle")
    assert page.problems == []
    context.close()


def _column(page, name: str) -> list[str]:
    headers = page.eval_on_selector_all(".survey-table thead th", "hs => hs.map(h => h.textContent.trim())")
    index = headers.index(name)
    return page.eval_on_selector_all(
        ".survey-table tbody tr:not([hidden])",
        f"rows => rows.map(r => r.cells[{index}].getAttribute('data-sort') || r.cells[{index}].textContent.trim())")


def test_topic_table_sorts_and_narrows_as_the_filter_is_typed(browser, served):
    context, page = _open(browser, served)
    page.goto(f"{served}/{TOPIC}")
    rows = ".survey-table tbody tr"
    total = page.locator(rows).count()
    assert total >= 10
    years = [y for y in _column(page, "Year") if y]
    assert years == sorted(years, reverse=True)  # newest first by default
    # sort by year, then reverse: each click orders the column
    page.locator(".survey-table thead th", has_text="Year").click()
    first = [int(y) for y in _column(page, "Year") if y]
    page.locator(".survey-table thead th", has_text="Year").click()
    second = [int(y) for y in _column(page, "Year") if y]
    assert sorted(first) in (first, first[::-1]) and second == first[::-1]
    # type as a person does: the table narrows on every key
    box = page.get_by_role("searchbox", name="Filter rows by text")
    box.click()
    page.keyboard.type("shadow", delay=40)
    visible = page.locator(f"{rows}:not([hidden])")
    assert visible.count() == 1
    assert "ShadowKV" in visible.first.text_content()
    assert page.locator(".survey-filter output").text_content() == f"1 of {total} papers"
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    assert visible.count() == total
    page.get_by_label("has code").check()
    with_code = visible.count()
    assert 0 < with_code < total
    assert page.locator(f"{rows}:not([hidden]):has(a:text-is('code'))").count() == with_code
    page.get_by_label("has code").uncheck()
    year = page.get_by_role("combobox", name="Year")
    year.select_option("2024")
    assert {y for y in _column(page, "Year")} == {"2024"}
    assert page.problems == []
    context.close()


@pytest.mark.parametrize("path", [HOME, TOPIC, PAPER, GLOSSARY, ALL_PAPERS])
def test_no_page_is_wider_than_a_phone(browser, served, path):
    context, page = _open(browser, served, width=PHONE)
    page.goto(f"{served}/{path}")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE
    # the first column of a paper table stays in view while the others scroll inside the table
    if page.locator(".survey-table").count():
        first = page.locator(".survey-table tbody td").first
        first.scroll_into_view_if_needed()
        left = first.bounding_box()["x"]
        box = page.locator(".survey-table .md-typeset__scrollwrap").bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + min(box["height"] / 2, 200))
        page.mouse.wheel(300, 0)  # a reader's sideways scroll over the table
        page.wait_for_function("document.querySelector('.survey-table .md-typeset__scrollwrap').scrollLeft > 0")
        assert box["x"] - 1 <= first.bounding_box()["x"] <= left + 1  # pinned at the wrapper's left edge
    context.close()


def _reimport(fmt: str, text: str):
    folder = {"bib": "bibtex", "csv": "csv", "json": "papers"}[fmt]
    path = f"sources/{folder}/download.{fmt}"
    source = SourceFile(path, folder, Collection(id="download", title="download", path=path, format=folder))
    corpus, _diags = pipeline._merge([(source, text, path)], Precedence(), [])
    return corpus.papers


def test_feeds_and_exports_download_from_the_links_readers_click_and_parse(browser, served, bundled):
    corpus, _ = bundled
    context, page = _open(browser, served)
    page.goto(f"{served}/{TOPIC}")
    feeds = page.eval_on_selector_all('head link[rel="alternate"][type="application/atom+xml"]',
                                      "ls => ls.map(l => l.href)")
    assert feeds == [f"{served}/feeds/survey.xml", f"{served}/feeds/kv-cache.xml"]
    for url in feeds:
        response = page.request.get(url)
        assert response.ok
        parsed = feedparser.parse(response.body())
        assert parsed.bozo == 0 and parsed.entries
    downloads = page.eval_on_selector_all("article a", "as => as.map(a => [a.textContent, a.href])")
    links = {text: href for text, href in downloads if "/exports/" in href}
    assert sorted(links) == ["BibTeX", "CSV", "JSON", "RIS"]
    topic_size = len(page.locator(".survey-table tbody tr").all())
    for fmt, text in (("bib", "BibTeX"), ("csv", "CSV"), ("json", "JSON")):
        body = page.request.get(links[text]).text()
        assert len(_reimport(fmt, body)) == topic_size
    assert page.request.get(links["RIS"]).text().count("\nER  - ") == topic_size
    page.goto(f"{served}/")
    everything = page.request.get(f"{served}/exports/survey.json").text()
    assert len(_reimport("json", everything)) == len(corpus.papers)
    context.close()


def test_the_cite_block_copies_the_bibtex_entry(browser, served):
    context, page = _open(browser, served)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served)
    page.goto(f"{served}/{PAPER}")
    block = page.locator("#cite + .highlight")
    entry = block.locator("code").text_content()
    assert entry.startswith("@") and "ShadowKV" in entry
    block.locator("button[data-md-type=copy]").click()
    assert page.evaluate("navigator.clipboard.readText()").strip() == entry.strip()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_charts_take_the_colour_scheme(browser, served, scheme):
    context, page = _open(browser, served, scheme=scheme)
    page.goto(f"{served}/")
    colours = page.evaluate("""() => {
        const bar = document.querySelector('.survey-chart .role-mark path');
        const label = document.querySelector('.survey-chart .role-axis-label text');
        const body = getComputedStyle(document.body);
        return [getComputedStyle(bar).fill, getComputedStyle(label).fill, body.backgroundColor,
                document.body.getAttribute('data-md-color-scheme')];
    }""")
    bar, label, background, applied = colours
    assert applied == ("slate" if scheme == "dark" else "default")
    assert bar != background and label != background
    assert page.locator(".survey-chart svg[role=img][aria-label]").count() >= 1
    context.close()


def _shots_dir(tmp_path_factory) -> Path:
    wanted = os.environ.get("SURVEY_SCREENSHOTS")
    folder = Path(wanted) if wanted else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_screenshots_of_home_topic_and_paper_at_desktop_and_phone_width(browser, served, tmp_path_factory):
    folder = _shots_dir(tmp_path_factory)
    taken = []
    for scheme in ("light", "dark"):
        for width in (1280, PHONE):
            context, page = _open(browser, served, width=width, scheme=scheme)
            for name, path in (("home", HOME), ("topic", TOPIC), ("paper", PAPER)):
                page.goto(f"{served}/{path}")
                page.wait_for_load_state("networkidle")
                target = folder / f"{name}-{width}-{scheme}.png"
                page.screenshot(path=str(target), full_page=True)
                taken.append(target)
            assert page.problems == []
            context.close()
    print(f"screenshots in {folder}")
    assert all(p.stat().st_size > 10_000 for p in taken)
