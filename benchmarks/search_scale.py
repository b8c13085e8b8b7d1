"""Search at scale: index N synthesized papers (default 10,000) and measure a first query in chromium.

Run: .venv/bin/python benchmarks/search_scale.py [--part-size K] [N] [query ...]
Builds the bundled site once (for the search UI), replaces its pagefind/ with an index of N papers
made from the bundled ones (benchmarks/crosslinks_scale.py, enriched by the default stack), in
parts of at most K records as ``survey build`` makes them (default ``pagefind.PART_SIZE``; a K of
N or more gives one index), then types each query into the search box in Debian's chromium and
prints what that first query downloaded (gzipped), how long results took and the first result.
Targets (issue 11): <= 300 KB and < 1 s at 10k.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from crosslinks_scale import synthesize  # noqa: E402

from generator import io, pagefind, search  # noqa: E402
from generator.enrich import run  # noqa: E402
from generator.model import Corpus  # noqa: E402
from generator.pipeline import read_sources  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """``site`` on 127.0.0.1 from a thread; (server, base URL)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def gzip_size(body: bytes) -> int:
    """Bytes on the wire if served gzip-compressed; Pagefind's data files are gzip already."""
    return len(body) if body[:2] == b"\x1f\x8b" else len(gzip.compress(body, compresslevel=9))


def shown(page: Any, query: str) -> None:
    """Wait until the search list shows results for exactly ``query`` (assets/search.js sets the mark)."""
    page.wait_for_function("q => document.querySelector('[data-survey-search]').dataset.shownQuery === q",
                           arg=query, timeout=20_000)


def measure_first_query(browser: Any, served: str, query: str) -> dict[str, Any]:
    """Gzipped bytes of every search file a first query fetches, and seconds from typing to results."""
    context = browser.new_context()
    page = context.new_page()
    fetched: list[tuple[str, int]] = []

    def seen(response: Any) -> None:
        path = urlsplit(response.url).path
        if path.startswith("/pagefind/") or path.endswith("/search.js"):
            fetched.append((path, gzip_size(response.body())))

    page.on("response", seen)
    page.goto(f"{served}/")
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    start = time.perf_counter()
    page.keyboard.insert_text(query)
    shown(page, query)
    elapsed = time.perf_counter() - start
    page.wait_for_load_state("networkidle")
    first = page.eval_on_selector_all("[data-survey-search] .md-search-result__item h1", "hs => hs.map(h => h.textContent)")
    context.close()
    return {"bytes": sum(n for _, n in fetched), "seconds": elapsed, "files": sorted(fetched),
            "first": first[0] if first else ""}


def main() -> int:
    from playwright.sync_api import sync_playwright

    args = sys.argv[1:]
    part_size = pagefind.PART_SIZE
    if args[:1] == ["--part-size"]:
        part_size, args = int(args[1]), args[2:]
    n = int(args[0]) if args else 10_000
    queries = args[1:] or ["ZeRO", "H2O", "KV cache eviction", "FlashAttention-2", "mixture of experts inference"]
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, "-m", "generator", "build", "--quiet", "--build", str(Path(tmp) / "build"),
                        "--site-dir", str(site)], cwd=ROOT, check=True, capture_output=True)
        content = io.read_content(ROOT / "content")
        base, _ = read_sources(content)
        corpus, _ = run(Corpus(papers=synthesize(base.papers, n), collections=base.collections), content)
        start = time.perf_counter()
        records = search.records(corpus)
        took_records = time.perf_counter() - start
        start = time.perf_counter()
        files = pagefind.index_parts(records, part_size=part_size)
        took_index = time.perf_counter() - start
        parts = 1 + len(json.loads(files[pagefind.PARTS])["parts"])
        io.write_tree(site / "pagefind", files)
        data = {k: v for k, v in files.items() if pagefind.part_file(k.split("/", 1)[1] if k.startswith("part-") else k)
                and not k.endswith("pagefind-entry.json")}
        print(f"papers: {n}, records: {len(records)} in {parts} part(s) of at most {part_size}; "
              f"records {took_records:.1f} s, Pagefind index {took_index:.1f} s")
        print(f"index: {len(files)} files, {sum(map(len, data.values())) / 1e6:.1f} MB of data "
              f"(meta {sum(len(v) for k, v in data.items() if k.endswith('.pf_meta')) / 1024:.0f} KB gzipped, "
              f"{sum('index/' in k for k in files)} word chunks)")
        server, url = serve(site)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
                for query in queries:
                    m = measure_first_query(browser, url, query)
                    print(f"first query {query!r:32} {m['bytes'] / 1024:6.1f} KB gzipped  {m['seconds']:.2f} s  "
                          f"first result: {m['first'][:60]}")
                browser.close()
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
