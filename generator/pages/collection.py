"""A page per collection (a source file seen as a listing): its papers in the listing's order."""

from __future__ import annotations

from collections import Counter

from .. import urls
from ..model import Corpus, Paper
from ..render import Site
from ..sources import FORMATS
from . import listing


def members(corpus: Corpus, collection_id: str) -> list[Paper]:
    """The collection's papers in the order the source lists them (its first line for each)."""
    return sorted((p for p in corpus.papers if any(r.collection == collection_id for r in p.sources)),
                  key=lambda p: (min(r.line for r in p.sources if r.collection == collection_id), p.id))


def counts(corpus: Corpus) -> Counter[str]:
    """Papers per collection; a paper listed twice in one source counts once."""
    return Counter(cid for p in corpus.papers for cid in {r.collection for r in p.sources})


def pages(site: Site) -> dict[str, str]:
    out = {}
    for collection in site.corpus.collections:
        here = urls.collection(collection.id)
        fmt = FORMATS.get(collection.format)
        out[here] = site.render(
            "collection.md.j2", here, collection=collection, papers=members(site.corpus, collection.id),
            format_label=fmt.label if fmt else collection.format, row_marker=listing.row_marker,
            code_link=listing.code_link)
    return out
