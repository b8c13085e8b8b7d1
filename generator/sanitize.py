"""Curated Markdown to HTML that is safe to put on a page: render first, then sanitize with an allowlist.

Sanitizing after rendering means raw HTML written in a note and HTML the Markdown produced pass the
same gate: formatting survives; scripts, styles, frames, event handlers and unsafe URLs do not.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

import markdown
import nh3

from .bounded import TimeLimit, time_limit
from .escape import clean

MAX_BYTES = 64 * 1024  # a note or intro is a few paragraphs; past this it is not curated prose
MAX_SECONDS = 1.0  # of CPU time; the bundled notes render in milliseconds each

EXTENSIONS = ("tables", "fenced_code", "sane_lists", "def_list", "abbr")
_EXTENSION_CONFIGS = {"tables": {"use_align_attribute": True}}  # align="", not style="", which we drop

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "dl", "dt", "em",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre",
    "q", "s", "samp", "small", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "u", "ul", "var",
})
ATTRIBUTES = {
    "a": {"href", "title"},  # rel is set by the sanitizer itself
    "abbr": {"title"},
    "code": {"class"},  # fenced_code's language-xxx, which the highlighter reads
    "img": {"src", "alt", "title", "width", "height"},
    "ol": {"start"},
    "td": {"align"},
    "th": {"align"},
}
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
IMAGE_SCHEMES = frozenset({"http", "https"})
LINK_REL = "noopener noreferrer"


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    """Images load only from http(s) (no relative paths, no data: URLs); code classes only name a language."""
    if tag == "img" and attribute == "src":
        try:
            scheme = urlsplit(value.strip()).scheme.lower()
        except ValueError:
            return None
        return value if scheme in IMAGE_SCHEMES else None
    if tag == "code" and attribute == "class":
        kept = [c for c in value.split() if c.startswith("language-") and c[9:].replace("-", "").isalnum()]
        return " ".join(kept) or None
    return value


def clean_html(html: str) -> str:
    """Sanitize an HTML fragment with the allowlist above."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags={"script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math"},
        attributes={tag: set(attrs) for tag, attrs in ATTRIBUTES.items()},
        attribute_filter=_attribute_filter,
        url_schemes=set(LINK_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    )


def render_markdown(text: str) -> str:
    """Markdown to (unsanitized) HTML; a fresh converter per call so no state carries between notes."""
    converter = markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=_EXTENSION_CONFIGS,
                                  output_format="html")
    return converter.convert(text)


def markdown_to_safe_html(text: str) -> str:
    """Curated Markdown (which may hold raw HTML) as sanitized HTML; same input, same output.

    Call ``render_curated`` first: it bounds size and time and says what went wrong.
    """
    html, _problem = render_curated(text)
    return html


@lru_cache(maxsize=2048)
def render_curated(text: str) -> tuple[str, str | None]:
    """``(sanitized HTML, None)``, or ``("", why)`` when the text is too large, too slow or too nested.

    Cached: notes are checked while enriching and rendered again on pages (the same text, the same HTML).
    """
    if not text.strip():
        return "", None
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        return "", f"{size} bytes of Markdown, over the {MAX_BYTES} byte limit; shorten it"
    try:
        with time_limit(MAX_SECONDS):
            rendered = render_markdown(clean(text))
    except TimeLimit:
        return "", f"Markdown took over {MAX_SECONDS:g} s to render (deeply nested or unbalanced brackets?)"
    except RecursionError:
        return "", "Markdown nested too deeply to render (a long run of definition-list or list items?)"
    return clean(clean_html(rendered)).strip() + "\n", None
