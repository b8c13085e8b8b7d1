"""Page kinds: the registry, one owner of paths, readers' pages without plumbing, exports, feeds, charts."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import feedparser
import pytest
import rispy
from conftest import FIXTURES, ROOT, by_title, options_for
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import io, pipeline, urls
from generator.model import Collection, Evidence, Paper, SourceRef, Topic, TopicAssignment
from generator.pages import KINDS, PageKind, charts, exports, feeds, home, listing, render_site
from generator.pages.paper import topic_reason
from generator.precedence import Precedence
from generator.render import Site
from generator.sources.catalog import SourceFile

TEMPLATES = {k: v.decode("utf-8") for k, v in io.read_tree(ROOT / "site_templates" / "pages", (".j2",)).items()}


@pytest.fixture(scope="module")
def site(bundled) -> Site:
    corpus, _diags = bundled
    return Site(corpus=corpus, title="Efficient deep learning: a living survey", templates=TEMPLATES)


@pytest.fixture(scope="module")
def mini(tmp_path_factory) -> pipeline.Generated:
    return pipeline.generate(options_for(FIXTURES / "mini" / "content", tmp_path_factory.mktemp("mini")))


def _paper(pid: str, date: str | None, title: str = "T", collection: str = "c") -> Paper:
    return Paper(id=pid, title=title, abstract=None, sources=(SourceRef("sources/hf/c.txt", 1, collection),), date=date)


# -- the registry and page paths ----------------------------------------------------------------------


def test_every_page_kind_is_registered_once_with_its_module_name():
    names = [k.name for k in KINDS]
    # the kinds with charts last: their drawings are made beside the others (``charts.drawing_beside``)
    assert names == ["paper", "topics_index", "collection", "glossary", "authors", "maintainers", "all_papers",
                     "feeds", "exports", "home", "topic", "charts"]


def test_a_new_page_kind_is_one_entry_and_two_kinds_never_share_a_path(mini):
    site = Site(corpus=mini.corpus, templates=TEMPLATES)
    extra = PageKind("hello", lambda s: {"hello.md": f"# {len(s.papers)} papers\n"})
    pages = render_site(site, (*KINDS, extra))
    assert pages["hello.md"] == "# 6 papers\n"
    with pytest.raises(ValueError, match=r"home and clash both write index\.md"):
        render_site(site, (*KINDS, PageKind("clash", lambda s: {"index.md": ""})))


def test_templates_spell_no_page_path():
    """Every link in a template goes through urls (``to.paper(id)``, ``to(path)``), never a literal path."""
    for name, text in TEMPLATES.items():
        assert not re.search(r"\]\((?:\.\./|papers/|topics/|collections/|glossary)", text), name
        assert not re.search(r'href="(?:\.\./|papers/|topics/)', text), name
        assert ".md)" not in text and ".md#" not in text, name


def test_relative_urls_for_markdown_and_for_raw_html():
    assert urls.link(urls.topic("a"), urls.paper("p"), "result-1") == "../papers/p.md#result-1"
    assert urls.href(urls.topic("a"), urls.topic("b")) == "../b/"
    assert urls.href(urls.topic("a"), urls.HOME) == "../../"
    assert urls.href(urls.HOME, urls.topic("x")) == "topics/x/"
    assert urls.href(urls.TOPICS, urls.topic("b")) == "b/"
    assert urls.href(urls.feed("t"), urls.paper("p")) == "../papers/p/"
    assert urls.href(urls.paper("p"), urls.export("bib")) == "../../exports/survey.bib"
    assert urls.served(urls.ALL_PAPERS) == "papers/"
    # the theme override links the survey's feed and the maintainers' page by these paths
    overrides = (ROOT / "site_templates" / "overrides").rglob("*.html")
    text = "".join(p.read_text(encoding="utf-8") for p in overrides)
    assert f"'{urls.feed()}'" in text and f"'{urls.served(urls.MAINTAINERS)}'" in text


def test_the_maintainers_page_is_not_in_the_navigation(mini):
    assert "maintainers.md" not in str(mini.files["mkdocs.yml"])
    assert "docs/maintainers.md" in mini.files


# -- order and dates ----------------------------------------------------------------------------------


def test_tables_list_newest_dated_first_then_undated_by_title():
    papers = [_paper("a", "2023-05"), _paper("b", None, "zeta"), _paper("c", "2024-01-02"), _paper("d", None, "Alpha"),
              _paper("e", "2024")]
    assert [p.id for p in listing.newest_first(papers)] == ["c", "e", "a", "d", "b"]


def test_a_paper_entered_on_its_collections_capture_date_else_its_own_date():
    collections = {"c": Collection("c", "C", "p", captured="2025-12-11"), "d": Collection("d", "D", "q")}
    assert listing.entered(_paper("a", "2019-07-12"), collections) == "2025-12-11"
    assert listing.entered(_paper("a", "2019-07-12", collection="d"), collections) == "2019-07-12"
    assert listing.entered(_paper("a", None, collection="d"), collections) is None
    recent = listing.recently_added([_paper("x", "2020", collection="d"), _paper("y", None), _paper("z", None,
                                                                                                      collection="d")],
                                    collections)
    assert [(when, p.id) for when, p in recent] == [("2025-12-11", "y"), ("2020", "x")]


# -- readers' pages carry no plumbing -----------------------------------------------------------------


def test_why_these_topics_is_said_in_words_without_scores_or_patterns():
    topic = Topic("quantization", "Quantization")
    found = TopicAssignment("quantization", 14.25, (Evidence("quantization", 9.0), Evidence(r"/\b(?:[1-8]|16)-bit\b/", 5.25)))
    words = topic_reason(found, topic).words
    assert words == "its title or abstract uses “quantization”; it also has a wording this topic's curators list"
    assert not re.search(r"\d", words)
    assert topic_reason(replace(found, curated=True), topic).words == "a curator added it to this topic"


def _outside_collapsed_blocks(markdown: str) -> str:
    """The page without its front matter, its collapsed ``???`` blocks and its code blocks."""
    body = markdown.split("\n---\n", 1)[1]
    body = re.sub(r"^\?\?\?[^\n]*\n(?:(?: {4}[^\n]*)?\n)*", "", body, flags=re.M)
    return re.sub(r"^```[^\n]*\n.*?^```\n", "", body, flags=re.M | re.S)


def test_reader_pages_show_no_file_path_regex_or_score_outside_collapsed_blocks(site):
    pages = render_site(site)
    readers = [p for p in pages if p.endswith(".md") and p != urls.MAINTAINERS]
    assert len(readers) > 500
    for path in readers:
        text = _outside_collapsed_blocks(str(pages[path]))
        text = re.sub(r"<svg.*?</svg>", "", text, flags=re.S)  # chart geometry is numbers by nature
        assert not re.search(r"content/|sources/\w|\.txt\b|\.ya?ml\b|\(score [\d.]+\)|\\b|\(\?:|survey (?:check|build)", text), path


# -- exports ------------------------------------------------------------------------------------------


def _reimport(fmt: str, text: str) -> list[Paper]:
    folder = {"bib": "bibtex", "csv": "csv", "json": "papers"}[fmt]
    path = f"sources/{folder}/survey.{fmt}"
    source = SourceFile(path, folder, Collection(id="survey", title="survey", path=path, format=folder))
    corpus, diags = pipeline._merge([(source, text, path)], Precedence(), [])
    assert [d for d in diags if d.severity == "error"] == []
    return list(corpus.papers)


def _identity(papers) -> list[tuple[str, str | None, int | None]]:
    return sorted((p.title, p.arxiv_id, p.year) for p in papers)


@pytest.mark.parametrize("fmt", ["bib", "csv", "json"])
def test_each_export_reimports_through_our_own_readers_with_the_same_papers(site, fmt):
    files = exports.files(list(site.papers), site.views.topics)
    again = _reimport(fmt, files[urls.export(fmt)])
    assert len(again) == len(site.papers) == 444
    assert _identity(again) == _identity(site.papers)


def test_ris_export_parses_with_rispy_with_every_title_year_and_author(site):
    papers = sorted(site.papers, key=lambda p: p.id)
    entries = rispy.loads(exports.ris(papers, site.views.topics))
    assert [e["title"] for e in entries] == [p.title for p in papers]
    assert [e.get("year") for e in entries] == [str(p.year) if p.year else None for p in papers]
    flash = next(e for e, p in zip(entries, papers, strict=True) if p.authors)
    assert all(", " in a or " " not in a for a in flash["authors"])  # "Family, Given"


def test_topic_exports_hold_the_topics_papers(site):
    files = exports.files(site.views.topic_papers["kv-cache"], site.views.topics, "kv-cache")
    assert sorted(files) == [urls.export(f, "kv-cache") for f in ("bib", "csv", "json", "ris")]
    assert len(_reimport("json", files[urls.export("json", "kv-cache")])) == len(site.views.topic_papers["kv-cache"])



_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from('"\\\n\t\u2028/<>'))


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(_TEXT, _TEXT | st.lists(_TEXT, max_size=4) | st.none() | st.integers(), max_size=6))
def test_json_items_are_what_json_dumps_with_an_indent_prints(fields):
    plain = "\n".join("  " + line for line in json.dumps(fields, indent=1, ensure_ascii=False).split("\n"))
    assert exports._json_item(fields) == plain


def test_the_downloads_are_the_plain_formats_of_each_paper(site):
    """Records made once and joined give what one pass over the papers in the documented formats gives."""
    papers = sorted(site.papers, key=lambda p: p.id)
    topics = site.views.topics
    assert exports.ris(papers, topics) == "\n".join(line for p in papers for line in exports._ris_record(p, topics))
    plain = json.dumps({"papers": [json.loads("{" + exports._Records(topics).json_item(p).strip()[1:]) for p in papers]},
                       indent=1, ensure_ascii=False) + "\n"
    assert exports.json_list(papers, topics) == plain

# -- feeds --------------------------------------------------------------------------------------------


def test_feeds_parse_without_bozo_newest_first_with_stable_tag_ids(site):
    written = feeds.pages(site)
    assert urls.feed() in written and urls.feed("kv-cache") in written
    parsed = feedparser.parse(written[urls.feed()])
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    entries = parsed.entries
    assert 0 < len(entries) <= feeds.LIMIT
    assert [e.updated for e in entries] == sorted((e.updated for e in entries), reverse=True)
    assert parsed.feed.updated == entries[0].updated  # from the content, not the clock
    paper = by_title(site.corpus, entries[0].title[:30])
    assert entries[0].id == feeds.entry_id(site.title, paper.id)
    assert entries[0].id.startswith("tag:survey.invalid,2025:")
    assert entries[0].link.endswith(f"papers/{paper.id}/")
    topic = feedparser.parse(written[urls.feed("kv-cache")])
    assert topic.bozo == 0 and topic.entries


def test_feeds_are_the_same_bytes_on_every_run(site):
    assert feeds.pages(site) == feeds.pages(Site(corpus=site.corpus, title=site.title, templates=TEMPLATES))


# -- charts -------------------------------------------------------------------------------------------


def test_papers_per_year_counts_every_year_between_first_and_last():
    papers = [_paper("a", "2019-01"), _paper("b", "2021"), _paper("c", "2021-05-01"), _paper("d", None)]
    assert charts.per_year(papers) == [(2019, 1), (2020, 0), (2021, 2)]


def test_a_chart_is_static_svg_in_page_colours_with_a_text_alternative(site):
    svg = charts.per_year_chart(list(site.papers), "Papers")
    assert svg.startswith('<figure class="survey-chart"><svg ') and "\n" not in svg
    assert "<script" not in svg and "#4c78a8" not in svg  # no scripts, no fixed colours
    label = re.search(r'<svg [^>]*aria-label="([^"]*)"', svg)
    assert label and "2024: " in label.group(1)
    assert svg == charts.per_year_chart(list(site.papers), "Papers")


def test_metric_charts_need_three_dated_papers_and_link_each_point_to_its_sentence(site):
    points = charts.metric_points(site.views.topic_papers["kv-cache"])
    assert all(len(found) >= charts.MIN_POINTS for found in points.values())
    for (column, unit), found in points.items():
        svg = charts.metric_chart(found, column, unit, urls.topic("kv-cache"))
        hrefs = re.findall(r'xlink:href="([^"]*)"', svg)
        assert hrefs == [urls.href(urls.topic("kv-cache"), urls.paper(pt.paper.id), pt.anchor) for pt in found]
        assert all(h.startswith("../../papers/") for h in hrefs)


# -- home ---------------------------------------------------------------------------------------------


def test_home_lists_the_most_mentioned_methods_first(site):
    methods = home.most_mentioned(site)
    assert methods and [m.mentioned_by for m in methods] == sorted((m.mentioned_by for m in methods), reverse=True)
    assert min(m.mentioned_by for m in methods) >= 2
    assert methods[0].name == "FlashAttention-2" and methods[0].mentioned_by == 4
    counts = home.counts(site)
    assert counts.papers == 444 and counts.topics == len(site.corpus.topics)


def test_two_hyphens_in_a_title_survive_bibtex_and_come_back_as_two():
    from generator import escape, latex

    assert escape.bibtex_value("ProSper -- A") == "ProSper -{}- A"
    assert latex.to_unicode("ProSper -{}- A") == "ProSper -- A"
    assert latex.to_unicode("pages 1--2 of {X}") == "pages 1–2 of X"  # TeX's own dash is still a dash


def test_glossary_groups_terms_by_initial_with_symbols_last():
    from generator.model import Term
    from generator.pages.glossary import by_initial

    terms = [Term("kv", "key-value"), Term("3DGS", "3D Gaussian splatting"), Term("AI", "artificial intelligence"),
             Term("KD", "knowledge distillation")]
    assert [(letter, [t.abbr for t in ts]) for letter, ts in by_initial(terms)] == [
        ("A", ["AI"]), ("K", ["KD", "kv"]), ("#", ["3DGS"])]


def test_only_paper_pages_show_the_body_of_a_note(site):
    """Remembered kinds key on digests that leave note bodies out (``Views.paper_digest``):
    a body may show on its paper's page only."""
    assert site.corpus.notes

    def rewritten(note):
        return replace(note, body=note.body + "\n\nA sentence only the paper's own page shows.\n")

    papers = tuple(replace(p, note=rewritten(p.note)) if p.note else p for p in site.papers)
    other = Site(corpus=replace(site.corpus, papers=papers, notes=tuple(rewritten(n) for n in site.corpus.notes)),
                 title=site.title, templates=TEMPLATES)
    pages, others = render_site(site), render_site(other)
    assert sorted(pages) == sorted(others)
    differ = [path for path in pages if pages[path] != others[path]]
    assert differ and all(path.startswith("papers/") for path in differ)
    assert [other.views.paper_digest(p) for p in other.papers] == [site.views.paper_digest(p) for p in site.papers]
    assert other.views.fragments != site.views.fragments  # the bodies themselves go to fragments.json


def test_charts_drawn_beside_are_the_bytes_drawn_here(site):
    """The child process of ``drawer.py`` draws with the same vl-convert and configuration."""
    import vl_convert

    from generator.pages.drawer import Drawer

    papers = list(site.papers)
    specs = [c.spec for c in (charts.per_year_spec(papers, "Papers"), charts.per_year_spec([p for p in papers if p.year][:2], "Two")) if c]
    assert len(specs) == 2
    drawer = Drawer([*specs, "{not a spec"])
    try:
        assert drawer.take(specs[-1]) == str(vl_convert.vegalite_to_svg(specs[-1], config=charts.drawing_config()))
        assert drawer.take(specs[0]) == str(vl_convert.vegalite_to_svg(specs[0], config=charts.drawing_config()))
        assert drawer.take("{not a spec") is None  # failed in the child: drawn here, raising as before
        assert drawer.take('{"never": "asked"}') is None
    finally:
        drawer.close()


def test_render_site_sends_the_child_only_new_charts_in_the_order_pages_ask(site, monkeypatch):
    asked: list[list[str]] = []

    class Recorder:
        def __init__(self, specs):
            asked.append(list(specs))

        def take(self, spec):
            return None  # drawn here

        def close(self):
            pass

    monkeypatch.setattr(charts, "Drawer", Recorder)
    with charts.drawing_beside(site):
        pass
    home_chart = charts.per_year_spec(list(site.papers), "Papers")
    topics = [c.spec for t in site.corpus.topics for c in charts.topic_specs(site, t.id, urls.topic(t.id))]
    roots = [charts.per_year_spec(list(site.views.topic_papers.get(t.id, [])), f"{t.title} papers")
             for t in site.views.roots()]
    assert home_chart is not None
    assert asked == [list(dict.fromkeys([home_chart.spec, *topics, *(c.spec for c in roots if c)]))]
    with charts.drawing_beside(site, ["paper", "exports"]):  # no kind that draws: no child
        pass
    assert len(asked) == 1
    from generator.memo import Memo

    drew = Memo()
    drew.put("charts", "k", "<svg/>")
    after_a_run = Memo.load("", {"charts.json": drew.files()[next(iter(drew.files()))].encode("utf-8")})
    assert after_a_run.had("charts")
    with charts.drawing_beside(replace(site, memo=after_a_run)):  # a run after one that drew: its few here
        pass
    assert len(asked) == 1
