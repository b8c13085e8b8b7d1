"""read all -> normalize -> enrich -> render -> write: nothing is written before everything is read."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from . import enrich, io
from .config import site_settings
from .content import ContentFiles
from .diagnostics import Diagnostic, Diagnostics
from .enrich.notes import redirect_map
from .inventory import screen
from .model import Collection, Corpus, Entry
from .normalize import merge
from .render import Site, front_matter_problems, nav, render_site
from .sources import READERS, ReadContext
from .sources.catalog import discover


@dataclass(frozen=True)
class Options:
    """Where one run reads content and templates and writes its build folder."""

    content: Path = Path("content")
    build: Path = Path("build")
    templates: Path = Path("site_templates")
    strict: bool = False


def read_sources(content: ContentFiles, only: list[str] | None = None) -> tuple[Corpus, list[Diagnostic]]:
    """Parse every source (or only the ``only`` relative paths) and merge them into a corpus."""
    sources, diags = discover(content)
    if only is not None:
        sources = [s for s in sources if s.path in only]
    entries: list[Entry] = []
    for source in sources:
        _suffixes, reader = READERS[source.format]
        try:
            found, problems = reader(content[source.path], content.display(source.path), source.collection.id,
                                     ReadContext(captured=source.collection.captured))
        except Exception as exc:  # a reader bug on one file must not hide the others
            diags.append(internal_error(content.display(source.path), exc))
            continue
        # readers name files as the user sees them; provenance keeps the content-relative path
        for entry in found:
            entry, problem = bound_entry(entry, content.display(source.path))
            entries.append(replace(entry, source=replace(entry.source, path=source.path)))
            diags.extend(problem)
        diags.extend(problems)
    papers, problems = merge(entries)
    diags.extend(problems)
    return Corpus(papers=papers, collections=tuple(s.collection for s in sources)), diags


MAX_TITLE = 1_000  # characters; the longest bundled title has 222
MAX_ABSTRACT = 20_000  # arXiv caps abstracts at 1,920; every later stage is then bounded in time


def bound_entry(entry: Entry, shown: str) -> tuple[Entry, list[Diagnostic]]:
    """``entry`` with an over-long title or abstract cut at a word, and a warning saying so."""
    diags: list[Diagnostic] = []
    for name, limit in (("title", MAX_TITLE), ("abstract", MAX_ABSTRACT)):
        value = getattr(entry, name)
        if isinstance(value, str) and len(value) > limit:
            cut = value[:limit].rsplit(" ", 1)[0] if " " in value[:limit] else value[:limit]
            entry = replace(entry, title=cut + " …") if name == "title" else replace(entry, abstract=cut + " …")
            diags.append(Diagnostic(shown, entry.source.line, "warning", f"{name}-too-long",
                                    f"{name} of {len(value)} characters cut to {limit}"))
    return entry, diags


def internal_error(path: str, exc: BaseException) -> Diagnostic:
    """A bug met while handling one file, reported against that file instead of ending the run."""
    return Diagnostic(path, 0, "error", "internal-error",
                      f"{type(exc).__name__}: {exc} (a bug in the generator; this file was skipped)")


def load(content: ContentFiles, stack: list[enrich.Enricher] | None = None) -> tuple[Corpus, Diagnostics]:
    """The whole corpus, enriched and checked, plus every diagnostic found on the way."""
    diags = Diagnostics()
    content, found = screen(content)
    diags.extend(found)
    corpus, found = read_sources(content)
    diags.extend(found)
    corpus, found = enrich.run(corpus, content, stack)
    diags.extend(found)
    return corpus, diags


def load_dir(root: Path) -> tuple[Corpus, Diagnostics]:
    return load(io.read_content(root))


@dataclass(frozen=True)
class Generated:
    """Everything ``generate`` would write under the build folder, plus what it found."""

    corpus: Corpus
    files: dict[str, str | bytes]
    diagnostics: Diagnostics


def generate(opts: Options, content: ContentFiles | None = None) -> Generated:
    """Read and check everything, then render every file of build/ in memory (nothing written yet)."""
    content = content if content is not None else io.read_content(opts.content)
    corpus, diags = load(content)
    settings, found = site_settings(content)
    diags.extend(found)
    templates = {k: v.decode("utf-8") for k, v in io.read_tree(opts.templates / "pages", (".j2",)).items()}
    site = Site(corpus=corpus, title=settings["title"], description=settings["description"])
    pages = render_site(site, templates)
    for path, problem in front_matter_problems(pages).items():
        # never written as it is: MkDocs would render a broken front matter block as Markdown
        diags.error(f"{opts.build.as_posix()}/docs/{path}", 1, "internal-front-matter", problem)
        pages[path] = "---\ntitle: \"Page left out\"\n---\n\nThis page was left out: its front matter did not read back.\n"
    files: dict[str, str | bytes] = {f"docs/{path}": text for path, text in pages.items()}
    for rel, data in io.read_tree(opts.templates / "assets").items():
        files[f"docs/assets/{rel}"] = data
    files["nav.json"] = _json(nav(site))
    files["redirects.json"] = _json(redirect_map(corpus))
    files["fragments.json"] = _json(site.views.fragments)
    return Generated(corpus, files, diags)


def write(opts: Options, generated: Generated) -> int:
    """Write the build folder (only after everything was read and rendered); returns files changed."""
    return io.write_tree(opts.build, generated.files, forbidden=(opts.content,))


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
    lines = [f"papers: {len(corpus.papers)} ({with_abstract} with abstract, {with_code} with code)"]
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
    entries: list[Entry] = []
    collections: list[Collection] = []
    catalog, _problems = discover(content)  # metadata of files that live in content/ (capture dates)
    known = {(content_root / s.path).resolve(): s.collection for s in catalog}
    for path in paths:
        shown = path.as_posix()
        fmt = next((name for name, (suffixes, _r) in sorted(READERS.items()) if shown.endswith(suffixes)), None)
        if fmt is None:
            diags.error(shown, 0, "unknown-format", f"no reader for this file type (known: {', '.join(sorted(READERS))})")
            continue
        try:
            text = io.read_text(path)
        except OSError as exc:
            diags.error(shown, 0, "unreadable", f"cannot read: {exc.strerror or exc}")
            continue
        except UnicodeDecodeError as exc:
            diags.error(shown, 0, "unreadable", f"not UTF-8 (byte {exc.start})")
            continue
        collection = known.get(path.resolve()) or Collection(id=path.stem, title=path.stem, path=shown)
        collection = replace(collection, path=shown)
        collections.append(collection)
        try:
            found, problems = READERS[fmt][1](text, shown, collection.id, ReadContext(captured=collection.captured))
        except Exception as exc:  # a reader bug on one file must not hide the others
            diags.extend([internal_error(shown, exc)])
            continue
        for entry in found:
            entry, problem = bound_entry(entry, shown)
            entries.append(entry)
            diags.extend(problem)
        diags.extend(problems)
    papers, problems = merge(entries)
    diags.extend(problems)
    corpus, problems = enrich.run(Corpus(papers=papers, collections=tuple(collections)), curated)
    diags.extend(problems)
    return corpus, diags
