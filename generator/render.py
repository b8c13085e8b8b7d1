"""Corpus -> {relative path: Markdown text}: Jinja2 templates, pure, deterministic."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

import jinja2

from . import escape, urls
from .links import ordered
from .memo import Memo
from .model import Corpus, Paper
from .sources import FORMATS
from .views import Views, term_anchor


@dataclass(frozen=True)
class Site:
    """What page kinds see: the corpus, the survey's title, the page templates, lookups computed once."""

    corpus: Corpus
    title: str = "Literature survey"
    description: str = ""
    templates: Mapping[str, str] = field(default_factory=dict, compare=False)
    memo: Memo | None = field(default=None, compare=False)  # remembered chart drawings (memo.py)

    @property
    def papers(self) -> tuple[Paper, ...]:
        return self.corpus.papers

    @cached_property
    def views(self) -> Views:
        """Lookups by id, built once and shared by the pages and the nav."""
        return Views.build(self.corpus)

    @cached_property
    def env(self) -> jinja2.Environment:
        return make_env(self.templates)

    def render(self, template: str, here: str, **context: Any) -> str:
        """One page from ``site_templates/pages/<template>``; ``here`` is the page's own path (links start there)."""
        return self.env.get_template(template).render(
            site=self, corpus=self.corpus, views=self.views, urls=urls, to=urls.Linker(here), here=here,
            term_anchor=term_anchor, paper_meta=paper_meta, **context)


def make_env(templates: Mapping[str, str]) -> jinja2.Environment:
    """A sandbox-free but strict environment: undefined names fail, output is Markdown (no autoescape).

    Built once per set of template texts: compiling the templates was four fifths of a small
    site's generate (serve's rebuilds and the bad-input corpus generate many times).
    """
    return _env(tuple(sorted(templates.items())))


@lru_cache(maxsize=8)
def _env(templates: tuple[tuple[str, str], ...]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.DictLoader(dict(templates)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # .md output: escaping is explicit through the filters below
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # the loader's texts never change for this environment (it is made per set of texts): asking
        # the loader whether each template is still up to date on every page was 5% of rendering them
        auto_reload=False,
    )
    env.filters.update(
        md=escape.md,
        html=escape.html,
        code=escape.code,
        href=escape.href,
        yaml_str=escape.yaml_str,
        fence=escape.fence,
        bibtex=escape.bibtex_value,
        ordered_links=ordered,
        tojson_sorted=lambda value: json.dumps(value, sort_keys=True, ensure_ascii=False),
        count_label=count_label,
    )
    return env


def count_label(n: int, singular: str, plural: str | None = None) -> str:
    """``1 paper``, ``3 papers``."""
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


def paper_meta(paper: Paper) -> list[str]:
    """The facts line under a paper title: date, venue, author count or organisation, upvotes (raw values)."""
    parts: list[str] = []
    if paper.date:
        parts.append(paper.date)
    if paper.venue:
        parts.append(paper.venue)
    if paper.authors_count is not None and not paper.authors:
        parts.append(count_label(paper.authors_count, "author"))
    if paper.org:
        parts.append(paper.org)
    if paper.upvotes is not None:
        parts.append(count_label(paper.upvotes, "upvote"))
    return parts


def front_matter_problems(pages: Mapping[str, str | bytes]) -> dict[str, str]:
    """Pages whose front matter MkDocs would not read back as a mapping with a text title, and why.

    MkDocs ignores front matter it cannot parse and renders it as Markdown instead; a title
    there is then live Markdown. Every page is read back the way MkDocs reads it. Only pages
    (``.md``) are read from ``pages``: the downloads are most of the bytes, kept compressed.
    """
    problems: dict[str, str] = {}
    for path in pages:
        if not path.endswith(".md"):
            continue
        text = pages[path]
        problem = front_matter_problem(text) if isinstance(text, str) else None
        if problem:
            problems[path] = problem
    return problems


def front_matter_problem(text: str) -> str | None:
    """Why MkDocs would not read this page's front matter back as a mapping with a text title, or None."""
    if not text.startswith("---"):
        return None
    from mkdocs.utils.meta import get_data

    _body, meta = get_data(text)
    title = meta.get("title") if isinstance(meta, dict) else None
    if not isinstance(title, str):
        return "the page's front matter does not read back as YAML with a title"
    if "<" in title:
        return "the page title reads back with a '<' (themes print it unescaped)"
    return None


NAV_GROUP_OVER = 4  # a format with more source files than this gets one nav entry holding them


def collections_nav(corpus: Corpus) -> list[Any]:
    """Collections in source order; a format with many files (a folder of arXiv responses) is one group."""
    by_format: dict[str, list[Any]] = {}
    for c in corpus.collections:
        by_format.setdefault(c.format, []).append({escape.html(c.title): urls.collection(c.id)})
    items: list[Any] = []
    for fmt, entries in by_format.items():
        if len(entries) > NAV_GROUP_OVER:
            label = FORMATS[fmt].label if fmt in FORMATS else fmt
            plural = label if label.endswith("s") else label + "s"
            items.append({escape.html(f"{plural} ({len(entries)})"): entries})
        else:
            items.extend(entries)
    return items


def nav(site: Site) -> list[Any]:
    """The MkDocs navigation: home, all papers, the topic tree, collections; never one entry per paper.

    Titles are HTML-escaped: Material prints nav titles unescaped. The maintainers' page is linked
    from the footer (``overrides/partials/copyright.html``), not from the navigation readers use.
    """
    corpus = site.corpus
    items: list[Any] = [{"Home": urls.HOME}]
    if corpus.papers:
        items.append({"All papers": urls.ALL_PAPERS})
    if corpus.topics:
        views = site.views

        def branch(topic_id: str, depth: int) -> Any:
            topic = views.topics[topic_id]
            kids = views.children(topic_id)
            title = escape.html(topic.title)
            if not kids or depth > 8:
                return {title: urls.topic(topic_id)}
            return {title: [{"Overview": urls.topic(topic_id)}, *(branch(k.id, depth + 1) for k in kids)]}

        items.append({"Topics": [{"All topics": urls.TOPICS}, *(branch(t.id, 0) for t in views.roots())]})
    if corpus.collections:
        items.append({"Collections": collections_nav(corpus)})
    if corpus.terms:
        items.append({"Glossary": urls.GLOSSARY})
    if site.views.authors:
        items.append({"Authors": urls.AUTHORS})
    return items
