"""Page kinds: one module each, every one ``pages(site) -> {path under docs/: text or bytes}``.

``render_site`` runs the registry. The next kind of page is one new module here, named in ``KINDS``;
its paths come from ``generator/urls.py``, the one owner of page paths.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import ModuleType

from ..packed import Packed, Zipped
from ..render import Site
from . import (
    all_papers,
    authors,
    charts,
    collection,
    exports,
    feeds,
    glossary,
    home,
    maintainers,
    paper,
    topic,
    topics_index,
)
from .remember import survey_wide

# A kind's files: a mapping, or (path, text) pairs made one at a time (the kinds with a file per
# paper, so that every page goes into ``Packed`` as soon as it is made). A remembered text comes
# as ``Zipped`` (``remember.py``).
Pages = Mapping[str, str | bytes | Zipped] | Iterable[tuple[str, str | bytes | Zipped]]


@dataclass(frozen=True)
class PageKind:
    """A family of generated files: its name (for messages) and the function that renders them."""

    name: str
    pages: Callable[[Site], Pages]


# Kinds whose files are made from the survey as a whole and nothing else (not the memo's chart
# drawings, not a note's text): remembered whole, rendered again only when the corpus changes.
SURVEY_WIDE = (topics_index, collection, glossary, authors, maintainers, all_papers, feeds)


def _kind(module: ModuleType) -> PageKind:
    name = module.__name__.rsplit(".", 1)[-1]
    if module in SURVEY_WIDE:
        return PageKind(name, functools.partial(survey_wide, name=name, render=module.pages))
    return PageKind(name, module.pages)


# The kinds with charts come last: on a cold run a child process draws the charts while the kinds
# before them render (``charts.drawing_beside``), so they find their drawings done instead of waiting
# (at 10,000 papers home and the topic pages waited 3.4 s). Files are sorted by path afterwards, so
# this order never shows in the output.
KINDS: tuple[PageKind, ...] = tuple(
    _kind(module)
    for module in (paper, topics_index, collection, glossary, authors, maintainers, all_papers, feeds, exports,
                   home, topic, charts)
)


def render_site(site: Site, kinds: tuple[PageKind, ...] = KINDS) -> Packed:
    """Every generated file, keyed by its path under docs/ in path order; two kinds may never write one path.

    Texts that came as ``Zipped`` were checked when rendered: ``Packed.unchecked`` leaves them out.
    """
    out = Packed()
    owner: dict[str, str] = {}
    with charts.drawing_beside(site, (kind.name for kind in kinds)):  # new charts are drawn by a child process while the pages render
        for kind in kinds:
            made = kind.pages(site)
            for path, text in made.items() if isinstance(made, Mapping) else made:
                if path in out:
                    raise ValueError(f"page kinds {owner[path]} and {kind.name} both write {path}")
                out[path] = text
                owner[path] = kind.name
    return out.renamed(in_order=True)
