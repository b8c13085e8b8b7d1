"""The built site in a real browser (Debian's chromium driven by Playwright): tables sort, no JS errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CHROMIUM

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is a dev dependency")
if not Path(CHROMIUM).exists():  # .ci/run installs Debian's chromium; a bare dev machine may lack it
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _column(page, index: int) -> list[str]:
    return page.eval_on_selector_all(
        "article table tbody tr", f"rows => rows.map(r => r.cells[{index}].getAttribute('data-sort') || '')")


@pytest.mark.parametrize("column", ["Speedup ×", "Memory %"])
def test_topic_table_sorts_numerically_by_speedup(browser, served, column):
    """× factors and % values sit in separate columns, each sorting on its own numeric scale."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{served}/topics/kv-cache/")
    titles = page.eval_on_selector_all("article table thead th", "hs => hs.map(h => h.textContent.trim())")
    index = titles.index(column)
    header = page.locator("article table thead th").nth(index)
    header.click()
    first = [float(v) for v in _column(page, index) if v]
    header.click()
    second = [float(v) for v in _column(page, index) if v]
    assert len(first) >= 3
    assert sorted(first) in (first, first[::-1])
    assert second == first[::-1]
    assert errors == []


def test_pages_load_without_script_errors_and_search_works(browser, served):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{served}/")
    page.goto(f"{served}/papers/shadowkv-kv-cache-in-shadows-for-high-throughput-3d6e/")
    assert "ShadowKV" in page.title()
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.keyboard.type("ShadowKV")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert "ShadowKV" in page.locator(".md-search-result__list").inner_text()
    assert errors == []
