"""Wall time of every stage of one real ``survey generate`` (read, merge, each enricher, each page kind, write).

    python benchmarks/generate_stages.py CONTENT BUILD [--cold]
    python benchmarks/generate_stages.py          (1,000 synthetic papers, cold: what `make bench` runs)

CONTENT is a content folder (``benchmarks/scale.py`` makes synthetic ones: ``make_content(n, dest)``);
BUILD the build folder. ``--cold`` empties BUILD first, cache included; without it the run uses
what the last run left in ``BUILD/.cache/`` (the incremental case). Each stage is wrapped with a
timer; the pipeline itself is the one ``survey generate`` runs. Prints seconds and ms per paper.
"""

from __future__ import annotations

import functools
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

START = time.perf_counter()
from generator import enrich, io, pipeline  # noqa: E402
from generator import pages as pages_mod  # noqa: E402
from generator.cli import no_cycle_collection  # noqa: E402

TIMES: dict[str, float] = {"import": time.perf_counter() - START}
CPU: dict[str, float] = {"import": time.process_time()}  # the machine may be shared: CPU seconds beside the wall


def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        start, cpu = time.perf_counter(), time.process_time()
        try:
            out = fn(*args, **kwargs)
        finally:
            TIMES[name] = TIMES.get(name, 0.0) + time.perf_counter() - start
            CPU[name] = CPU.get(name, 0.0) + time.process_time() - cpu
        # the paper and export kinds hand their files over one at a time: time the taking too
        return _timed_items(name, out) if isinstance(out, Iterator) else out

    return run


def _timed_items(name: str, items: Iterator[Any]) -> Iterator[Any]:
    while True:
        start, cpu = time.perf_counter(), time.process_time()
        try:
            item = next(items)
        except StopIteration:
            return
        finally:
            TIMES[name] = TIMES.get(name, 0.0) + time.perf_counter() - start
            CPU[name] = CPU.get(name, 0.0) + time.process_time() - cpu
        yield item


def instrument() -> None:
    stack = enrich.default_stack
    enrich.default_stack = lambda *a: [timed("enrich " + e.__module__.rsplit(".", 1)[-1], e) for e in stack(*a)]
    kinds = tuple(pages_mod.PageKind(k.name, timed("page " + k.name, k.pages)) for k in pages_mod.KINDS)
    pages_mod.render_site.__defaults__ = (kinds,)
    pipeline.read_sources = timed("read + merge", pipeline.read_sources)
    pipeline.front_matter_problems = timed("front matter check", pipeline.front_matter_problems)
    pipeline._build_config = timed("build config", pipeline._build_config)
    pipeline.render_site = timed("render (all kinds)", pipeline.render_site)
    pipeline.load = timed("load (read + enrich)", pipeline.load)


def main() -> int:
    paths = [a for a in sys.argv[1:] if not a.startswith("--")]
    if not paths:  # `make bench` runs every script without arguments: a cold run on 1,000 synthetic papers
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from scale import make_content

        with tempfile.TemporaryDirectory() as tmp:
            make_content(1_000, Path(tmp) / "content")
            print("1,000 synthetic papers (benchmarks/scale.py), cold build folder")
            return stages(Path(tmp) / "content", Path(tmp) / "build")
    content, build = Path(paths[0]), Path(paths[1])
    if "--cold" in sys.argv:
        shutil.rmtree(build, ignore_errors=True)
    return stages(content, build)


def stages(content: Path, build: Path) -> int:
    instrument()
    start, cpu = time.perf_counter(), time.process_time()
    files = io.read_content(content)
    opts = pipeline.Options(content=content, build=build, templates=ROOT / "site_templates", config=ROOT / "mkdocs.yml")
    with no_cycle_collection():  # as `survey generate` runs
        generated = timed("generate", pipeline.generate)(opts, files)
        changed = timed("write", pipeline.write)(opts, generated)
    total, total_cpu = time.perf_counter() - start, time.process_time() - cpu
    n = max(1, len(generated.corpus.papers))
    print(f"papers: {len(generated.corpus.papers)}, files: {len(generated.files)}, changed: {changed}")
    print(f"{'stage':24} {'wall':>9}  {'ms/paper':>8}  {'CPU':>9}")
    for name, seconds in TIMES.items():
        print(f"{name:24} {seconds:7.2f} s  {1000 * seconds / n:8.2f}  {CPU[name]:7.2f} s")
    print(f"{'generate + write':24} {total:7.2f} s  {1000 * total / n:8.2f}  {total_cpu:7.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
