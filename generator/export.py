"""The export contract: the corpus as the site sees it, as plain JSON-ready data.

Stable: fields are only ever added. Documented in README.md ("Export contract").
"""

from __future__ import annotations

from typing import Any

from .model import Corpus, Link, Paper, Provenance, Result

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


def _path(path: str, content_root: str) -> str:
    return f"{content_root}/{path}" if content_root else path


def _value(value: object) -> Any:
    if isinstance(value, tuple):
        return [{"url": v.url, "kind": v.kind} if isinstance(v, Link) else v for v in value]
    return value


def _provenance(prov: Provenance, content_root: str) -> list[dict[str, Any]]:
    """Every claim about one field, the chosen one first."""
    return [{"value": _value(c.value), "path": _path(c.ref.path, content_root), "line": c.ref.line,
             "collection": c.ref.collection, "format": c.format} for c in prov.claims]


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
        "year": paper.year,
        "arxiv": paper.arxiv_id,
        "arxiv_id": paper.arxiv_id,
        "doi": paper.doi,
        "venue": paper.venue,
        "citekey": paper.citekey,
        "aliases": list(paper.aliases),
        "extra": dict(paper.extra),
        "links": [{"url": link.url, "kind": link.kind} for link in paper.links],
        "sources": [
            {"path": _path(ref.path, content_root), "line": ref.line, "collection": ref.collection}
            for ref in paper.sources
        ],
        "provenance": {p.field: _provenance(p, content_root) for p in paper.provenance},
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
            {"id": c.id, "title": c.title, "path": _path(c.path, content_root), "format": c.format,
             "description": c.description, "captured": c.captured}
            for c in corpus.collections
        ],
        "terms": [{"abbr": t.abbr, "expansion": t.expansion, "papers": list(t.papers)} for t in corpus.terms],
    }
