"""The export contract: the corpus as the site sees it, as plain JSON-ready data.

Stable: fields are only ever added. Documented in README.md ("Export contract").
"""

from __future__ import annotations

from typing import Any

from .model import Corpus, Paper, Result

CONTRACT_VERSION = 1


def _result(result: Result) -> dict[str, Any]:
    return {
        "kind": result.kind,
        "low": result.low,
        "high": result.high,
        "unit": result.unit,
        "quote": result.quote,
        "what": result.what,
        "verified": result.verified,
        "metric": result.metric,
        "baseline": result.baseline,
        "own": result.own,
        "direction": result.direction,
        "confidence": result.confidence,
        "share": result.share,
    }


def paper_record(paper: Paper, content_root: str = "content") -> dict[str, Any]:
    """One paper as the export contract states it."""
    return {
        "id": paper.id,
        "url": paper.url,
        "title": paper.title,
        "abstract": paper.abstract,
        "authors_count": paper.authors_count,
        "org": paper.org,
        "date": paper.date,
        "upvotes": paper.upvotes,
        "authors": list(paper.authors),
        "arxiv_id": paper.arxiv_id,
        "venue": paper.venue,
        "links": [{"url": link.url, "kind": link.kind} for link in paper.links],
        "sources": [
            {"path": f"{content_root}/{ref.path}" if content_root else ref.path, "line": ref.line,
             "collection": ref.collection}
            for ref in paper.sources
        ],
        "topics": [a.topic for a in paper.topics],
        "mentions": sorted({m.target for m in paper.mentions}),
        "related": list(paper.related),
        "results": [_result(r) for r in paper.results],
        "bits": list(paper.bits),
        "hardware": list(paper.hardware),
        "datasets": list(paper.datasets),
        "models": list(paper.models),
        "methods": list(paper.methods),
        "terms": list(paper.terms),
    }


def corpus_record(corpus: Corpus, content_root: str = "content") -> dict[str, Any]:
    """``{"version", "papers": [...], "topics": [...], "collections": [...], "terms": [...]}``."""
    return {
        "version": CONTRACT_VERSION,
        "papers": [paper_record(p, content_root) for p in corpus.papers],
        "topics": [{"id": t.id, "title": t.title, "parent": t.parent} for t in corpus.topics],
        "collections": [
            {"id": c.id, "title": c.title, "path": f"{content_root}/{c.path}" if content_root else c.path,
             "description": c.description, "captured": c.captured}
            for c in corpus.collections
        ],
        "terms": [{"abbr": t.abbr, "expansion": t.expansion, "papers": list(t.papers)} for t in corpus.terms],
    }
