"""MkDocs' build, driven by us: the same HTML as ``mkdocs build``, with pages rendered in parallel and cached.

``mkdocs.commands.build.build`` converts every page's Markdown, then renders every page's
template, one page at a time. This module runs the same steps with the same MkDocs and Material
objects, so the output is byte for byte MkDocs' own, with three changes in how the work is done:

- the two per-page steps (Markdown to HTML, template to page) run in forked worker processes, one
  per core; the parent keeps everything that needs all pages (anchor validation, plugin events,
  static files, theme templates) and replays the workers' log records in page order, so warnings
  print and count (strict mode) exactly as in a sequential build;
- each step's result is cached under ``<build>/.cache/html`` by a hash of what it depends on
  (the page's Markdown, the configuration, the set of files, the theme's templates, the versions of
  the libraries that render), so an unchanged page is read back instead of rendered;
- Material renders the whole navigation into every page. For a page that is not in the navigation
  (our paper pages) that HTML depends only on the page's relative links to the navigation's
  targets, so it is rendered once per distinct set of those links and reused.
- between the two steps the parent keeps of each page only what the others and the link
  validation read (title, meta, anchors, links to anchors); its converted HTML, table of contents
  and Markdown go to the cache and come back to the worker that renders the page, so a 30k-page
  site does not hold every page's HTML in one process (MkDocs does).

Configurations it cannot run faithfully (a plugin or hook with per-page events, whose state a
worker process would not hand back) are built by MkDocs itself: ``build`` returns False for them.
"""

from __future__ import annotations

import gc
import hashlib
import importlib.metadata
import logging
import os
import pickle
import sqlite3
import sys
import tempfile
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from . import buildconfig

log = logging.getLogger("mkdocs.survey")

_PAGE_EVENTS = ("pre_page", "page_read_source", "page_markdown", "page_content", "page_context", "post_page")
_VERSIONED = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "pygments", "jinja2",
              "mkdocs-redirects", "mkdocs-material-extensions")
_FORMAT = "3"  # bump when what the cache stores changes
CACHE = Path(buildconfig.CACHE) / "html.sqlite"  # inside the build folder
_SETTLED = "settled:"  # before a page's source key: the part of its converted state the parent keeps

Record = tuple[str, int, str]  # a log record a worker hands back: logger name, level, message


class _Collector(logging.Handler):
    """A worker's log records, kept to be replayed by the parent in page order."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[Record] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def unsupported(config: Any) -> str | None:
    """Why this driver cannot build ``config`` as MkDocs would, or None if it can."""
    from material.plugins.search.plugin import SearchPlugin

    for event in _PAGE_EVENTS:
        for method in config.plugins.events.get(event, []):
            plugin = getattr(method, "__self__", None)
            if isinstance(plugin, SearchPlugin) and not plugin.config.enabled:
                continue  # Material's search, turned off: its page events return at once
            who = type(plugin).__name__ if plugin is not None else f"hook {getattr(method, '__module__', method)}"
            return f"{who} handles {event} events"
    if config.theme.name != "material":
        return f"theme {config.theme.name}"
    return None


def jobs() -> int:
    """How many worker processes: one per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# -- what a page's output depends on ---------------------------------------------------------------

def _digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def _tree_digest(root: Path) -> str:
    """A hash of every file under ``root`` (names and bytes), in a fixed order."""
    parts: list[bytes | str] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        parts += [path.relative_to(root).as_posix(), path.read_bytes()]
    return _digest(*parts)


def _theme_digest(config: Any) -> str:
    """The theme folders: installed packages by version, any other folder (custom_dir) by content."""
    import material
    import mkdocs

    packaged = [Path(material.__file__).parent.resolve(), Path(mkdocs.__file__).parent.resolve()]
    parts: list[str] = []
    for folder in config.theme.dirs:
        path = Path(folder).resolve()
        if any(path.is_relative_to(p) for p in packaged):
            parts.append(f"package:{path.name}")
        else:
            parts.append(_tree_digest(path))
    return _digest(*parts)


def _versions() -> str:
    found = []
    for name in _VERSIONED:
        try:
            found.append(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{name}: none")
    return f"{_FORMAT};python {sys.version_info[:2]};" + ";".join(found)


# -- the two per-page steps, run in workers ---------------------------------------------------------

_STATE: dict[str, Any] = {}  # what forked workers read: set by the parent before the pool forks


def _worker_logging() -> _Collector:
    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.handlers = [collector]
    return collector


def _convert(index: int) -> tuple[dict[str, Any], list[Record]]:
    """Step 1 for one page: read its Markdown and convert it (MkDocs' ``_populate_page``)."""
    from mkdocs.commands.build import _populate_page

    collector = _STATE["collector"]
    collector.records = []
    page = _STATE["pages"][index]
    _populate_page(page, _STATE["config"], _STATE["files"])
    links = {to.src_uri: dict(found) for to, found in (page.links_to_anchors or {}).items()}
    state = {"markdown": page.markdown, "meta": page.meta, "content": page.content, "toc": page.toc,
             "title": page._title_from_render, "anchors": page.present_anchor_ids, "links": links}
    _drop(page)  # handed back: a worker converts hundreds of pages and would keep every one
    return state, collector.records


def _settle(page: Any, state: dict[str, Any], files: Any) -> dict[str, Any]:
    """The parent's part of a converted page: what other pages, the nav and the link validation read.

    The title is pinned first (MkDocs computes it from the Markdown and content, which are not kept);
    the converted HTML, table of contents and Markdown are put back by ``_restore`` for rendering.
    Returns that part (``_settled``), which the cache keeps apart: a later build reads it alone.
    """
    _restore(page, state)
    page._title_from_render = state["title"]
    # MkDocs' weak_property: the title the page has with its whole state, pinned by ``_settled``
    part = {"meta": state["meta"], "rendered": state["title"], "anchors": state["anchors"],
            "links": state["links"], "title": page.title}
    _drop(page)
    _settled(page, part, files)
    return part


def _settled(page: Any, part: dict[str, Any], files: Any) -> None:
    """What ``_settle`` leaves on a page, from what it returned: the page's Markdown stays unread."""
    page.meta, page._title_from_render, page.present_anchor_ids = part["meta"], part["rendered"], part["anchors"]
    # by src_uri as MkDocs keys its files (``get_file_from_path`` makes a PurePath per link)
    page.links_to_anchors = {files.src_uris.get(uri): links for uri, links in part["links"].items()}
    page.title = part["title"]


def _restore(page: Any, state: dict[str, Any]) -> None:
    page.markdown, page.meta, page.content, page.toc = state["markdown"], state["meta"], state["content"], state["toc"]


def _drop(page: Any) -> None:
    page.markdown, page.content, page.toc = None, None, []


def _converted(page: Any, packed: bytes | None) -> None:
    """Put a page's converted state back for rendering: from the cache's bytes, else converted again.

    Converting again gives the same state; its log records were replayed when the page was first
    converted, so these are dropped.
    """
    state = _unpack(packed) if packed is not None else None
    if state is not None:
        _restore(page, state[0])
        return
    from mkdocs.commands.build import _populate_page

    collector = _STATE["collector"]
    _populate_page(page, _STATE["config"], _STATE["files"])
    collector.records = []


def _render(index: int, packed: bytes | None = None) -> tuple[str, list[Record]]:
    """Step 2 for one page: its template (MkDocs' ``_build_page``), the HTML returned, not written.

    ``packed`` is the page's converted state as the cache stores it (``_pack``).
    """
    from mkdocs.commands.build import get_context

    collector = _STATE["collector"]
    collector.records = []
    page = _STATE["pages"][index]
    config, nav, env = _STATE["config"], _STATE["nav"], _STATE["env"]
    _converted(page, packed)
    config._current_page = page
    try:
        page.active = True
        context = get_context(nav, _STATE["doc_files"], config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        output = config.plugins.on_post_page(template.render(context), page=page, config=config)
    except Exception as exc:
        from mkdocs.exceptions import BuildError

        message = f"Error building page '{page.file.src_uri}':"
        if not isinstance(exc, BuildError):
            message += f" {exc}"
        logging.getLogger("mkdocs.commands.build").error(message)
        raise
    finally:
        page.active = False
        config._current_page = None
        _drop(page)
    return output, collector.records


def _guarded(step: str, index: int, payload: Any = None) -> tuple[bool, Any, list[Record]]:
    """(True, result, records), or (False, the exception, records) so the parent can replay then raise."""
    try:
        value, records = _convert(index) if step == "convert" else _render(index, payload)
        return True, value, records
    except Exception as exc:
        try:
            pickle.dumps(exc)
        except Exception:
            exc = RuntimeError(f"{type(exc).__name__}: {exc}")
        return False, exc, list(_STATE["collector"].records)


Payload = Callable[[int], Any]  # what a page's step is handed besides its index, made when it is sent


def _run_chunk(args: tuple[str, Sequence[tuple[int, Any]]]) -> list[tuple[bool, Any, list[Record]]]:
    step, chunk = args
    if "collector" not in _STATE:
        _STATE["collector"] = _worker_logging()
    out = []
    for i, payload in chunk:
        out.append(_guarded(step, i, payload))
        if not out[-1][0]:
            break  # MkDocs stops at a page's error too
    return out


def _parallel(step: str, indices: list[int], workers: int,
              payload: Payload | None = None) -> Iterator[tuple[Any, list[Record]]]:
    """``step`` over ``indices``: (result, log records) in order; in forked workers when there are several cores.

    ``payload(index)`` is sent with each page, made only when its chunk is sent (a few chunks ahead).
    A page's error is raised here, after its log records (MkDocs' "Error reading page ...") were replayed.
    """
    for ok, value, records in _unguarded(step, indices, workers, payload or (lambda _i: None)):
        if not ok:
            _replay(records)
            raise value
        yield value, records


def _unguarded(step: str, indices: list[int], workers: int,
               payload: Payload) -> Iterator[tuple[bool, Any, list[Record]]]:
    if not indices:
        return
    if workers <= 1 or len(indices) < 8:  # in this process, with the records replayed all the same
        logger = logging.getLogger("mkdocs")
        handlers = logger.handlers
        _STATE["collector"] = _Collector()
        logger.handlers = [_STATE["collector"]]
        try:
            for i in indices:  # one page's payload at a time
                result = _run_chunk((step, [(i, payload(i))]))
                yield from result
                if not result[0][0]:
                    break
        finally:
            logger.handlers = handlers
            _STATE.pop("collector", None)  # a generator left unfinished is closed late, maybe after another ran
        return
    chunks = iter(_chunks(indices, workers))

    def task(chunk: list[int]) -> tuple[str, list[tuple[int, Any]]]:
        return step, [(i, payload(i)) for i in chunk]

    # Forked workers share the parent's objects until one is written to; the collector's visits
    # would write to every one of them (reference counts aside), so they are left out of its scans.
    gc.collect()
    gc.freeze()
    try:
        pool = get_context("fork").Pool(workers)
    finally:
        gc.unfreeze()
    with pool:
        # A few chunks ahead of the parent, not all: results the parent has not written yet wait in
        # its memory, and at 30k pages all of them would not fit in the memory budget.
        pending = deque(pool.apply_async(_run_chunk, (task(c),)) for c in islice(chunks, 4 * workers))
        while pending:
            results = pending.popleft().get()
            for chunk in islice(chunks, 1):
                pending.append(pool.apply_async(_run_chunk, (task(chunk),)))
            yield from results


def _alone(step: str, index: int, payload: Payload | None = None) -> Any:
    """One page's step in this process (a cache entry that vanished or could not be read)."""
    return next(_parallel(step, [index], 1, payload))


def _chunks(indices: list[int], workers: int) -> list[list[int]]:
    """Small consecutive chunks, so the workers stay busy to the end and results come back in order."""
    size = max(1, min(32, len(indices) // (workers * 8) or 1))
    return [indices[i:i + size] for i in range(0, len(indices), size)]


def _replay(records: list[Record]) -> None:
    for name, level, message in records:
        logging.getLogger(name).log(level, message)


# -- the navigation, rendered once for pages outside it ---------------------------------------------

def _reuse_nav(env: Any, nav: Any, config: Any) -> None:
    """Make ``partials/nav.html`` render once per distinct link set for pages the navigation does not hold.

    The partial depends on the page only through ``page`` comparisons with navigation items (all
    false for a page outside it) and through the relative URLs its ``url`` filter makes, which are
    the key here.
    """
    from jinja2 import TemplateNotFound
    from mkdocs.utils import normalize_url

    try:
        template = env.get_template("partials/nav.html")
    except TemplateNotFound:
        return
    in_nav = {id(p) for p in nav.pages}
    extra = [config.extra.get("homepage"), config.theme.get("logo"), config.theme.get("favicon")]
    targets = [p.url for p in nav.pages] + [nav.homepage.url if nav.homepage else ""] + \
        [str(t) for t in extra if t]
    render = template.root_render_func
    memo: dict[tuple[str, ...], str] = {}

    def root_render_func(context: Any) -> Iterator[str]:
        page = context.get("page")
        if page is None or id(page) in in_nav or getattr(page, "url", None) is None:
            yield from render(context)
            return
        key = (context.get("base_url", ""), *(normalize_url(t, page) for t in targets))
        if key not in memo:
            memo[key] = "".join(render(context))
        yield memo[key]

    template.root_render_func = root_render_func


# -- the build ---------------------------------------------------------------------------------------

class _Cache:
    """Step results by key in one SQLite file (one file, not one per page: creating files is slow).

    Values are compressed: a page's HTML is mostly the theme's header, nav and footer, and at 30k
    pages the cache would otherwise take gigabytes.
    """

    def __init__(self, path: Path | None) -> None:
        self.db: sqlite3.Connection | None = None
        self.used: set[str] = set()
        self.written: dict[str, tuple[str, int, int]] = {}  # site file -> (output key, size, mtime) when last written
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(path, isolation_level=None)
            self.db.execute("CREATE TABLE IF NOT EXISTS entry (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        except sqlite3.Error:  # an unreadable cache is rebuilt, never fatal
            path.unlink(missing_ok=True)
            self.db = sqlite3.connect(path, isolation_level=None)
            self.db.execute("CREATE TABLE IF NOT EXISTS entry (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        self.db.execute("CREATE TABLE IF NOT EXISTS written (path TEXT PRIMARY KEY, key TEXT NOT NULL, "
                        "size INTEGER NOT NULL, mtime INTEGER NOT NULL)")
        self.db.execute("BEGIN")
        self.known = {row[0] for row in self.db.execute("SELECT key FROM entry")}
        self.written = {row[0]: (row[1], row[2], row[3]) for row in self.db.execute("SELECT * FROM written")}

    def __contains__(self, key: str) -> bool:
        return self.db is not None and key in self.known

    def keep(self, key: str) -> None:
        """Keep ``key`` past ``close`` although this build did not read it (the next one may)."""
        self.used.add(key)

    def get(self, key: str) -> Any:
        return _unpack(self.raw(key))

    def raw(self, key: str) -> bytes | None:
        """The stored bytes (``_pack``) under ``key``, not decoded; None if there are none."""
        self.used.add(key)
        if self.db is None or key not in self.known:
            return None
        row = self.db.execute("SELECT value FROM entry WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def put(self, key: str, value: Any) -> bytes:
        """Store ``value``; returns its bytes as ``raw`` will read them back."""
        self.used.add(key)
        packed = _pack(value)
        if self.db is not None:
            self.db.execute("INSERT OR REPLACE INTO entry VALUES (?, ?)", (key, packed))
            self.known.add(key)
        return packed

    def wrote(self, path: str, key: str | None, size: int, mtime: int) -> None:
        """``path`` now holds the page with output key ``key`` (None: one that must be written through again)."""
        if self.db is None:
            return
        if key is None:
            self.db.execute("DELETE FROM written WHERE path = ?", (path,))
        elif self.written.get(path) != (key, size, mtime):
            self.db.execute("INSERT OR REPLACE INTO written VALUES (?, ?, ?, ?)", (path, key, size, mtime))

    def close(self, keep_only_used: bool) -> None:
        """Commit; after a whole build, drop what it did not use (the cache holds one site, not every past one)."""
        if self.db is None:
            return
        if keep_only_used:
            for key in self.known - self.used:
                self.db.execute("DELETE FROM entry WHERE key = ?", (key,))
        self.db.execute("COMMIT")
        self.db.close()
        self.db = None


def _pack(value: Any) -> bytes:
    return zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)


def _unpack(packed: bytes | None) -> Any:
    """What ``_pack`` packed, or None when it does not read back (a torn or foreign cache entry)."""
    if packed is None:
        return None
    try:
        return pickle.loads(zlib.decompress(packed))
    except (pickle.UnpicklingError, zlib.error, EOFError, ValueError, TypeError, AttributeError, ImportError):
        return None


class _Output:
    """Writes into the site folder only what changed, so unchanged files keep their bytes and mtime.

    A page is not even read back when the cache says this file was written from the same output key
    and still has the size and modification time it had then (``unchanged``): the cached HTML is
    then neither decompressed nor compared. Pages that the post-build edit changed, or whose
    rendering logged anything, are always written through, so their edits and messages happen again.
    """

    def __init__(self, site_dir: str, cache: _Cache | None = None) -> None:
        self.site_dir = site_dir
        self.cache = cache
        self.written: set[str] = set()
        self.start = time.time_ns()

    def unchanged(self, path: str, key: str) -> bool:
        """Whether ``path`` certainly holds the page with output key ``key`` already (then it counts as written)."""
        path = os.path.normpath(path)
        known = self.cache.written.get(path) if self.cache is not None else None
        if known is None or known[0] != key:
            return False
        try:
            stat = os.stat(path, follow_symlinks=False)
        except OSError:
            return False
        if known[1:] != (stat.st_size, stat.st_mtime_ns):
            return False
        self.written.add(path)
        return True

    def write(self, path: str, data: bytes, key: str | None = None) -> None:
        """Write ``data`` unless ``path`` holds it; ``key`` (the page's output key) lets a later build skip it."""
        path = os.path.normpath(path)
        self.written.add(path)
        try:
            if os.path.getsize(path) == len(data):
                with open(path, "rb") as handle:
                    if handle.read() == data:
                        self._wrote(path, key)
                        return
        except OSError:
            pass
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data)
        self._wrote(path, key)

    def _wrote(self, path: str, key: str | None) -> None:
        if self.cache is not None:
            stat = os.stat(path)
            self.cache.wrote(path, key, stat.st_size, stat.st_mtime_ns)

    def copy(self, src: str, path: str) -> None:
        with open(src, "rb") as handle:
            self.write(path, handle.read())

    def prune(self, keep: tuple[str, ...]) -> None:
        """Delete what an earlier build left: not written now, not new since the start (plugins' files), not kept."""
        for dirpath, dirnames, filenames in os.walk(self.site_dir, topdown=False):
            rel = os.path.relpath(dirpath, self.site_dir)
            top = rel.split(os.sep, 1)[0]
            if top.startswith(".") or top in keep:
                continue
            for name in filenames:
                path = os.path.join(dirpath, name)
                if rel == "." and (name.startswith(".") or name in keep):
                    continue
                if path not in self.written and os.stat(path, follow_symlinks=False).st_mtime_ns < self.start:
                    os.unlink(path)
            for name in dirnames:
                sub = os.path.join(dirpath, name)
                if not (rel == "." and (name.startswith(".") or name in keep)) and not os.listdir(sub):
                    os.rmdir(sub)


def build(config: Any, cache_file: Path | None, workers: int | None = None,
          post_page: Callable[[str, str], str] | None = None, keep: tuple[str, ...] = (), post_if: str = "") -> None:
    """``mkdocs build`` of ``config`` (already loaded, ``on_startup`` run): the same output, faster.

    ``post_page(site-relative path, html)`` edits each page whose HTML contains ``post_if`` (every
    page when it is empty) before it is written (curated fragments);
    ``keep`` names top-level entries of the site folder that others own (the search index), which a
    build neither writes nor deletes. Unlike MkDocs, the site folder is not emptied first: files
    that come out the same are not rewritten, and files no longer built are deleted at the end.
    Raises MkDocs' ``Abort`` as MkDocs does (strict mode after any warning, or a build error).
    """
    from mkdocs import utils
    from mkdocs.commands.build import _build_extra_template, _build_theme_template, get_navigation
    from mkdocs.exceptions import Abort, BuildError
    from mkdocs.structure.files import get_files, set_exclusions
    from mkdocs.structure.pages import Page

    workers = workers or jobs()
    cache: _Cache | None = None
    logger = logging.getLogger("mkdocs")
    counter = utils.CountHandler()
    counter.setLevel(logging.WARNING)
    if config.strict:
        logger.addHandler(counter)
    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        os.makedirs(config.site_dir, exist_ok=True)
        cache = _Cache(cache_file)
        out = _Output(config.site_dir, cache)
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)

        doc_files = files.documentation_pages()
        pages = []
        for file in doc_files:
            if file.page is None and file.inclusion.is_not_in_nav():
                Page(None, file, config)
            pages.append(file.page)

        # What every page's conversion depends on besides its own Markdown, and what its template
        # output depends on besides its converted content.
        config_text = Path(config.config_file_path).read_bytes() if config.config_file_path else b""
        listing = "\n".join(f"{f.src_uri}\t{f.dest_uri}\t{f.url}\t{f.inclusion.name}" for f in files)
        common = _digest(_versions(), config_text, listing, str(config.strict))
        theme = _digest(common, _theme_digest(config), os.environ.get("SOURCE_DATE_EPOCH", ""))

        _STATE.clear()
        _STATE.update(config=config, files=files, pages=pages, doc_files=doc_files, nav=nav, env=env)

        # Step 1: Markdown to HTML, cached by the Markdown's hash. The parent keeps each page's title,
        # anchors and links (``_settle``); the rest waits in the cache (or, without one, packed here).
        sources = [_digest(common, p.file.src_uri, Path(p.file.abs_src_path).read_bytes()) for p in pages]
        todo = [i for i, key in enumerate(sources) if key not in cache or _SETTLED + key not in cache]
        done = _parallel("convert", todo, workers)
        fresh = set(todo)
        kept: dict[int, bytes] = {}  # converted states when there is no cache to read them back from
        for i, page in enumerate(pages):
            settled = None if i in fresh else cache.get(_SETTLED + sources[i])
            if settled is not None:  # the parent's part alone; the converted state stays in the cache
                cache.keep(sources[i])
                part, records = settled
                _replay(records)
                _settled(page, part, files)
                continue
            found = next(done) if i in fresh else _alone("convert", i)  # new, or the cached part did not read back
            packed = cache.put(sources[i], found)
            if cache.db is None:
                kept[i] = packed
            state, records = found
            _replay(records)
            cache.put(_SETTLED + sources[i], (_settle(page, state, files), records))

        def converted(i: int) -> bytes | None:
            return kept[i] if i in kept else cache.raw(sources[i])

        env = config.plugins.on_env(env, config=config, files=files)
        _STATE["env"] = env
        _reuse_nav(env, nav, config)
        for file in files:  # MkDocs' copy_static_files, through the unchanged-file check
            if not file.is_documentation_page() and file.inclusion.is_included():
                content = file._content
                if content is None:
                    out.copy(file.abs_src_path, file.abs_dest_path)
                else:
                    out.write(file.abs_dest_path, content.encode("utf-8") if isinstance(content, str) else content)
        with tempfile.TemporaryDirectory(prefix=".theme-", dir=config.site_dir) as stage:
            site_dir, config.site_dir = config.site_dir, stage  # MkDocs writes these under config.site_dir
            try:
                for template in config.theme.static_templates:
                    _build_theme_template(template, env, files, config, nav)
            finally:
                config.site_dir = site_dir
            for made in sorted(Path(stage).rglob("*")):
                if made.is_file():
                    out.copy(str(made), os.path.join(site_dir, made.relative_to(stage)))
        for template in config.extra_templates:
            _build_extra_template(template, files, config, nav)

        # Step 2: templates, cached by the converted page and what every page shows of the others.
        shown = _digest(theme, *(f"{p.url}\t{p.title}" for p in nav.pages))
        outputs = [_digest(shown, key) for key in sources]  # a page's conversion is a function of its source key
        todo = [i for i, key in enumerate(outputs) if key not in cache]
        done = _parallel("render", todo, workers, converted)
        fresh = set(todo)
        for i, page in enumerate(pages):  # one page's HTML in memory at a time: large sites stay light
            path = page.file.abs_dest_path
            if i not in fresh and out.unchanged(path, outputs[i]):
                cache.keep(outputs[i])
                continue
            found = None if i in fresh else cache.get(outputs[i])
            if found is None:
                found = next(done) if i in fresh else _alone("render", i, converted)
                cache.put(outputs[i], found)
            output, records = found
            _replay(records)
            if output.strip():
                edited = False  # a page the post-build edit sees goes through it on every build
                if post_page is not None and post_if in output:
                    output, edited = post_page(page.file.dest_uri, output), True
                out.write(path, output.encode("utf-8", errors="xmlcharrefreplace"),
                          outputs[i] if not (edited or records) else None)
            else:
                log.info(f"Page skipped: '{page.file.src_uri}'. Generated empty output.")
        _STATE.clear()

        level = config.validation.links.anchors
        for page in pages:
            page.validate_anchor_links(files=files, log_level=level)
        config.plugins.on_post_build(config=config)
        cache.close(keep_only_used=True)
        out.prune(keep)
        if counts := counter.get_counts():
            msg = ", ".join(f"{v} {k.lower()}s" for k, v in counts)
            raise Abort(f"Aborted with {msg} in strict mode!")
    except Exception as exc:
        _STATE.clear()
        if cache is not None:
            cache.close(keep_only_used=False)
        config.plugins.on_build_error(error=exc)
        if isinstance(exc, BuildError):
            log.error(str(exc))
            raise Abort("Aborted with a BuildError!") from exc
        raise
    finally:
        logger.removeHandler(counter)
