"""Curated fragments go into built pages only through an exact, empty placeholder; anything else is a problem."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator import escape
from generator.fragments import fill

KEY = "0123456789abcdef"
NOTE = f'<div class="survey-note" data-survey-fragment="{KEY}"></div>'
FRAGMENTS = {KEY: "<p>curated <em>note</em></p>\n"}


def test_an_exact_placeholder_gets_its_fragment():
    html, used, problems = fill("p.html", f"<h1>T</h1>\n{NOTE}\n<p>after</p>", FRAGMENTS)
    assert html == (f'<h1>T</h1>\n<div class="survey-note" data-survey-fragment="{KEY}">\n'
                    "<p>curated <em>note</em></p>\n</div>\n<p>after</p>")
    assert used == {KEY} and problems == []


def test_intro_placeholders_and_several_on_a_page():
    intro = NOTE.replace("survey-note", "survey-intro")
    html, used, problems = fill("t.html", intro + NOTE, FRAGMENTS)
    assert html.count("<em>note</em>") == 2 and used == {KEY} and problems == []


def test_a_placeholder_without_its_fragment_is_a_problem_and_stays_empty():
    html, used, problems = fill("p.html", NOTE, {})
    assert html == NOTE and used == set()
    assert problems == [f"p.html: curated fragment {KEY} is missing from fragments.json"]


def test_anything_but_an_exact_empty_placeholder_is_refused():
    for bad in (
        f'<div class="survey-note" data-survey-fragment="{KEY}" onclick="x()"></div>',  # another attribute
        f'<div data-survey-fragment="{KEY}" class="survey-note"></div>',  # another order
        '<div class="survey-note" data-survey-fragment="../../etc"></div>',  # not a key
        f'<div class="survey-note" data-survey-fragment="{KEY}">already here</div>',  # filled twice
        f'<div class="survey-other" data-survey-fragment="{KEY}"></div>',
    ):
        html, used, problems = fill("p.html", bad, FRAGMENTS)
        assert html == bad and used == set(), bad
        assert len(problems) == 1 and "not an empty curated-fragment placeholder" in problems[0], bad


@given(st.text())
def test_escaped_untrusted_text_never_forms_a_placeholder(text):
    """Titles and abstracts reach the page HTML-escaped: whatever they say, nothing is filled or reported."""
    page = f"<p>{escape.html(text)}</p><p>{escape.html(NOTE)}</p>"
    assert fill("p.html", page, FRAGMENTS) == (page, set(), [])
