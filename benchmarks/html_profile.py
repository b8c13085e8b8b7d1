"""CPU of the HTML step by page kind and by Python-Markdown stage, on a generated build folder.

    python benchmarks/html_profile.py BUILD [PAPERS] [--cprofile OUT] [--only KIND]

BUILD is a folder ``survey generate`` wrote. The pages are read and converted as our MkDocs
driver does (``mkdocsbuild``: MkDocs' files, nav and ``_populate_page``, then Material's template
with the nav rendered once), in this one process, with no cache: every page of every kind but
the paper pages, and a sample of PAPERS paper pages (default 300); figures are scaled to all the
pages of each kind. Each step of ``Markdown.convert`` (each preprocessor, the block parser with
the tables extension apart, each treeprocessor, the serializer, each postprocessor) is timed in
CPU seconds; "other" is what ``Page.render`` spends outside ``convert`` (building the Markdown
instance) plus reading the page. ``--cprofile OUT`` writes a cProfile of the sampled pages' two
steps without the stage timers (``--only paper`` to profile one kind).
"""

from __future__ import annotations

import cProfile
import logging
import os
import random
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("SOURCE_DATE_EPOCH", "0")

import markdown  # noqa: E402
from markdown.extensions import tables  # noqa: E402

from generator import mkdocsbuild  # noqa: E402

CPU: dict[tuple[str, str], float] = defaultdict(float)  # (page kind, stage) -> CPU seconds
KIND = ["?"]  # the kind of the page being converted


def _timed(stage: str, fn: Any, *args: Any) -> Any:
    start = time.process_time()
    try:
        return fn(*args)
    finally:
        CPU[(KIND[0], stage)] += time.process_time() - start


def _convert(self: markdown.Markdown, source: str) -> str:
    """``Markdown.convert`` (Python-Markdown 3.x) with each step timed."""
    if not source.strip():
        return ""
    self.lines = source.split("\n")
    for prep in self.preprocessors:
        self.lines = _timed(f"pre: {type(prep).__name__}", prep.run, self.lines)
    root = _timed("block parser (tables included)", self.parser.parseDocument, self.lines).getroot()
    for tree in self.treeprocessors:
        new = _timed(f"tree: {type(tree).__name__}", tree.run, root)
        if new is not None:
            root = new
    output = _timed("serializer", self.serializer, root)
    if self.stripTopLevelTags:
        start = output.index(f"<{self.doc_tag}>") + len(self.doc_tag) + 2
        output = output[start:output.rindex(f"</{self.doc_tag}>")].strip()
    for post in self.postprocessors:
        output = _timed(f"post: {type(post).__name__}", post.run, output)
    return output.strip()


def _instrument() -> None:
    table_run = tables.TableProcessor.run

    def run(self: Any, parent: Any, blocks: Any) -> Any:
        return _timed("  of which the tables extension", table_run, self, parent, blocks)

    markdown.Markdown.convert = _convert
    tables.TableProcessor.run = run


def kind(src_uri: str) -> str:
    if src_uri == "papers/index.md":
        return "all papers"
    if src_uri.startswith("papers/"):
        return "paper"
    if src_uri.startswith("topics/"):
        return "topics index" if src_uri == "topics/index.md" else "topic"
    if src_uri.startswith("collections/"):
        return "collection"
    return src_uri.removesuffix(".md")


def main() -> int:
    args = sys.argv[1:]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    out = args[args.index("--cprofile") + 1] if "--cprofile" in args else None
    only = args[args.index("--only") + 1] if "--only" in args else None
    plain = [a for i, a in enumerate(args) if not a.startswith("--") and (i == 0 or not args[i - 1].startswith("--"))]
    build, sample = Path(plain[0]), int(plain[1]) if len(plain) > 1 else 300
    if out is None:
        _instrument()

    from mkdocs.commands.build import _populate_page, get_context, get_navigation
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files, set_exclusions
    from mkdocs.structure.pages import Page

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(config_file=str(build / "mkdocs.yml"), site_dir=str(build / "profile-site"), strict=False)
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    files = get_files(config)
    env = config.theme.get_env()
    files.add_files_from_theme(env, config)
    set_exclusions(files, config)
    nav = get_navigation(files, config)
    doc_files = files.documentation_pages()
    pages: list[Any] = []
    for file in doc_files:
        if file.page is None and file.inclusion.is_not_in_nav():
            Page(None, file, config)
        pages.append(file.page)

    by_kind: dict[str, list[Any]] = defaultdict(list)
    for page in pages:
        by_kind[kind(page.file.src_uri)].append(page)
    random.seed(1)
    chosen = [(k, p) for k, ps in sorted(by_kind.items()) if only in (None, k)
              for p in (random.sample(ps, min(sample, len(ps))) if k == "paper" else ps)]
    scale = {k: len(by_kind[k]) / sum(1 for kk, _ in chosen if kk == k) for k in {k for k, _ in chosen}}

    profile = cProfile.Profile() if out else None
    convert: dict[str, float] = defaultdict(float)
    render: dict[str, float] = defaultdict(float)
    for k, page in chosen:
        KIND[0] = k
        start = time.process_time()
        if profile:
            profile.enable()
        _populate_page(page, config, files)
        if profile:
            profile.disable()
        convert[k] += time.process_time() - start
    for page in nav.pages:  # the nav shows every nav page's title
        if page.content is None:
            KIND[0] = "nav only"
            _populate_page(page, config, files)
    mkdocsbuild._reuse_nav(env, nav, config)
    for k, page in chosen:
        start = time.process_time()
        if profile:
            profile.enable()
        config._current_page, page.active = page, True
        context = get_context(nav, doc_files, config, page)
        env.get_template(page.meta.get("template", "main.html")).render(context)
        page.active = False
        if profile:
            profile.disable()
        render[k] += time.process_time() - start
    if profile and out:
        profile.dump_stats(out)
        print(f"cProfile written to {out}")
        return 0

    kinds = sorted(scale, key=lambda k: -(convert[k] + render[k]) * scale[k])
    total = sum((convert[k] + render[k]) * scale[k] for k in kinds)
    print(f"{len(pages)} pages; sampled " + ", ".join(f"{k} {len(by_kind[k]) / scale[k]:.0f}/{len(by_kind[k])}"
                                                      for k in kinds))
    print(f"\nCPU seconds in one process, scaled to all pages (total {total:.1f} s)\n")
    print("| page kind | pages | convert | template | convert ms/page | template ms/page | share |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for k in kinds:
        n, c, r = len(by_kind[k]), convert[k] * scale[k], render[k] * scale[k]
        print(f"| {k} | {n:,} | {c:.2f} | {r:.2f} | {1000 * c / n:.2f} | {1000 * r / n:.2f} | {100 * (c + r) / total:.1f}% |")
    rows = {s for _, s in CPU}
    for k in kinds:  # what convert spent outside Markdown.convert's steps
        inside = sum(CPU[(k, s)] for s in rows if not s.startswith("  "))
        CPU[(k, "other: Markdown instance, reading the page")] = convert[k] - inside
    rows = {s for _, s in CPU}
    print("\n| Markdown stage | " + " | ".join(kinds) + " | all | share of all |")
    print("| --- |" + " ---: |" * (len(kinds) + 2))
    for s in sorted(rows, key=lambda s: -sum(CPU[(k, s)] * scale[k] for k in kinds)):
        cells = [CPU[(k, s)] * scale[k] for k in kinds]
        print(f"| {s} | " + " | ".join(f"{c:.2f}" for c in cells) + f" | {sum(cells):.2f} | {100 * sum(cells) / total:.1f}% |")
    print("| template (Material) | " + " | ".join(f"{render[k] * scale[k]:.2f}" for k in kinds) +
          f" | {sum(render[k] * scale[k] for k in kinds):.2f} | "
          f"{100 * sum(render[k] * scale[k] for k in kinds) / total:.1f}% |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
