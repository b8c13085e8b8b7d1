"""The glossary: abbreviations the abstracts define, grouped by initial, each with the papers that use it.

A list, not a table: 285 terms in a three-column table were 36,000 px tall once the title column
was squeezed; a term on one line with its papers after it reads like a dictionary.
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import urls
from ..model import Term
from ..render import Site

SHOWN = 3  # papers listed after a term; the rest fold into a collapsed block


def initial(abbr: str) -> str:
    first = abbr[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def by_initial(terms: Iterable[Term]) -> list[tuple[str, list[Term]]]:
    """(letter, terms) in alphabetical order, terms by abbreviation (case-insensitive); digits and symbols under #."""
    groups: dict[str, list[Term]] = {}
    for term in sorted(terms, key=lambda t: (t.abbr.casefold(), t.abbr, t.expansion)):
        groups.setdefault(initial(term.abbr), []).append(term)
    return sorted(groups.items(), key=lambda kv: (kv[0] == "#", kv[0]))


def pages(site: Site) -> dict[str, str]:
    if not site.corpus.terms:
        return {}
    return {urls.GLOSSARY: site.render("glossary.md.j2", urls.GLOSSARY, groups=by_initial(site.corpus.terms),
                                       shown=SHOWN, letter_anchor=lambda letter: f"letter-{letter.lower()}"
                                       if letter != "#" else "letter-other")}
