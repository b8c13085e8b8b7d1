"""Escaping at the boundary: untrusted text into Markdown, URLs into links, values into attributes.

Scraped titles and abstracts may hold anything. ``md`` makes a string inert inside a Markdown
paragraph, heading or table cell: HTML is escaped (so no tag survives) and every character that
could start Markdown structure (emphasis, code, links, tables, attribute lists ``{: …}``) is
backslash-escaped; a leading punctuation mark, which could open a block (``#``, ``>``, ``-``,
``~~~``, ``!!!``, ``???``, ``:``), becomes a character reference. Newlines fold to spaces so text
cannot open a new block.

Every filter first drops what no page should carry (``clean``): control characters, lone
surrogates, noncharacters such as U+FFFF (YAML refuses them: one in a title once made MkDocs drop
a page's front matter and render it as Markdown) and bidirectional overrides (they reorder what
a reader sees). What is left is always valid in YAML, HTML and a terminal.
"""

from __future__ import annotations

import functools
import json
import re
from urllib.parse import quote

from markupsafe import escape as _html_escape

from .links import safe_url

# Characters Python-Markdown (with the tables extension) accepts a backslash escape for, and which
# can change structure mid-line. "(" ")" "!" only matter after "]", which is escaped.
_INLINE = re.compile(r"([\\`*_{}\[\]|])")
# "~" has no backslash escape in Python-Markdown; as a reference it can open no fence or strikeout.
_TILDE = "&#126;"
# ASCII punctuation at the very start: it may open a block (heading, quote, list, fence,
# admonition, details, definition, table); "&" is left alone, it starts our own references.
_LEADING = re.compile(r"^[!-%'-/:-@\[-`{-~]")
# "1." starts an ordered list; digits cannot be escaped, the dot can
_ORDERED = re.compile(r"^(\d+)\.")
_WS = re.compile(r"\s+")
# What no page carries: C0/C1 controls (terminal escapes, NULs, Python-Markdown's \x02/\x03
# placeholders), lone surrogates, noncharacters (U+FDD0-FDEF, U+xFFFE/xFFFF: YAML refuses them)
# and bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\u202a-\u202e\u2066-\u2069"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17))
    + "]"
)
# The same class without the astral noncharacters: a class holding astral code points makes re
# ten times slower on every string, and abstracts go through here tens of thousands of times.
_UNSAFE_BMP = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\u202a-\u202e\u2066-\u2069]"
)
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def clean(text: object) -> str:
    """``text`` without the characters no page should carry (see the module docstring); whitespace kept."""
    text = _UNSAFE_BMP.sub("", str(text))
    return _UNSAFE.sub("", text) if _ASTRAL.search(text) else text


def _fold(text: object) -> str:
    return _WS.sub(" ", clean(text)).strip()


def md(text: object) -> str:
    """Untrusted text as inert Markdown inline content."""
    if text is None:
        return ""
    return _md(str(text))


@functools.lru_cache(maxsize=1 << 16)
def _md(text: str) -> str:
    # a title is escaped on its page, in every topic table, related list and mention: once is enough
    escaped = str(_html_escape(_fold(text)))
    if _LEADING.match(escaped):
        return f"&#{ord(escaped[0])};" + _inline(escaped[1:])
    return _ORDERED.sub(r"\1\\.", _inline(escaped))


def _inline(text: str) -> str:
    return _INLINE.sub(r"\\\1", text).replace("~", _TILDE)


def code(text: object) -> str:
    """Untrusted text shown as code (file names, ids): ``<code>`` around inert Markdown.

    Inline HTML does not stop Python-Markdown from reading links, emphasis and attribute lists
    inside it, so the text goes through ``md`` like any other.
    """
    return f"<code>{md(text)}</code>"


def html(text: object) -> str:
    """Untrusted text for an HTML attribute or element body (quotes included)."""
    return "" if text is None else str(_html_escape(_fold(text)))


def href(url: object) -> str:
    """An allowlisted URL made safe inside a Markdown link target ``(…)``; empty if not allowed."""
    good = safe_url(str(url)) if url else None
    if good is None:
        return ""
    # keep URL syntax, percent-encode what could end the link target or break out of it
    return quote(good, safe=":/?#[]@!$&'*+,;=%-._~")


def yaml_str(text: object) -> str:
    """A front-matter scalar: HTML-escaped (themes print page.meta raw) and JSON-quoted (valid YAML).

    ``html`` drops every character YAML refuses, so MkDocs always reads this front matter back.
    """
    return json.dumps(html(text), ensure_ascii=False)


def fence(text: str) -> str:
    """A backtick fence longer than any backtick run inside ``text``, so code cannot close it."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def bibtex_value(text: object) -> str:
    """Text inside ``{…}`` of a BibTeX field: braces balanced away, whitespace folded, hyphens kept hyphens."""
    if text is None:
        return ""
    braced = _fold(text).replace("\\", "\\textbackslash{}").replace("{", "\\{").replace("}", "\\}")
    return re.sub(r"-(?=-)", "-{}", braced)  # "--" is an en dash to BibTeX; a title's two hyphens stay two
