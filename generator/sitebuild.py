"""The HTML step: an engine builds <build>/mkdocs.yml, then the same post-build steps run for every engine.

Engines: MkDocs + Material (the default) and Zensical. Both read the generated configuration
(``buildconfig``) and nothing else of ours: no hooks or plugins of our own. After the engine,
``finish`` fills curated fragments into the built pages and writes the search index from the
corpus. MkDocs is driven through its Python API rather than its CLI so warnings can be shown
while still counted by strict mode (MkDocs' own ``--quiet`` hides them from the counter).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import buildconfig, fragments, io, pagefind, search
from .diagnostics import printable
from .model import Corpus

ENGINES = ("mkdocs", "zensical")
SEARCH = "pagefind"  # the search index's folder in the site, written by ``finish``
SEARCH_CACHE = "search"  # its parts from the last build, under <build>/.cache/
SEARCH_WRITTEN = "search-written.json"  # under <build>/.cache/: what finish() last wrote into site/pagefind/

# Banners some dependencies print on import (MkDocs 2 plans, Material's end of life, noted in the
# README). They are not our output; set before mkdocs or material is imported.
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class _Printer(logging.Handler):
    """MkDocs log records as ``WARNING -  message`` lines on stderr, at the chosen level; counts warnings."""

    counted = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            self.counted += 1
        print(f"{record.levelname:<7} -  {printable(record.getMessage())}", file=sys.stderr)


def _logging(quiet: bool) -> _Printer:
    handler = _Printer(logging.WARNING if quiet else logging.INFO)
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.handlers = [h for h in logger.handlers if not isinstance(h, _Printer)] + [handler]
    return handler


def config_file(build_dir: Path) -> Path:
    """The generated build configuration both engines read."""
    return build_dir / buildconfig.FILE


def default_site(user_config: Path) -> Path:
    """The site folder the user's configuration names (``site_dir``), or ``site`` next to it."""
    try:
        user, _problems = buildconfig.parse(io.read_text(user_config), user_config.as_posix())
    except (OSError, UnicodeDecodeError):
        user = None  # generate already reported it
    return buildconfig.site_folder(user or {}, user_config.as_posix())


def build(engine: str, build_dir: Path, site_dir: Path, epoch: int, quiet: bool = False,
          strict: bool = True, forbidden: tuple[Path, ...] = (), fill: Fill | str | None = None) -> bool | None:
    """Build ``<build>/mkdocs.yml`` into ``site_dir``: None if nothing was built, else True if clean.

    Strict aborts on the first warning's count; not strict builds every page and reports the count.
    ``fill``, when the engine can apply it as it writes each page, is marked applied (then
    ``finish`` does not edit the pages again and unchanged pages keep their mtime).
    """
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(epoch))
    config = config_file(build_dir)
    if not config.is_file():
        print(f"ERROR   -  {printable(str(config))} is missing (survey generate writes it)", file=sys.stderr)
        return None
    if engine == "zensical":
        return _zensical(config, build_dir, site_dir, strict, forbidden)
    return _mkdocs(config, site_dir, quiet, strict, fill if isinstance(fill, Fill) else None)


def _mkdocs(config_path: Path, site_dir: Path, quiet: bool, strict: bool, fill: Fill | None = None) -> bool | None:
    """MkDocs' build through our driver (parallel, cached, the same output), or MkDocs' own where it cannot."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from . import mkdocsbuild

    printer = _logging(quiet)
    try:
        config = load_config(config_file=str(config_path), site_dir=str(site_dir.resolve()), strict=strict)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            why = mkdocsbuild.unsupported(config)
            if why is None:
                mkdocsbuild.build(config, config_path.parent / mkdocsbuild.CACHE, keep=(SEARCH,),
                                  post_page=fill.page if fill is not None else None, post_if=fragments.MARK)
                if fill is not None:
                    fill.applied = True
            else:
                logging.getLogger("mkdocs.survey").info(f"MkDocs builds this configuration itself ({why})")
                mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as exc:
        print(f"ERROR   -  {printable(str(exc))}", file=sys.stderr)
        return None
    return printer.counted == 0


def _zensical(config_path: Path, build_dir: Path, site_dir: Path, strict: bool,
              forbidden: tuple[Path, ...]) -> bool | None:
    """Zensical builds into <build>/site (it refuses a folder outside its config's), then the site moves."""
    try:
        import zensical
    except ImportError:
        print("ERROR   -  Zensical is not installed (pip install -c requirements.lock zensical, or make)",
              file=sys.stderr)
        return None
    out = build_dir / buildconfig.SITE  # never left from an earlier run: generate syncs the build folder
    os.environ.setdefault("NO_COLOR", "1")  # its report goes to logs as often as to a terminal
    try:
        zensical.build(str(config_path.resolve()), {"strict": strict, "clean": True})
    except Exception as exc:  # Zensical reports configuration and strict failures as exceptions
        print(f"ERROR   -  zensical: {printable(str(exc))}", file=sys.stderr)
        return None
    io.move_tree(out, site_dir, forbidden=forbidden)
    return True  # Zensical counts no warnings for us: not strict, it only prints them


class Fill:
    """Curated fragments into built pages (``fragments.fill``), remembering what was placed and what went wrong."""

    def __init__(self, known: dict[str, str]) -> None:
        self.known = known
        self.placed: set[str] = set()
        self.problems: list[str] = []
        self.applied = False  # True once every built page went through it (our MkDocs driver does that)

    @classmethod
    def load(cls, build_dir: Path) -> Fill | str:
        """The fragments ``survey generate`` wrote, or why they cannot be read."""
        try:
            return cls(json.loads(io.read_text(build_dir / "fragments.json")))
        except (OSError, ValueError) as exc:
            return f"{build_dir / 'fragments.json'}: cannot read the curated fragments: {exc}"

    def edit(self, page: str, html: str) -> str | None:
        """``html`` with its placeholders filled, or None if it has none."""
        if fragments.MARK not in html:
            return None
        new, used, found = fragments.fill(page, html, self.known)
        self.placed.update(used)
        self.problems.extend(found)
        return new

    def page(self, page: str, html: str) -> str:
        new = self.edit(page, html)
        return html if new is None else new

    def report(self) -> list[str]:
        return self.problems + [f"curated fragment {key} is on no page: the engine dropped its placeholder"
                                for key in sorted(set(self.known) - self.placed)]


def start_search(records: list[search.Record], build_dir: Path) -> pagefind.Indexing:
    """The search index of these records (``search.records``), built on a thread; ``finish`` writes it.

    The Pagefind binary, a process of its own, indexes them while this process goes on (about 10 s
    of its time at 10k papers). Index parts whose records did not change come from
    ``<build>/.cache/search/``.
    """
    return pagefind.Indexing(records, cache=build_dir / buildconfig.CACHE / SEARCH_CACHE)


def finish(site: Path, build_dir: Path, indexing: pagefind.Indexing, fill: Fill | str | None = None) -> list[str]:
    """The post-build steps, the same for every engine: curated fragments into the pages, then the search index.

    ``indexing`` is what ``start_search`` began (waited for here). ``fill`` is what ``build`` was
    given: if the build already put the fragments in, only its report is taken. Returns the problems
    (a placeholder without its fragment, a fragment on no page, a failed index).
    """
    try:
        index: dict[str, bytes] | str = indexing.files()
    except pagefind.PagefindError as exc:
        index = f"search index: {exc}"
    fill = Fill.load(build_dir) if fill is None else fill
    if isinstance(fill, str):
        return [fill]
    if not fill.applied:
        io.edit_files(site, ".html", fill.edit)
    problems = fill.report()
    if isinstance(index, str):
        problems.append(index)
    else:
        # the index is rebuilt whole after an edit, but most of its files come out the same
        io.write_tree(site / SEARCH, index, manifest=build_dir / buildconfig.CACHE / SEARCH_WRITTEN)
    return problems


def preview(build_dir: Path, site: Path, url: str, regenerate: Callable[[], Corpus]) -> Callable[..., None]:
    """``survey serve``'s builder: regenerate (unless given the corpus), MkDocs into ``site``, then ``finish``.

    The configuration is generated, so it is written before MkDocs loads it on every rebuild
    (nav and redirects are never one rebuild late), and the post-build steps are ``survey build``'s.
    Not strict: a preview keeps going and shows the warnings.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    log = logging.getLogger("mkdocs.survey")

    def builder(corpus: Corpus | None = None) -> None:
        corpus = corpus if corpus is not None else regenerate()
        config: Any = load_config(config_file=str(config_file(build_dir)), site_dir=str(site), strict=False)
        config.site_url = url
        config.plugins.on_startup(command="serve", dirty=False)
        try:
            mkdocs_build(config, serve_url=url)
        finally:
            config.plugins.on_shutdown()
        for problem in finish(site, build_dir, start_search(search.records(corpus), build_dir)):
            log.warning(printable(problem))

    return builder


def serve(build_dir: Path, dev_addr: str, watch: list[Path], regenerate: Callable[[], Corpus], first: Corpus,
          epoch: int) -> None:
    """MkDocs' live server over ``preview``: content/, the templates and the user's configuration are watched.

    Our builder on MkDocs' LiveReloadServer rather than ``mkdocs serve`` with a hook: a hook runs
    after ``mkdocs serve`` has loaded the configuration, so the nav would lag one rebuild. build/
    is not watched: every rebuild rewrites it. No Zensical preview: its server rebuilds on its
    own, and ``finish`` could not follow each rebuild.
    """
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(epoch))
    from mkdocs.livereload import LiveReloadServer

    _logging(quiet=False)
    log = logging.getLogger("mkdocs.survey")
    host, _, port = dev_addr.rpartition(":")
    url = f"http://{host}:{port}/"
    site = Path(tempfile.mkdtemp(prefix="survey-serve-"))
    builder = preview(build_dir, site, url, regenerate)
    server = LiveReloadServer(builder=builder, host=host, port=int(port), root=str(site))

    def error_page(code: int) -> bytes | None:
        page = site / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    server.error_handler = error_page
    try:
        builder(first)
        for path in watch:
            server.watch(str(path))
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(site, ignore_errors=True)
