"""The escaping filters against wild input, rendered with the same Markdown extensions as the site."""

from __future__ import annotations

import html
import re

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.escape import bibtex_value, clean, fence, href, md, yaml_str
from generator.escape import html as html_escape_of

EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc", "admonition", "pymdownx.details",
              "pymdownx.superfences"]
# text built from the characters that matter to Markdown and HTML, plus anything else
TOKENS = [*"<>&\"'`*_{}[]()#+-=|!:.\\/ \n\tabcXY12", "javascript:", "{: ", "<script>", "onclick=", "1. ", "---"]
HOSTILE = st.lists(st.sampled_from(TOKENS), max_size=30).map("".join) | st.text(max_size=60)


def _render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def _text_of(rendered: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))


@settings(max_examples=300, deadline=None)
@given(HOSTILE)
def test_md_text_renders_as_one_plain_paragraph(text):
    rendered = _render(md(text))
    tags = set(re.findall(r"</?([a-zA-Z0-9]+)", rendered))
    assert tags <= {"p"}, rendered
    visible = clean(text)  # what no page carries is dropped first
    assert _text_of(rendered) == " ".join(visible.split())


@settings(max_examples=200, deadline=None)
@given(HOSTILE, HOSTILE)
def test_md_inside_a_table_cell_and_a_link_keeps_the_structure(a, b):
    rendered = _render(f"| A | B |\n| --- | --- |\n| {md(a)} | [{md(b)}](https://example.org/) |\n")
    assert rendered.count("<td>") == 2
    assert rendered.count("<a ") == 1
    assert "<script" not in rendered


def test_known_hostile_strings():
    for text, shown in [
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("x | y", "x | y"),
        ("{: onclick=\"alert(1)\" }", "{: onclick=\"alert(1)\" }"),
        ("# not a heading", "# not a heading"),
        ("1. not a list", "1. not a list"),
        ("[a](javascript:alert(1))", "[a](javascript:alert(1))"),
    ]:
        rendered = _render(md(text))
        assert re.fullmatch(r"<p>.*</p>", rendered, re.S), rendered
        assert _text_of(rendered) == shown


def test_href_allows_only_http_and_https():
    assert href("https://github.com/a/b") == "https://github.com/a/b"
    assert href("http://example.org/x?y=1") == "http://example.org/x?y=1"
    for bad in ["javascript:alert(1)", "data:text/html,x", "vbscript:x", "//evil.example/x", "ftp://x/y", "", None,
                "https://a b/", "https://x/\"onmouseover=1"]:
        assert href(bad) == ""
    assert ")" not in href("https://example.org/a_(b)")


@given(st.text(max_size=40))
def test_fence_is_longer_than_any_backtick_run(text):
    f = fence(text)
    assert f not in text and len(f) >= 3


@given(st.text(max_size=40))
def test_yaml_str_has_no_raw_html(text):
    assert "<" not in yaml_str(text) and ">" not in yaml_str(text)


def test_control_characters_are_dropped():
    # never meaningful in scraped text; escape sequences and NULs would reach the HTML otherwise
    assert md("a\x00b\x1b\x07c\x02d\x9b") == "abcd"
    assert html_escape_of("x\x07y") == "xy"


def test_bibtex_value_cannot_close_the_field():
    assert bibtex_value("a} , author = {x") == "a\\} , author = \\{x"


@given(st.text(max_size=60))
def test_front_matter_title_always_reads_back_as_mkdocs_reads_it(text):
    from mkdocs.utils.meta import get_data

    _body, meta = get_data(f"---\ntitle: {yaml_str(text)}\n---\n\nbody\n")
    assert meta["title"] == html_escape_of(text)


def test_block_openers_at_the_start_stay_text():
    for text in ("~~~{ .x onclick=alert(1) }", '!!! danger "x"', "???+ note", ": definition", "> quote", "+ item"):
        rendered = _render(md(text))
        assert re.fullmatch(r"<p>.*</p>", rendered, re.S), rendered
        assert _text_of(rendered) == text
    assert md("a\ufffftitle\u202e") == "atitle"
