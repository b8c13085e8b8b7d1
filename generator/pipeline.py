"""read all -> normalize -> enrich -> render -> write: nothing is written before everything is read."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from . import enrich, io
from .content import ContentFiles
from .diagnostics import Diagnostic, Diagnostics
from .model import Corpus, Entry
from .normalize import merge
from .sources import READERS, ReadContext
from .sources.catalog import discover


@dataclass(frozen=True)
class Options:
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
        found, problems = reader(content[source.path], content.display(source.path), source.collection.id,
                                 ReadContext(captured=source.collection.captured))
        # readers name files as the user sees them; provenance keeps the content-relative path
        entries.extend(replace(e, source=replace(e.source, path=source.path)) for e in found)
        diags.extend(problems)
    papers, problems = merge(entries)
    diags.extend(problems)
    return Corpus(papers=papers, collections=tuple(s.collection for s in sources)), diags


def load(content: ContentFiles, stack: list[enrich.Enricher] | None = None) -> tuple[Corpus, Diagnostics]:
    """The whole corpus, enriched and checked, plus every diagnostic found on the way."""
    diags = Diagnostics()
    corpus, found = read_sources(content)
    diags.extend(found)
    corpus, found = enrich.run(corpus, content, stack)
    diags.extend(found)
    return corpus, diags


def load_dir(root: Path) -> tuple[Corpus, Diagnostics]:
    return load(io.read_content(root))
