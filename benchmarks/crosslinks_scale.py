"""Time method detection + mentions + related papers + glossary on 10,000 synthesized papers.

Run: .venv/bin/python benchmarks/crosslinks_scale.py [N]   (target: <= 10 s in total on 2 cores)
Papers are made deterministically from the bundled ones: each copy gets a fresh coined method name
in its title and abstract, and every third copy names another copy's method, so the automaton has
N-scale names and real mentions to find.
"""

from __future__ import annotations

import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import io  # noqa: E402
from generator.content import ContentFiles  # noqa: E402
from generator.enrich import glossary, mentions, methods, related  # noqa: E402
from generator.model import Corpus, Paper  # noqa: E402
from generator.pipeline import read_sources  # noqa: E402

_SYLLABLES = ["Flux", "Tera", "Zip", "Quant", "Pipe", "Mega", "Spar", "Lumo", "Vexa", "Kron", "Orbi", "Nimb"]


def coined(i: int) -> str:
    """A distinct CamelCase name per index: Flux + Tera + a number keeps every name unique."""
    return f"{_SYLLABLES[i % 12]}{_SYLLABLES[(i // 12) % 12]}-{i}"


def synthesize(base: tuple[Paper, ...], n: int) -> tuple[Paper, ...]:
    papers: list[Paper] = []
    for i in range(n):
        src = base[i % len(base)]
        name = coined(i)
        title = f"{name}: {src.title.split(': ', 1)[-1]}"
        abstract = f"We propose {name}, a method. {src.abstract or ''}"
        if i % 3 == 0 and i >= 7:
            abstract += f" {name} is 2x faster than {coined(i - 7)}."
        papers.append(replace(src, id=f"p{i:05d}-{src.id}", title=title, abstract=abstract))
    return tuple(papers)


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    corpus, _ = read_sources(io.read_content(ROOT / "content"))
    corpus = Corpus(papers=synthesize(corpus.papers, n))
    content = ContentFiles()
    total = 0.0
    for stage in (methods, mentions, related, glossary):
        start = time.perf_counter()
        corpus, _ = stage.enrich(corpus, content)
        took = time.perf_counter() - start
        total += took
        print(f"{stage.__name__.rsplit('.', 1)[-1]:10} {took:6.2f} s")
    found = sum(len(p.mentions) for p in corpus.papers)
    planted = len(range(9, n, 3))  # copies i % 3 == 0, i >= 7 name copy i - 7's method
    print(f"papers: {n}, mentions found: {found} (planted: {planted}), terms: {len(corpus.terms)}")
    print(f"total: {total:.2f} s (target <= 10 s)")
    # peak resident memory of the whole process (corpus loading included); tracemalloc would slow the timing
    print(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
