"""Reader for awesome-list READMEs: list items and table rows that carry a paper.

markdown-it-py parses the file as CommonMark (plus tables) and gives every list item and table
row its line range, so an item wrapped over two lines, a list inside a code fence or an HTML
block are read as a Markdown renderer reads them. An item is a paper when it starts with a
titled link (``[**Title.**](url)``, ``[Title](url)``) or bold text, or when it is plain text
followed by a link labelled paper/pdf/arXiv. After the title come, in any order:

- ``*A, B, C.*`` (emphasis): the authors, "Given Family", split on "," "and" "&";
- plain text with a year or a short capitalised tag (``NeurIPS 2024.``, ``[ICML'23]``,
  ``Arxiv 2024``): the venue, as written; longer prose is kept as ``description``;
- links: ``[Code](..)`` and the link around a star badge are code links; other labels name
  their kind (project, paper, dataset, demo, model); arxiv.org links give ``arxiv`` instead.

Headings give ``keywords`` (every heading above the item below the page title, without its
emoji or number). Table rows map columns by header (Title/Paper, Venue/Conference, Year,
Authors, Code; others become text fields). Headings, prose, badges and ``#anchor`` links are
ignored; an item whose title link points at a repository's root and that names no venue is a
software project, reported as info and not read; an item that looks like a paper (a link to
a paper host, a paper/code link) but has no usable title is skipped with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..model import Link
from ..records import ReadContext, ReaderOutput
from . import fields

_PARSER = MarkdownIt("commonmark").enable("table")
_CODE_HOSTS = {"github.com", "gitlab.com", "gitee.com", "bitbucket.org"}
_PAPER_HOSTS = {"arxiv.org", "openreview.net", "aclanthology.org", "doi.org", "dl.acm.org", "ieeexplore.ieee.org",
                "proceedings.neurips.cc", "proceedings.mlr.press", "papers.nips.cc", "openaccess.thecvf.com"}
# link label -> kind, by the first word of the label
_LABEL_KINDS = {"code": "code", "github": "code", "repo": "code", "official": "code", "pytorch": "code",
                "project": "project", "page": "project", "homepage": "project", "website": "project", "blog": "project",
                "paper": "paper", "pdf": "paper", "arxiv": "paper", "openreview": "paper", "doi": "paper",
                "dataset": "dataset", "data": "dataset", "benchmark": "dataset", "demo": "demo", "space": "demo",
                "model": "model", "models": "model", "weights": "model", "checkpoint": "model", "huggingface": "model"}
_NOT_TITLES = set(_LABEL_KINDS) | {"link", "here", "url", "abs", "html", "video", "slides", "poster", "talk", "bib",
                                  "bibtex", "citation", "star", "stars"}
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b|['’]\s?\d\d\b")
_STARS_BADGE_RE = re.compile(r"img\.shields\.io/github/stars/([\w.-]+)/([\w.-]+)", re.IGNORECASE)
# emoji, keycaps, variation selectors and joiners that decorate headings and titles
_DECORATION = r"(?:\d\ufe0f?\u20e3|[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\ufe0f\u200d\u20e3])"
_LEADING_DECORATION_RE = re.compile(rf"^(?:{_DECORATION}|\s)+")
_TRAILING_DECORATION_RE = re.compile(rf"(?:{_DECORATION}|\s)+$")
_TITLE_COLUMNS = ("title", "paper", "paper title", "name", "method", "model", "work")
_VENUE_COLUMNS = ("venue", "conference", "conf", "conf.", "publication", "pub", "pub.", "published", "journal", "where")
_AUTHOR_COLUMNS = ("authors", "author")
_CODE_COLUMNS = ("code", "github", "repo", "repository", "implementation", "official code")
_DATE_COLUMNS = ("year", "date")


@dataclass
class _Piece:
    """One run of an item's inline content: text in a style, a link, or a bare image."""

    kind: str  # "text", "em", "strong", "link", "image"
    line: int
    text: str = ""
    href: str = ""
    images: list[str] = field(default_factory=list)  # image sources inside a link
    strong: bool = False  # link text was bold


def _pieces(inline: Token, first_line: int) -> list[_Piece]:
    """The inline token's children as pieces, each with the physical line it sits on."""
    pieces: list[_Piece] = []
    line = first_line
    link: _Piece | None = None
    styles: list[str] = []
    for child in inline.children or []:
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            line += 1
            if link is not None:
                link.text += " "
            elif pieces and pieces[-1].kind in ("text", "em", "strong"):
                pieces[-1].text += " "
        elif kind == "link_open":
            link = _Piece("link", line, href=str(child.attrs.get("href", "")))
        elif kind == "link_close":
            if link is not None:
                pieces.append(link)
            link = None
        elif kind in ("em_open", "strong_open"):
            styles.append(kind[:-5])
        elif kind in ("em_close", "strong_close"):
            if styles:
                styles.pop()
        elif kind == "image":
            src = str(child.attrs.get("src", ""))
            if link is not None:
                link.images.append(src)
            else:
                pieces.append(_Piece("image", line, href=src))
        elif kind in ("text", "code_inline"):
            if link is not None:
                link.text += child.content
                link.strong = link.strong or "strong" in styles
                continue
            style = "strong" if "strong" in styles else "em" if "em" in styles else "text"
            if (pieces and pieces[-1].kind == style and style != "text") or (
                pieces and pieces[-1].kind == "text" and style == "text"
            ):
                pieces[-1].text += child.content
            else:
                pieces.append(_Piece(style, line, text=child.content))
    return pieces


def _heading_text(text: str) -> str:
    """A heading without its decoration: "1️⃣ Pruning / Evicting" -> "Pruning / Evicting"."""
    text = _LEADING_DECORATION_RE.sub("", text)
    text = _TRAILING_DECORATION_RE.sub("", text)
    return fields.collapse(re.sub(r"^\d+(?:\.\d+)*[.)]?\s+", "", text))


def _clean_title(text: str) -> str:
    """Title text without decoration, surrounding quotes or the final period inside the bold."""
    text = fields.collapse(_TRAILING_DECORATION_RE.sub("", _LEADING_DECORATION_RE.sub("", text)))
    text = text.strip(" *_\"“”")
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1].rstrip()
    return text


def _host(url: str) -> tuple[str, list[str]]:
    try:
        parts = urlsplit(url)
    except ValueError:
        return "", []
    return parts.netloc.lower().removeprefix("www."), [s for s in parts.path.split("/") if s]


def _is_repo_root(url: str) -> bool:
    host, segments = _host(url)
    return host in _CODE_HOSTS and len(segments) == 2


def _is_paper_url(url: str) -> bool:
    host, segments = _host(url)
    return host in _PAPER_HOSTS or url.lower().endswith(".pdf") or (host == "huggingface.co" and segments[:1] == ["papers"])


def _label_kind(label: str) -> str | None:
    words = re.findall(r"[a-z]+", label.lower())
    return _LABEL_KINDS.get(words[0]) if words else None


def _split_authors(text: str) -> tuple[tuple[str, ...], bool]:
    """"A, B and C." -> ("A", "B", "C"): awesome lists write "Given Family", so no comma is turned round."""
    complete = True
    names: list[str] = []
    for part in re.split(r",|;|\s+and\s+|\s*&\s*", fields.collapse(text).strip(" .")):
        name = part.strip(" .")
        if not name:
            continue
        if name.lower() in ("et al", "others", "etc", "...", "…") or name.lower().endswith(" et al"):
            complete = False
            name = name[: -len("et al")].strip() if name.lower().endswith(" et al") else ""
        if name:
            names.append(name)
    return tuple(names), complete


def _venue_like(text: str) -> bool:
    """Short text with a year ("NeurIPS 2024", "ICML'23") or a short capitalised tag ("Arxiv", "ACL Findings")."""
    words = text.split()
    if not words or len(words) > 8:
        return False
    return bool(_YEAR_RE.search(text)) or (len(words) <= 3 and all(w[:1].isupper() or w[:1].isdigit() for w in words))


@dataclass
class _Paper:
    """What one item or row states, collected before it becomes a record."""

    line: int
    claims: dict[str, tuple[object, int]] = field(default_factory=dict)
    links: list[tuple[Link, int]] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)

    def add_link(self, url: str, kind: str | None, line: int) -> None:
        found = fields.arxiv_from_url(url)
        if found:
            self.claims.setdefault("arxiv", (found, line))
            return
        if _host(url)[0] == "arxiv.org":
            self.problems.append((line, f"{url!r} is an arXiv link without a valid arXiv id; kept as a link"))
        made = fields.link(url, kind)
        if made is not None and all(made.url != known.url for known, _ in self.links):
            self.links.append((made, line))


def read(text: str, context: ReadContext) -> ReaderOutput:
    """Parse one awesome-list README into records; items that look like papers but cannot be read are skipped."""
    out = ReaderOutput(context.path)
    try:
        tokens = _PARSER.parse(text)
    except (RecursionError, ValueError) as exc:
        out.skip(1, "markdown-unreadable", f"could not parse this Markdown ({type(exc).__name__})", severity="error")
        return out
    headings: list[tuple[int, str]] = []
    arxiv_titles: dict[str, tuple[str, int]] = {}
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "heading_open" and i + 1 < len(tokens):
            level = int(token.tag[1:]) if token.tag[1:].isdigit() else 6
            headings = [(lv, t) for lv, t in headings if lv < level]
            headings.append((level, _heading_text(tokens[i + 1].content)))
        elif token.type == "list_item_open" and token.map:
            inline = _first_inline(tokens, i)
            if inline is not None and inline.map:
                paper = _item(_pieces(inline, inline.map[0] + 1), token.map[0] + 1, out)
                if paper is not None:
                    _finish(paper, headings, arxiv_titles, out)
        elif token.type == "table_open":
            i = _table(tokens, i, headings, arxiv_titles, out)
            continue
        i += 1
    if not out.records:
        out.report(0, "empty-source", "no papers found in this file")
    return out


def _first_inline(tokens: list[Token], start: int) -> Token | None:
    """The inline content of a list item's first paragraph (None when the item starts with a sub-list)."""
    for token in tokens[start + 1 : start + 3]:
        if token.type == "inline":
            return token
        if token.type != "paragraph_open":
            return None
    return None


def _keywords(headings: list[tuple[int, str]]) -> tuple[str, ...]:
    top = min((lv for lv, _ in headings), default=1)
    # the page title (a lone h1) names the list, not a section
    return tuple(t for lv, t in headings if t and not (lv == 1 and top == 1))


def _finish(paper: _Paper, headings: list[tuple[int, str]], arxiv_titles: dict[str, tuple[str, int]],
            out: ReaderOutput) -> None:
    for at, problem in paper.problems:
        out.report(at, "bad-arxiv-link", problem)
    keywords = _keywords(headings)
    if keywords:
        paper.claims["keywords"] = (keywords, paper.line)
    if paper.links:
        paper.claims["links"] = (tuple(link for link, _ in paper.links), paper.links[0][1])
    title = str(paper.claims["title"][0])
    arxiv = paper.claims.get("arxiv")
    if arxiv is not None:
        seen = arxiv_titles.get(str(arxiv[0]))
        if seen and fields.collapse(seen[0]).casefold() != title.casefold():
            out.report(paper.line, "arxiv-reused", f"arXiv {arxiv[0]} is also the link of {seen[0][:60]!r} "
                                                   f"(line {seen[1]}); one of the two links is probably wrong")
        arxiv_titles.setdefault(str(arxiv[0]), (title, paper.line))
    out.add(paper.line, paper.claims)


def _item(pieces: list[_Piece], line: int, out: ReaderOutput) -> _Paper | None:
    """A list item as a paper, or None (not a paper: silently; unreadable paper: skipped with its line)."""
    pieces = [p for p in pieces if not (p.kind == "text" and not p.text.strip())]
    if not pieces:
        return None
    venue_tags: list[tuple[str, int]] = []
    # leading "[ICML'23]" tags before the title link
    while pieces and pieces[0].kind == "text" and re.fullmatch(r"\s*(\[[^\[\]]+\]\s*)+", pieces[0].text):
        venue_tags.extend((tag, pieces[0].line) for tag in re.findall(r"\[([^\[\]]+)\]", pieces[0].text))
        pieces = pieces[1:]
    if not pieces:
        return None
    first = pieces[0]
    title, title_href, rest = "", "", pieces[1:]
    if first.kind == "link" and not first.images:
        if first.href.startswith("#"):
            return None  # table of contents
        title, title_href = first.text, first.href
    elif first.kind == "strong":
        title = first.text
    elif first.kind == "text":
        links = [p for p in pieces if p.kind == "link" and not p.href.startswith("#")]
        if not any(_label_kind(p.text) == "paper" or _is_paper_url(p.href) for p in links):
            return None  # prose, perhaps with a link in it
        title = re.split(r"\s[\[(]\s*$", first.text)[0]
    else:
        return None  # a badge or an image first: not a paper
    looks_like_paper = bool(title_href and (_is_paper_url(title_href) or _is_repo_root(title_href))) or any(
        p.kind == "link" and (_label_kind(p.text) in ("paper", "code") or _is_paper_url(p.href)) for p in rest)
    cleaned = _clean_title(title)
    if not re.search(r"\w", cleaned) or cleaned.lower() in _NOT_TITLES:
        if looks_like_paper:
            out.skip(line, "no-title", f"a paper item with no usable title ({title.strip()[:40]!r}); skipped")
        return None
    paper = _Paper(line, {"title": (cleaned, first.line)})
    if title_href:
        paper.add_link(title_href, "paper" if _is_paper_url(title_href) else None, first.line)
    authors_seen = False
    descriptions: list[tuple[str, int]] = []
    for piece in rest:
        if piece.kind == "em" and not authors_seen:
            names, complete = _split_authors(piece.text)
            if names:
                authors_seen = True
                paper.claims["authors"] = (names, piece.line)
                if complete:
                    paper.claims["authors_count"] = (len(names), piece.line)
        elif piece.kind in ("text", "em", "strong"):
            for chunk in re.split(r"[\[\]|]", piece.text):
                chunk = chunk.strip(" .,;:-–—()")
                if not re.search(r"\w", chunk) or chunk.lower() in _NOT_TITLES:
                    continue  # punctuation, or a "[code]" label whose link is missing
                if _venue_like(chunk) and "venue" not in paper.claims:
                    paper.claims["venue"] = (chunk, piece.line)
                else:
                    descriptions.append((chunk, piece.line))
        elif piece.kind == "link":
            _piece_link(piece, paper)
        elif piece.kind == "image":
            badge = _STARS_BADGE_RE.search(piece.href)
            if badge:
                paper.add_link(f"https://github.com/{badge.group(1)}/{badge.group(2)}", "code", piece.line)
    for tag, at in venue_tags:
        if "venue" not in paper.claims:
            paper.claims["venue"] = (tag.strip(), at)
        else:
            descriptions.append((tag.strip(), at))
    if descriptions:
        paper.claims["description"] = (" ".join(d for d, _ in descriptions), descriptions[0][1])
    if title_href and _is_repo_root(title_href) and "venue" not in paper.claims and "arxiv" not in paper.claims:
        out.report(line, "not-a-paper", f"{cleaned[:60]!r} links to a code repository and names no venue: "
                                        "read as a software project, not a paper", severity="info")
        return None
    return paper


def _piece_link(piece: _Piece, paper: _Paper) -> None:
    """A link after the title: a labelled link, or a badge whose link or image names a repository."""
    if piece.href.startswith("#"):
        return
    if piece.images and not piece.text.strip():
        if _is_repo_root(piece.href) or _host(piece.href)[0] in _CODE_HOSTS:
            paper.add_link(piece.href, "code", piece.line)
            return
        for src in piece.images:
            badge = _STARS_BADGE_RE.search(src)
            if badge:
                paper.add_link(f"https://github.com/{badge.group(1)}/{badge.group(2)}", "code", piece.line)
        return
    kind = _label_kind(piece.text)
    if kind == "paper" and not _is_paper_url(piece.href):
        kind = "paper" if piece.href.lower().endswith(".pdf") else None
    paper.add_link(piece.href, kind, piece.line)


def _table(tokens: list[Token], start: int, headings: list[tuple[int, str]], arxiv_titles: dict[str, tuple[str, int]],
           out: ReaderOutput) -> int:
    """Read the table opening at ``start``; return the index after it."""
    header: list[str] = []
    rows: list[tuple[int, list[Token]]] = []
    i = start + 1
    in_head = False
    while i < len(tokens) and tokens[i].type != "table_close":
        token = tokens[i]
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            cells: list[Token] = []
            j = i + 1
            while j < len(tokens) and tokens[j].type != "tr_close":
                if tokens[j].type == "inline":
                    cells.append(tokens[j])
                j += 1
            if in_head:
                header = [fields.collapse(re.sub(r"[*_`]", "", c.content)).lower() for c in cells]
            else:
                rows.append(((token.map[0] + 1) if token.map else 0, cells))
            i = j
        i += 1
    roles = _roles(header)
    for line, cells in rows:
        paper = _row(cells, line, header, roles, out)
        if paper is not None:
            _finish(paper, headings, arxiv_titles, out)
    return i + 1


def _roles(header: list[str]) -> dict[int, str]:
    roles: dict[int, str] = {}
    for index, name in enumerate(header):
        for role, names in (("title", _TITLE_COLUMNS), ("venue", _VENUE_COLUMNS), ("authors", _AUTHOR_COLUMNS),
                            ("code", _CODE_COLUMNS), ("date", _DATE_COLUMNS)):
            if name in names and role not in roles.values():
                roles[index] = role
                break
    return roles


def _row(cells: list[Token], line: int, header: list[str], roles: dict[int, str], out: ReaderOutput) -> _Paper | None:
    """One table row as a paper, or None when the table does not list papers."""
    pieces = [_pieces(cell, line) for cell in cells]
    title_index = next((i for i, role in roles.items() if role == "title"), None)
    if title_index is None:
        # no title column: a row is a paper only if a cell starts with a titled link to a paper
        title_index = next((i for i, ps in enumerate(pieces) if ps and ps[0].kind == "link" and not ps[0].images
                            and _is_paper_url(ps[0].href)), None)
        if title_index is None:
            return None
    if title_index >= len(pieces):
        out.skip(line, "no-title", "table row has no title cell; skipped")
        return None
    title_pieces = [p for p in pieces[title_index] if p.kind != "image"]
    title_link = next((p for p in title_pieces if p.kind == "link" and not p.href.startswith("#")), None)
    title_text = title_link.text if title_link else "".join(p.text for p in title_pieces if p.kind != "link")
    cleaned = _clean_title(title_text)
    if not re.search(r"\w", cleaned) or cleaned.lower() in _NOT_TITLES or cleaned in ("-", "—"):
        if any(p.kind == "link" for ps in pieces for p in ps):
            out.skip(line, "no-title", "table row with links but no usable title; skipped")
        return None
    paper = _Paper(line, {"title": (cleaned, line)})
    if title_link is not None:
        paper.add_link(title_link.href, "paper" if _is_paper_url(title_link.href) else None, line)
    for index, cell in enumerate(pieces):
        if index == title_index:
            continue
        role = roles.get(index)
        text = fields.collapse(" ".join(p.text for p in cell if p.kind != "link" and p.kind != "image")).strip(" .")
        for piece in cell:
            if piece.kind == "link":
                if role == "code":
                    paper.add_link(piece.href, "code", line)
                else:
                    _piece_link(piece, paper)
            elif piece.kind == "image":
                badge = _STARS_BADGE_RE.search(piece.href)
                if badge:
                    paper.add_link(f"https://github.com/{badge.group(1)}/{badge.group(2)}", "code", line)
        if not text or text in ("-", "—", "N/A", "n/a"):
            continue
        if role == "venue":
            paper.claims["venue"] = (text, line)
        elif role == "authors":
            names, complete = _split_authors(text)
            paper.claims["authors"] = (names, line)
            if complete and names:
                paper.claims["authors_count"] = (len(names), line)
        elif role == "date":
            found = fields.iso_date(text)
            if found:
                paper.claims["date"] = (found, line)
            else:
                out.report(line, "bad-value", f"date {text!r} is not a date; kept as date_text")
                paper.claims["date_text"] = (text, line)
        elif role != "code":
            name = fields.extra_name(header[index]) if index < len(header) else ""
            paper.claims[name or f"column_{index + 1}"] = (text, line)
    return paper
