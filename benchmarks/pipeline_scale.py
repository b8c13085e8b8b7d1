"""Time every stage of a generate on N synthesized papers (default 10,000): where a large survey spends time.

Run: .venv/bin/python benchmarks/pipeline_scale.py [N]
Papers come from the bundled ones with fresh method names (benchmarks/crosslinks_scale.py); the
curated content (taxonomy, vocabularies, notes) is the bundled one. Prints seconds per stage,
pages rendered and peak memory. No target yet: this is the baseline for parallel and incremental builds.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from crosslinks_scale import synthesize  # noqa: E402

from generator import io  # noqa: E402
from generator.enrich import default_stack  # noqa: E402
from generator.model import Corpus  # noqa: E402
from generator.pages import render_site  # noqa: E402
from generator.pipeline import read_sources  # noqa: E402
from generator.render import Site  # noqa: E402


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    content = io.read_content(ROOT / "content")
    start = time.perf_counter()
    base, _ = read_sources(content)
    print(f"{'read+merge (444)':22} {time.perf_counter() - start:6.2f} s")
    corpus = Corpus(papers=synthesize(base.papers, n), collections=base.collections)
    total = 0.0
    for stage in default_stack():
        start = time.perf_counter()
        corpus, _ = stage(corpus, content)
        took = time.perf_counter() - start
        total += took
        print(f"{stage.__module__.rsplit('.', 1)[-1]:22} {took:6.2f} s")
    templates = {k: v.decode("utf-8") for k, v in io.read_tree(ROOT / "site_templates" / "pages", (".j2",)).items()}
    start = time.perf_counter()
    pages = render_site(Site(corpus=corpus, templates=templates))
    took = time.perf_counter() - start
    total += took
    print(f"{'render':22} {took:6.2f} s  ({len(pages)} pages, {sum(len(t) for t in pages.values()) / 1e6:.1f} MB)")
    print(f"papers: {n}, enrich + render: {total:.1f} s")
    print(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
