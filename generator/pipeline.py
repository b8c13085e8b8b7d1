"""read all -> normalize -> enrich -> render -> write: nothing is written before everything is read."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from . import buildconfig, enrich, io
from .config import site_settings
from .content import ContentFiles
from .diagnostics import Diagnostic, Diagnostics
from .identity import redirect_map
from .inventory import screen
from .memo import FOLDER as MEMO_FOLDER
from .memo import Memo, code_digest
from .model import Collection, Corpus, SourceRef, SourceStats
from .normalize import Sourced, merge
from .packed import Packed
from .pages import render_site
from .precedence import Precedence
from .progress import SILENT, Progress
from .records import ReadContext, ReaderOutput
from .render import Site, front_matter_problems, nav
from .sources import FORMATS
from .sources.catalog import CATALOG, SourceFile, discover


@dataclass(frozen=True)
class Options:
    """Where one run reads content and templates and writes its build folder."""

    content: Path = Path("content")
    build: Path = Path("build")
    templates: Path = Path("site_templates")
    strict: bool = False
    config: Path = Path("mkdocs.yml")  # the user's site settings, merged into <build>/mkdocs.yml


def read_one(source: SourceFile, text: str, shown: str) -> tuple[list[Sourced], ReaderOutput]:
    """One source file's records, each with its content-relative location and format."""
    fmt = FORMATS[source.format]
    context = ReadContext(path=shown, captured=source.collection.captured, options=source.options)
    try:
        out = fmt.read(text, context)
    except Exception as exc:  # a reader bug on one file must not hide the others
        out = ReaderOutput(shown)
        out.diagnostics.append(internal_error(shown, exc))
    records = [Sourced(r, SourceRef(source.path, r.line, source.collection.id), source.format) for r in out.records]
    return records, out


def read_sources(content: ContentFiles, only: list[str] | None = None) -> tuple[Corpus, list[Diagnostic]]:
    """Parse every source (or only the ``only`` relative paths) and merge them into a corpus."""
    catalog, diags = discover(content)
    sources = [s for s in catalog.sources if only is None or s.path in only]
    return _merge([(s, content[s.path], content.display(s.path)) for s in sources], catalog.precedence, diags)


def _read_remembered(content: ContentFiles, memo: Memo) -> tuple[Corpus, list[Diagnostic]]:
    """``read_sources``, or what it gave the last run when the source files, ``sources.yml`` and the code are the same.

    Reading and merging is the largest share of a run where only a note, a topic or a template
    changed (8 s of 10,000 papers); the merged corpus comes back from the cache in about a second.
    """
    inputs = sorted((path, text) for path, text in content.files.items() if path == CATALOG or path.startswith("sources/"))
    key = memo.key("sources", content.root, inputs)
    stored = memo.get_object("sources", key)
    if (isinstance(stored, tuple) and len(stored) == 2 and isinstance(stored[0], Corpus)
            and isinstance(stored[1], list)):
        return stored[0], list(stored[1])
    corpus, diags = read_sources(content)
    memo.put_object("sources", key, (corpus, diags))
    return corpus, list(diags)


def _merge(files: list[tuple[SourceFile, str, str]], precedence: Precedence,
           diags: list[Diagnostic]) -> tuple[Corpus, list[Diagnostic]]:
    records: list[Sourced] = []
    skipped: dict[str, int] = {}
    for source, text, shown in files:
        found, out = read_one(source, text, shown)
        records.extend(found)
        diags.extend(out.diagnostics)
        skipped[source.collection.id] = out.skipped
    papers, problems, stats, near = merge(records, precedence)
    diags.extend(problems)
    counted = {s.collection: s for s in stats}
    stats = tuple(replace(counted.get(source.collection.id, SourceStats(source.collection.id, 0, 0, 0, 0)),
                          skipped=skipped[source.collection.id]) for source, _t, _s in files)
    return Corpus(papers=papers, collections=tuple(s.collection for s, _t, _s in files), precedence=precedence,
                  sources_read=stats, near_duplicates=near), diags


def internal_error(path: str, exc: BaseException) -> Diagnostic:
    """A bug met while handling one file, reported against that file instead of ending the run."""
    return Diagnostic(path, 0, "error", "internal-error",
                      f"{type(exc).__name__}: {exc} (a bug in the generator; this file was skipped)")


def load(content: ContentFiles, stack: list[enrich.Enricher] | None = None,
         memo: Memo | None = None, progress: Progress = SILENT) -> tuple[Corpus, Diagnostics]:
    """The whole corpus, enriched and checked, plus every diagnostic found on the way (``memo``: see ``memo.py``)."""
    diags = Diagnostics()
    with progress.stage("reading and merging sources"):
        content, found = screen(content)
        diags.extend(found)
        corpus, found = read_sources(content) if memo is None else _read_remembered(content, memo)
    diags.extend(found)
    corpus, found = enrich.run(corpus, content, stack, memo, progress)
    diags.extend(found)
    return corpus, diags


def load_dir(root: Path) -> tuple[Corpus, Diagnostics]:
    return load(io.read_content(root))


@dataclass(frozen=True)
class Generated:
    """Everything ``generate`` would write under the build folder, plus what it found."""

    corpus: Corpus
    files: Packed  # path under the build folder -> text or bytes, kept packed until written
    diagnostics: Diagnostics
    cache: dict[str, str | bytes] = field(default_factory=dict)  # <build>/.cache/ for the next run: not part of the site


def generate(opts: Options, content: ContentFiles | None = None, progress: Progress = SILENT,
             loaded: Callable[[Corpus], None] | None = None) -> Generated:
    """Read and check everything, then render every file of build/ in memory (nothing written yet).

    What the last run left in ``<build>/.cache/`` saves recomputing what did not change.
    ``loaded(corpus)`` is called with the enriched corpus before the pages are rendered (``survey
    build`` starts the search index there).
    """
    with progress.stage("reading content"):
        content = content if content is not None else io.read_content(opts.content)
        memo = Memo.load(_code_digest(), io.read_tree(opts.build / MEMO_FOLDER, (".json", ".pickle")))
    corpus, diags = load(content, memo=memo, progress=progress)
    if loaded is not None:
        loaded(corpus)
    settings, found = site_settings(content)
    diags.extend(found)
    templates = {k: v.decode("utf-8") for k, v in io.read_tree(opts.templates / "pages", (".j2",)).items()}
    site = Site(corpus=corpus, title=settings["title"], description=settings["description"], templates=templates,
                memo=memo)
    with progress.stage(f"rendering pages for {len(corpus.papers):,} papers"):
        pages = render_site(site)
    for path, problem in front_matter_problems(pages.unchecked()).items():  # remembered pages were checked
        # never written as it is: MkDocs would render a broken front matter block as Markdown
        diags.error(f"{opts.build.as_posix()}/docs/{path}", 1, "internal-front-matter", problem)
        pages[path] = "---\ntitle: \"Page left out\"\n---\n\nThis page was left out: its front matter did not read back.\n"
    files = pages.renamed("docs/")
    del pages
    for rel, data in io.read_tree(opts.templates / "assets").items():
        files[f"docs/assets/{rel}"] = data
    config, found = _build_config(opts, nav(site), redirect_map(corpus))
    diags.extend(found)
    if config is not None:
        files[buildconfig.FILE] = config
    files["fragments.json"] = _json(site.views.fragments)  # filled into the built pages after the engine ran
    return Generated(corpus, files, diags, memo.files())


@functools.lru_cache(maxsize=1)
def _code_digest() -> str:
    """The hash of the generator's own code and data, read once per process (``survey serve`` regenerates often)."""
    return code_digest(io.read_tree(Path(__file__).parent, (".py", ".yml")))


def _build_config(opts: Options, navigation: list[object], redirects: dict[str, str]) -> tuple[str | None, list[Diagnostic]]:
    """The text of <build>/mkdocs.yml, or None when the user's configuration cannot be read."""
    shown = opts.config.as_posix()
    try:
        text = io.read_text(opts.config)
    except OSError as exc:
        return None, [Diagnostic(shown, 0, "error", "site-config", f"cannot read: {exc.strerror or exc}")]
    except UnicodeDecodeError as exc:
        return None, [Diagnostic(shown, 0, "error", "site-config", f"not UTF-8 (byte {exc.start})")]
    user, found = buildconfig.parse(text, shown)
    if user is None:
        return None, found
    return buildconfig.render(user, shown, opts.build.as_posix(), navigation, redirects)


WRITTEN = "generated-files.json"  # under <build>/.cache/: what write() last wrote, so unchanged files are not read back


def write(opts: Options, generated: Generated) -> int:
    """Write the build folder (only after everything was read and rendered); returns files changed."""
    # <build>/.cache/ holds this run's memo tables (written here) and the HTML cache of the build step
    # (html.sqlite, written by the engine driver): never deleted as a file generate did not make
    # a view of both, so each file is unpacked only as it is written
    files = generated.files.encoded(besides=generated.cache)
    return io.write_tree(opts.build, files, forbidden=(opts.content,), keep=(buildconfig.CACHE,),
                         tokens=files.token, manifest=opts.build / buildconfig.CACHE / WRITTEN)


def _json(value: object) -> str:
    return json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def source_date_epoch(corpus: Corpus) -> int:
    """A timestamp derived from the content (newest date it states), for MkDocs' sitemap: no clocks."""
    dates = [p.date for p in corpus.papers if p.date] + [c.captured for c in corpus.collections if c.captured]
    parsed = []
    for text in dates:  # partial dates (YYYY, YYYY-MM) count as their first day; invalid ones not at all
        try:
            parsed.append(datetime.strptime((text + "-01-01")[:10], "%Y-%m-%d").replace(tzinfo=UTC))
        except ValueError:
            continue
    return int(max(parsed).timestamp()) if parsed else 0


def check_summary(corpus: Corpus) -> list[str]:
    """Counts a maintainer wants after ``survey check``."""
    with_abstract = sum(1 for p in corpus.papers if p.abstract)
    with_code = sum(1 for p in corpus.papers if p.code_links)
    with_arxiv = sum(1 for p in corpus.papers if p.arxiv_id)
    with_authors = sum(1 for p in corpus.papers if p.authors)
    lines = [f"papers: {len(corpus.papers)} ({with_abstract} with abstract, {with_code} with code, "
             f"{with_arxiv} with an arXiv id, {with_authors} with authors)"]
    titles = {c.id: c.path for c in corpus.collections}
    for s in corpus.sources_read:
        lines.append(f"  {titles.get(s.collection, s.collection)}: {s.records} read, {s.skipped} skipped, "
                     f"{s.papers} papers, {s.merged} merged with another source")
    if corpus.near_duplicates:
        lines.append(f"possible duplicates not merged (titles nearly equal; see the maintainers page): "
                     f"{len(corpus.near_duplicates)}")
    if corpus.topics:
        unsorted = sum(1 for p in corpus.papers if not p.topics)
        share = 100 * unsorted / len(corpus.papers) if corpus.papers else 0.0
        lines.append(f"unsorted papers (no topic): {unsorted} ({share:.1f}%)")
    if corpus.orphan_notes:
        lines.append(f"orphan notes (paper not found, kept): {len(corpus.orphan_notes)}")
    return lines


def load_files(paths: list[Path], content_root: Path) -> tuple[Corpus, Diagnostics]:
    """What the given source files alone yield, enriched with the curated taxonomy and vocabularies."""
    content = io.read_content(content_root)
    curated, _found = screen(ContentFiles({k: v for k, v in content.files.items() if not k.startswith("sources/")},
                                          {}, content.root))
    diags = Diagnostics()
    catalog, _problems = discover(content)  # metadata of files that live in content/ (capture dates, columns)
    known = {(content_root / s.path).resolve(): s for s in catalog.sources}
    files: list[tuple[SourceFile, str, str]] = []
    for path in paths:
        shown = path.as_posix()
        source = known.get(path.resolve())
        if source is None:
            fmt = _format_of(path)
            if fmt is None:
                diags.error(shown, 0, "unknown-format", "no reader for this file: put it in a folder named after "
                            f"its format or give it a known suffix (formats: {', '.join(sorted(FORMATS))})")
                continue
            source = SourceFile(shown, fmt, Collection(id=path.stem, title=path.stem, path=shown, format=fmt))
        try:
            text = io.read_text(path)
        except OSError as exc:
            diags.error(shown, 0, "unreadable", f"cannot read: {exc.strerror or exc}")
            continue
        except UnicodeDecodeError as exc:
            diags.error(shown, 0, "unreadable", f"not UTF-8 (byte {exc.start})")
            continue
        files.append((replace(source, path=shown, collection=replace(source.collection, path=shown)), text, shown))
    corpus, found = _merge(files, catalog.precedence, [])
    diags.extend(found)
    corpus, problems = enrich.run(corpus, curated)
    diags.extend(problems)
    return corpus, diags


def _format_of(path: Path) -> str | None:
    """The format of a file outside content/: its folder's name if that is a format, else its suffix."""
    if path.parent.name in FORMATS:
        return path.parent.name
    matches = [name for name, fmt in sorted(FORMATS.items()) if path.name.lower().endswith(fmt.suffixes)]
    return matches[0] if len(matches) == 1 else None
