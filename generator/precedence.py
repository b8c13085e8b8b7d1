"""Which source wins each field when several state it: declared here, overridable in content/sources.yml.

```yaml
precedence:                  # in content/sources.yml; every key optional
  default: [note, arxiv, bibtex, hf-daily, hf, papers, csv, awesome]
  authors: [bibtex, arxiv]   # formats not listed follow, in the default order
```

A curated note's correction is the format ``note``. Within one format the file whose path sorts
first, then the earlier line, wins; the claims that lose are kept as provenance.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

# Reviewed metadata (notes, arXiv's own record, a curated BibTeX export) before scraped listings;
# a hand-made list last, since its titles and venues are the least regular.
DEFAULT_ORDER: tuple[str, ...] = ("note", "arxiv", "bibtex", "hf-daily", "hf", "papers", "csv", "awesome")
DEFAULT_FIELDS: Mapping[str, tuple[str, ...]] = {
    # a venue is what a bibliography or a curated list knows best; arXiv only has journal refs
    "venue": ("note", "bibtex", "papers", "csv", "awesome", "arxiv", "hf-daily", "hf"),
    # upvotes and stars are live counts: the daily-papers API is the freshest record of them
    "upvotes": ("hf-daily", "hf"),
}


@dataclass(frozen=True)
class Precedence:
    """Format order per field; ``rank`` is the sort key of a claim from ``fmt`` about ``name``."""

    default: tuple[str, ...] = DEFAULT_ORDER
    fields: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_FIELDS))

    def order(self, name: str) -> tuple[str, ...]:
        listed = self.fields.get(name, self.default)
        return (*listed, *(f for f in self.default if f not in listed))

    def rank(self, name: str, fmt: str) -> int:
        order = self.order(name)
        return order.index(fmt) if fmt in order else len(order)
