"""Corpus -> {relative path: Markdown text}: Jinja2 templates, pure, deterministic."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

import jinja2

from . import escape, identity, urls
from .links import ordered
from .model import Corpus, Paper
from .views import Views, term_anchor

# Extra page builders: later modules (feeds, exports, charts) add pages without touching this file.
PageBuilder = Callable[["Site"], dict[str, str]]


@dataclass(frozen=True)
class Site:
    """What templates see: the corpus plus lookups computed once."""

    corpus: Corpus
    title: str = "Literature survey"
    description: str = ""

    @property
    def papers(self) -> tuple[Paper, ...]:
        return self.corpus.papers

    @cached_property
    def views(self) -> Views:
        """Lookups by id, built once and shared by the pages and the nav."""
        return Views.build(self.corpus)


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


def collection_counts(corpus: Corpus) -> Counter[str]:
    """Papers per collection; a paper listed twice in one capture counts once."""
    return Counter(cid for p in corpus.papers for cid in {r.collection for r in p.sources})


def render_site(site: Site, templates: Mapping[str, str], builders: list[PageBuilder] | None = None) -> dict[str, str]:
    """Every generated page, keyed by its path under docs/."""
    env = make_env(templates)
    corpus = site.corpus
    collections = {c.id: c for c in corpus.collections}
    views = site.views
    topics = views.topics
    common: dict[str, Any] = {
        "views": views,
        "term_anchor": term_anchor,
        "site": site,
        "corpus": corpus,
        "collections": collections,
        "topics": topics,
        "papers_by_id": corpus.by_id,
        "bibtex": identity.bibtex,
        "paper_links": identity.paper_links,
        "source_lines": identity.source_lines,
        "disagreements": identity.disagreements,
        "paper_meta": paper_meta,
        "urls": urls,
    }
    pages: dict[str, str] = {}
    counts = collection_counts(corpus)
    pages["index.md"] = env.get_template("home.md.j2").render(**common, collection_counts=counts)
    for collection in corpus.collections:
        members = sorted(
            (p for p in corpus.papers if any(r.collection == collection.id for r in p.sources)),
            key=lambda p: (min(r.line for r in p.sources if r.collection == collection.id), p.id),
        )
        pages[f"collections/{collection.id}.md"] = env.get_template("collection.md.j2").render(
            **common, collection=collection, papers=members
        )
    paper_template = env.get_template("paper.md.j2")
    for paper in corpus.papers:
        pages[paper.page] = paper_template.render(**common, paper=paper, here=paper.page)
    if corpus.topics:
        pages["topics/index.md"] = env.get_template("topics.md.j2").render(**common)
        topic_template = env.get_template("topic.md.j2")
        for topic in corpus.topics:
            pages[f"topics/{topic.id}.md"] = topic_template.render(
                **common, topic=topic, papers=views.topic_papers[topic.id]
            )
    if corpus.terms:
        pages["glossary.md"] = env.get_template("glossary.md.j2").render(**common)
    if views.authors:
        grouped = identity.authors_by_page(views.authors)
        pages[urls.AUTHORS] = env.get_template("authors.md.j2").render(**common, here=urls.AUTHORS, pages=grouped)
        author_template = env.get_template("authors_page.md.j2")
        for group in grouped:
            pages[group.page] = author_template.render(**common, here=group.page, group=group, pages=grouped)
    pages["maintainers.md"] = env.get_template("maintainers.md.j2").render(**common)
    for builder in builders or []:
        for path, text in builder(site).items():
            if path in pages:
                raise ValueError(f"two page builders produce {path}")
            pages[path] = text
    return pages


def front_matter_problems(pages: Mapping[str, str]) -> dict[str, str]:
    """Pages whose front matter MkDocs would not read back as a mapping with a text title, and why.

    MkDocs ignores front matter it cannot parse and renders it as Markdown instead; a title
    there is then live Markdown. Every page is read back the way MkDocs reads it.
    """
    from mkdocs.utils.meta import get_data

    problems: dict[str, str] = {}
    for path, text in pages.items():
        if not text.startswith("---"):
            continue
        _body, meta = get_data(text)
        title = meta.get("title") if isinstance(meta, dict) else None
        if not isinstance(title, str):
            problems[path] = "the page's front matter does not read back as YAML with a title"
        elif "<" in title:
            problems[path] = "the page title reads back with a '<' (themes print it unescaped)"
    return problems


def nav(site: Site) -> list[Any]:
    """The MkDocs navigation: home, the topic tree, collections; never one entry per paper.

    Titles are HTML-escaped: Material prints nav titles unescaped.
    """
    corpus = site.corpus
    items: list[Any] = [{"Home": "index.md"}]
    if corpus.topics:
        views = site.views

        def branch(topic_id: str, depth: int) -> Any:
            topic = views.topics[topic_id]
            kids = views.children(topic_id)
            title = escape.html(topic.title)
            if not kids or depth > 8:
                return {title: f"topics/{topic_id}.md"}
            return {title: [{"Overview": f"topics/{topic_id}.md"}, *(branch(k.id, depth + 1) for k in kids)]}

        items.append({"Topics": [{"All topics": "topics/index.md"}, *(branch(t.id, 0) for t in views.roots())]})
    if corpus.collections:
        items.append({"Collections": [{escape.html(c.title): f"collections/{c.id}.md"} for c in corpus.collections]})
    if corpus.terms:
        items.append({"Glossary": "glossary.md"})
    if site.views.authors:
        items.append({"Authors": urls.AUTHORS})
    items.append({"Maintainers": "maintainers.md"})
    return items
