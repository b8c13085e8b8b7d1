"""Page kinds: one module each, every one ``pages(site) -> {path under docs/: text or bytes}``.

``render_site`` runs the registry. The next kind of page is one new module here, named in ``KINDS``;
its paths come from ``generator/urls.py``, the one owner of page paths.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

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

Pages = Mapping[str, str | bytes]


@dataclass(frozen=True)
class PageKind:
    """A family of generated files: its name (for messages) and the function that renders them."""

    name: str
    pages: Callable[[Site], Pages]


KINDS: tuple[PageKind, ...] = tuple(
    PageKind(module.__name__.rsplit(".", 1)[-1], module.pages)
    for module in (home, paper, topic, topics_index, collection, glossary, authors, maintainers, all_papers,
                   feeds, exports, charts)
)


def render_site(site: Site, kinds: tuple[PageKind, ...] = KINDS) -> dict[str, str | bytes]:
    """Every generated file, keyed by its path under docs/; two kinds may never write one path."""
    out: dict[str, str | bytes] = {}
    owner: dict[str, str] = {}
    for kind in kinds:
        for path, text in kind.pages(site).items():
            if path in out:
                raise ValueError(f"page kinds {owner[path]} and {kind.name} both write {path}")
            out[path] = text
            owner[path] = kind.name
    return dict(sorted(out.items()))
