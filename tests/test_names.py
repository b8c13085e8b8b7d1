"""Author display names, family names, identity keys and citation keys, on real BibTeX and arXiv names."""

from __future__ import annotations

import html
import re

import pytest
from conftest import CORPORA
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.latex import to_unicode
from generator.names import author_key, citekey_base, display_name, family_name, is_et_al

BIB = CORPORA / "bibtex-efficient-dl-2019" / "references.bib"


@pytest.mark.parametrize(("raw", "shown", "family"), [
    ("Dao, Tri", "Tri Dao", "Dao"),
    ("van der Maaten, Laurens", "Laurens van der Maaten", "van der Maaten"),
    ("Laurens van der Maaten", "Laurens van der Maaten", "van der Maaten"),
    ("Smith, Jr., John", "John Smith Jr.", "Smith"),  # BibTeX's "von Last, Jr, First"
    ("Smith, John, Jr.", "John Smith Jr.", "Smith"),
    ("De Bonet, Jeremy S", "Jeremy S De Bonet", "De Bonet"),  # references.bib:105
    ("Christopher De Sa", "Christopher De Sa", "De Sa"),
    ("Le, Quoc V", "Quoc V Le", "Le"),  # nameparser alone reads this "V" as a suffix (the fifth)
    ("Zitnick, C Lawrence", "C Lawrence Zitnick", "Zitnick"),  # references.bib:455
    ("Lin, Tsung-Yi", "Tsung-Yi Lin", "Lin"),
    ("  {Tri}   Dao ", "Tri Dao", "Dao"),
    ("J. Zico Kolter", "J. Zico Kolter", "Kolter"),
    ("OpenAI", "OpenAI", "OpenAI"),
    ("张三", "张三", "张三"),
    ("Gu, Albert, Dao, Tri", "Gu, Albert, Dao, Tri", "Gu"),  # a list, not a name: shown as written
])
def test_display_and_family(raw, shown, family):
    assert display_name(raw) == shown
    assert family_name(shown) == family


def test_latex_is_converted_before_names():
    # references.bib:88 and :837, the way normalize calls it: latex first, then names
    assert display_name(to_unicode("Sch{\\\"o}dl, Arno")) == "Arno Schödl"
    assert display_name(to_unicode("Abadi, Mart{\\'\\i}n")) == "Martín Abadi"
    assert display_name(to_unicode("Doll{\\'a}r, Piotr")) == "Piotr Dollár"


@pytest.mark.parametrize("raw", ["others", "et al.", "et al", "Et Al.", "and others", "…", " others "])
def test_et_al_is_recognised(raw):
    assert is_et_al(raw)
    assert is_et_al(display_name(raw))


@pytest.mark.parametrize("raw", ["Tri Dao", "Al Gore", "Otherson, Jane", "Etal Smith"])
def test_names_are_not_et_al(raw):
    assert not is_et_al(raw)


def test_author_key_groups_spellings_of_one_name():
    assert author_key("Tri Dao") == author_key("Dao, Tri") == author_key("TRI DAO") == "tri dao"
    assert author_key("Björn Ommer") == author_key("Bjorn Ommer") == "bjorn ommer"
    assert author_key("Jean-Baptiste Cordonnier") == author_key("Jean Baptiste Cordonnier")
    assert author_key("Łukasz Kaiser") == "lukasz kaiser"
    assert author_key("张三") == "张三"


def test_author_key_keeps_initials_apart_from_full_names():
    # an initial plus a family name is many people; a wrong merge is worse than a split
    assert author_key("T. Dao") == "t dao"
    assert author_key("T. Dao") != author_key("Tri Dao")


@pytest.mark.parametrize(("authors", "year", "title", "key"), [
    (["Tri Dao"], 2023, "FlashAttention-2: Faster Attention with Better Parallelism", "dao2023flashattention"),
    (["Laurens van der Maaten"], 2008, "Visualizing Data using t-SNE", "vandermaaten2008visualizing"),
    (["Rishi Bommasani"], 2021, "On the Opportunities and Risks of Foundation Models", "bommasani2021opportunities"),
    (["Tim Dettmers"], 2022, "8-bit Optimizers via Block-wise Quantization", "dettmers20228bit"),
    (["Dao, Tri"], None, "Towards a Theory of Mixture-of-Experts", "daotheory"),
    ([], 2019, "The Lottery Ticket Hypothesis", "anon2019lottery"),
    (["Björn Ommer"], 2019, "A Style-Aware Content Loss", "ommer2019style"),
    (["张三"], 2020, "中文标题", "anon2020"),
    (["Ashish Vaswani"], 2017, "", "vaswani2017"),
])
def test_citekey_base(authors, year, title, key):
    assert citekey_base(authors, year, title) == key


@settings(deadline=None, max_examples=300)
@given(st.lists(st.text(), max_size=3), st.one_of(st.none(), st.integers(1900, 2100)), st.text())
def test_citekey_base_is_ascii_lower_for_any_input(authors, year, title):
    key = citekey_base(authors, year, title)
    assert re.fullmatch(r"[a-z0-9]+", key)


@settings(deadline=None, max_examples=300)
@given(st.text())
def test_names_never_raise(raw):
    shown = display_name(raw)
    assert isinstance(family_name(shown), str) and isinstance(author_key(raw), str) and isinstance(is_et_al(raw), bool)


def test_every_bibtex_author_becomes_given_family():
    bib = BIB.read_text(encoding="utf-8")
    fields = re.findall(r"^\s*author\s*=\s*[{\"](.*)[}\"],?\s*$", bib, re.M | re.I)
    people = [p.strip() for field in fields for p in re.split(r"\s+and\s+", field)]
    shown = [display_name(to_unicode(p)) for p in people]
    kept = [s for s in shown if not is_et_al(s)]
    assert len(people) - len(kept) == people.count("others") > 0
    # references.bib:1645 and :1652 list authors with commas and no "and": not a name, shown as written
    assert [s for s in kept if "," in s or "{" in s or "\\" in s] == [
        "Zhuang Liu, Mingjie Sun, Tinghui Zhou, Gao Huang, Trevor Darrell",
        "Elliot J. Crowley, Jack Turner, Amos Storkey, Michael O'Boyle",
    ]
    assert "Frédo Durand" in kept and "Philipp Krähenbühl" in kept


def test_arxiv_authors_are_shown_as_written():
    names = []
    for path in sorted((CORPORA / "arxiv-atom" / "xml").glob("*.xml")):
        names += [html.unescape(n.strip()) for n in re.findall(r"<name>([^<]+)</name>", path.read_text(encoding="utf-8"))]
    assert len(names) > 200
    assert [n for n in names if display_name(n) != n] == []
    assert all(family_name(n) for n in names)


def test_ascii_folding_of_ascii_text_is_the_text_and_other_text_still_folds():
    from generator.names import _ascii

    assert _ascii("Tri Dao, 8-bit!") == "Tri Dao, 8-bit!"
    assert _ascii("Łukasz Kaiser") == "Lukasz Kaiser" and _ascii("Günther ß") == "Gunther ss"
