"""Atom feeds (feedgen) of the whole survey and of each topic: newest first by the date a paper entered.

A paper entered the sources on the earliest capture date of the collections that list it, else on its
own date (``listing.entered``); papers with neither are left out of feeds. Entry ids are ``tag:`` URIs
made from the paper id, so an entry keeps its id whatever else changes. No clock: each feed's
``updated`` is its newest entry's date, and the generator field names this project.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

from feedgen.feed import FeedGenerator

from .. import escape, urls
from ..model import Collection, Paper
from ..render import Site
from . import listing

LIMIT = 50  # entries per feed: feed readers keep what they saw; a feed is news, not an archive
TAG_AUTHORITY = "survey.invalid,2025"  # RFC 4151: a name no one else mints tags under, and a date


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "survey"


def entry_id(site_title: str, paper_id: str) -> str:
    """``tag:survey.invalid,2025:<survey slug>/papers/<paper id>``: stable while the paper id is."""
    return f"tag:{TAG_AUTHORITY}:{_slug(site_title)}/papers/{paper_id}"


def _when(date: str) -> datetime:
    """A partial date (YYYY, YYYY-MM) as its first day, midnight UTC."""
    parts = [int(x) for x in date.split("-")[:3]]
    parts += [1] * (3 - len(parts))
    try:
        return datetime(parts[0], parts[1], parts[2], tzinfo=UTC)
    except ValueError:
        return datetime(parts[0], 1, 1, tzinfo=UTC)


def feed(site: Site, papers: Iterable[Paper], collections: Mapping[str, Collection], here: str,
         title: str, about: str, known: dict[str, str | None] | None = None) -> str:
    """One Atom document; links are relative to the feed's own address (Atom resolves them so)."""
    entries = listing.recently_added(papers, collections, known)[:LIMIT]
    fg = FeedGenerator()
    fg.id(f"tag:{TAG_AUTHORITY}:{_slug(site.title)}/{here}")
    fg.title(escape.clean(title))
    fg.subtitle(escape.clean(about) or escape.clean(title))
    fg.link(href=urls.href(here, urls.HOME), rel="alternate")
    fg.link(href=here.rsplit("/", 1)[-1], rel="self")
    fg.author(name=escape.clean(site.title))  # Atom wants a feed author when an entry has none
    fg.generator("survey-generator")
    fg.language("en")
    fg.updated(_when(entries[0][0]) if entries else datetime(1970, 1, 1, tzinfo=UTC))
    # feedgen puts the entry added last on top: add oldest first
    for when, paper in reversed(entries):
        fe = fg.add_entry()
        fe.id(entry_id(site.title, paper.id))
        fe.title(escape.clean(paper.title))
        fe.link(href=urls.href(here, urls.paper(paper.id)), rel="alternate")
        fe.updated(_when(when))
        if paper.date:
            fe.published(_when(paper.date))
        for name in paper.authors:
            fe.author(name=escape.clean(name))
        for a in paper.topics:
            topic = site.views.topics.get(a.topic)
            if topic:
                fe.category(term=topic.id, label=escape.clean(topic.title))
        if paper.abstract:
            fe.summary(escape.clean(paper.abstract))
    return fg.atom_str(pretty=True).decode("utf-8")


# Material reads every <link rel="alternate"> as a language version and fetches "sitemap.xml" next to
# it; without one beside the feeds each page would log a 404. An empty sitemap says "no versions".
EMPTY_SITEMAP = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                 '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n')


def pages(site: Site) -> dict[str, str]:
    if not site.papers:
        return {}
    collections = site.views.collections_by_id()
    known: dict[str, str | None] = {}  # each paper's date entered, worked out once for all the feeds
    out = {f"{urls.FEEDS}/sitemap.xml": EMPTY_SITEMAP, urls.feed(): feed(site, site.papers, collections, urls.feed(), site.title,
                             "Papers newly added to the survey.", known)}
    for topic in site.corpus.topics:
        out[urls.feed(topic.id)] = feed(site, site.views.topic_papers[topic.id], collections, urls.feed(topic.id),
                                        f"{site.title}: {topic.title}", topic.description, known)
    return out
