"""Escaping at the boundary: untrusted text into Markdown, URLs into links, values into attributes.

Scraped titles and abstracts may hold anything. ``md`` makes a string inert inside a Markdown
paragraph, heading or table cell: HTML is escaped (so no tag survives) and every character that
could start Markdown structure (emphasis, code, links, tables, attribute lists ``{: …}``, block
markers at the start of a line) is backslash-escaped. Newlines fold to spaces so text cannot open
a new block.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from markupsafe import escape as _html_escape

from .links import safe_url

# Characters Python-Markdown (with the tables extension) accepts a backslash escape for, and which
# can change structure mid-line. "(" ")" "!" only matter after "]", which is escaped.
_INLINE = re.compile(r"([\\`*_{}\[\]|])")
# Block markers that only matter at the start of a line: headings, lists, rules, setext underlines.
_LINE_START = re.compile(r"^(\s*)(?:([#+\-])|(\d+)([.)]))")
_WS = re.compile(r"\s+")
# C0/C1 control characters: never meaningful in titles or abstracts; dropped so that terminal
# escapes and NULs never reach pages (Python-Markdown also reserves \x02/\x03 for placeholders).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _fold(text: object) -> str:
    return _WS.sub(" ", _CONTROL.sub("", str(text))).strip()


def md(text: object) -> str:
    """Untrusted text as inert Markdown inline content."""
    if text is None:
        return ""
    escaped = str(_html_escape(_fold(text)))
    escaped = _INLINE.sub(r"\\\1", escaped)
    return _LINE_START.sub(_escape_marker, escaped)


def _escape_marker(m: re.Match[str]) -> str:
    if m.group(2):
        return f"{m.group(1)}\\{m.group(2)}"
    # "1." starts an ordered list; digits cannot be escaped, the dot can ("1)" is not a list here)
    return f"{m.group(1)}{m.group(3)}\\{m.group(4)}" if m.group(4) == "." else m.group(0)


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
    """A front-matter scalar: HTML-escaped (themes print page.meta raw) and JSON-quoted (valid YAML)."""
    return json.dumps(html(text), ensure_ascii=False)


def fence(text: str) -> str:
    """A backtick fence longer than any backtick run inside ``text``, so code cannot close it."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def bibtex_value(text: object) -> str:
    """Text inside ``{…}`` of a BibTeX field: braces balanced away, whitespace folded."""
    if text is None:
        return ""
    return _fold(text).replace("\\", "\\textbackslash{}").replace("{", "\\{").replace("}", "\\}")
