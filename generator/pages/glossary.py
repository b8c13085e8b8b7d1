"""The glossary: abbreviations the abstracts define, with the papers that use them."""

from __future__ import annotations

from .. import urls
from ..render import Site


def pages(site: Site) -> dict[str, str]:
    if not site.corpus.terms:
        return {}
    return {urls.GLOSSARY: site.render("glossary.md.j2", urls.GLOSSARY, papers_by_id=site.corpus.by_id)}
