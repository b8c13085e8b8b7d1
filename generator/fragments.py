"""Curated HTML (notes, topic intros) put into the built pages after the engine ran, the same for every engine.

The generator renders curated Markdown and sanitizes it (``sanitize.py``); a page carries only an
empty ``<div class="survey-note" data-survey-fragment="KEY"></div>``. Filling it in after the
engine keeps sanitized HTML away from every Markdown extension (superfences would turn fence lines
inside ``<pre>`` back into markup) and from each engine's link rewriting. Only an exact, empty
placeholder is filled; any other element naming a fragment, or a key without its fragment, is a
problem, never skipped. Untrusted text cannot forge a placeholder: it reaches the page escaped,
so ``<div`` never starts in it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .diagnostics import printable

MARK = "data-survey-fragment"  # in every placeholder: a page without it has nothing to fill
_ANY = re.compile(r"<div\b[^>]*\bdata-survey-fragment\b[^>]*>")
_PLACEHOLDER = re.compile(r'<div class="survey-(?:note|intro)" data-survey-fragment="([0-9a-f]{16})"></div>')


def fill(page: str, html: str, fragments: Mapping[str, str]) -> tuple[str, set[str], list[str]]:
    """``html`` with every placeholder holding its fragment: (new html, keys placed, problems as ``page: message``)."""
    out: list[str] = []
    used: set[str] = set()
    problems: list[str] = []
    end = 0
    for found in _ANY.finditer(html):
        if found.start() < end:
            continue
        exact = _PLACEHOLDER.match(html, found.start())
        if exact is None:
            problems.append(f"{page}: not an empty curated-fragment placeholder: {printable(found.group(0)[:120])}")
            continue
        key = exact.group(1)
        fragment = fragments.get(key)
        if fragment is None:
            problems.append(f"{page}: curated fragment {key} is missing from fragments.json")
            continue
        close = exact.end() - len("</div>")
        out += [html[end:close], "\n", fragment, "</div>"]
        end = exact.end()
        used.add(key)
    out.append(html[end:])
    return "".join(out), used, problems
