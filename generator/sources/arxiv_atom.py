"""Reader for arXiv API responses: the Atom feeds ``export.arxiv.org/api/query`` returns.

Parsed with defusedxml: a document type declaration, an entity or an external reference is
refused and reported, never expanded. Each element's line comes from expat while the tree is
built, so every claim names the line its element starts on. Two response formats are read:
today's and the pre-2017 one (hard-wrapped titles, ``http://`` ids, namespaces declared on each
``arxiv:`` element). An error response (an entry whose id is under ``/api/errors``) becomes one
diagnostic with the API's text and no record; a feed without entries is reported at info level.

Links: the abstract page, the PDF and the publisher's DOI page are all kind ``paper`` (the link
kinds have no "pdf"; each is the paper in another form), versioned as the feed writes them and
cleaned like every link; GitHub-like repository URLs in the comment are ``code``. Other URLs stay in the comment text.
The response's own ``<updated>`` time is claimed as ``retrieved`` on every record, so provenance
can say "arXiv response of 2024-05-28".
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException

from ..links import extract_links
from ..model import Link
from ..records import ReadContext, ReaderOutput
from . import fields

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"
OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"

_VERSION_RE = re.compile(r"v(\d+)$")


def split_id(text: str) -> tuple[str, str | None] | None:
    """``(id without version, version or None)`` for an arXiv id or abs URL, or None if it is not one."""
    ident = fields.arxiv_id(text)
    if ident is None:
        return None
    version = _VERSION_RE.search(text.strip())
    return ident, version.group(1) if version else None


def _flat(text: str | None) -> str:
    """Unwrap hard line breaks and collapse runs of whitespace (titles, summaries, names)."""
    return fields.collapse(text or "")


def _day(text: str | None) -> str | None:
    """YYYY-MM-DD of an Atom timestamp (``2024-05-28T17:34:15Z``); None unless it names a real day."""
    day = fields.iso_date(text or "")
    return day if day is not None and len(day) == 10 else None


class _Tree:
    """An ElementTree target that notes the line each element starts on and keeps finished entries.

    The finished entries survive a parse error, so a truncated response still yields the papers
    it holds before the cut.
    """

    def __init__(self) -> None:
        self._builder = ET.TreeBuilder()
        self.lines: dict[int, int] = {}  # id(element) -> line; the elements live as long as the tree
        self.entries: list[ET.Element] = []
        self.root: ET.Element | None = None
        self.expat: Any = None  # set once the parser exists: the expat object that knows the line

    def start(self, tag: str, attrib: dict[str, str]) -> ET.Element:
        element = self._builder.start(tag, attrib)
        self.lines[id(element)] = self.expat.CurrentLineNumber if self.expat is not None else 0
        if self.root is None:
            self.root = element
        return element

    def end(self, tag: str) -> ET.Element:
        element = self._builder.end(tag)
        if tag == ATOM + "entry":
            self.entries.append(element)
        return element

    def data(self, text: str) -> None:
        self._builder.data(text)

    def close(self) -> ET.Element:
        return self._builder.close()

    def line(self, element: ET.Element | None, default: int = 0) -> int:
        return self.lines.get(id(element), default) if element is not None else default


def _parse(text: str, out: ReaderOutput) -> _Tree | None:
    """Build the tree; a refused or malformed document is reported. None if nothing can be used."""
    tree = _Tree()
    parser = DET.DefusedXMLParser(target=tree, encoding="utf-8", forbid_dtd=True, forbid_entities=True,
                                  forbid_external=True)
    tree.expat = parser.parser
    try:
        # the text is already decoded; the encoding given above overrides the declaration it carries
        parser.feed(text.encode("utf-8", "surrogatepass"))
        parser.close()
    except DefusedXmlException as exc:
        out.report(tree.expat.CurrentLineNumber or 1, "unsafe-xml",
                   f"refused: {exc} (a DTD, entity or external reference is never expanded); file not read",
                   severity="error")
        return None
    except (DET.ParseError, ET.ParseError, UnicodeError, ValueError) as exc:
        line = getattr(exc, "position", (tree.expat.CurrentLineNumber or 1, 0))[0] or 1
        if tree.root is None:
            out.report(line, "bad-xml", f"not well-formed XML: {exc}; file not read", severity="error")
            return None
        out.report(line, "bad-xml", f"not well-formed XML: {exc}; read the {len(tree.entries)} complete "
                                    "entries before this line", severity="error")
    return tree


def _error_text(entry: ET.Element) -> str | None:
    """The API's message if this entry is an error report rather than a paper."""
    ident = entry.findtext(ATOM + "id") or ""
    if "/api/errors" in ident:
        return _flat(entry.findtext(ATOM + "summary")) or ident
    return None


def _links(entry: ET.Element, comment: str) -> tuple[Link, ...]:
    found: dict[str, Link] = {}
    for element in entry.findall(ATOM + "link"):
        # abstract page, PDF, DOI: all the paper itself (see the module docstring)
        link = fields.link(element.get("href") or "", "paper")
        if link and link.url.lower() not in found:
            found[link.url.lower()] = link
    for link in extract_links(comment):
        if link.kind == "code" and link.url.lower() not in found:
            found[link.url.lower()] = link
    return tuple(found.values())


def _entry(entry: ET.Element, tree: _Tree, retrieved: tuple[str, int] | None, out: ReaderOutput) -> None:
    line = tree.line(entry)

    def child(name: str) -> ET.Element | None:
        return entry.find(name)

    def text_of(name: str) -> tuple[str, int]:
        element = child(name)
        return (_flat(element.text) if element is not None else ""), tree.line(element, line)

    title, title_line = text_of(ATOM + "title")
    if not title:
        out.skip(line, "no-title", "arXiv entry without a title; skipped")
        return
    claims: dict[str, tuple[Any, int]] = {"title": (title, title_line)}
    claims["abstract"] = text_of(ATOM + "summary")

    id_element = child(ATOM + "id")
    raw_id = (id_element.text or "").strip() if id_element is not None else ""
    parsed = split_id(raw_id)
    if parsed:
        claims["arxiv"] = (parsed[0], tree.line(id_element, line))
        if parsed[1]:
            claims["arxiv_version"] = (f"v{parsed[1]}", tree.line(id_element, line))
    else:
        out.report(tree.line(id_element, line), "bad-arxiv-id",
                   f"entry {title[:60]!r}: id {raw_id[:80]!r} is not an arXiv id; read without one")

    authors = entry.findall(ATOM + "author")
    names = [_flat(a.findtext(ATOM + "name")) for a in authors]
    if any(names):
        claims["authors"] = (tuple(n for n in names if n), tree.line(authors[0], line))
    affiliations = [(name, _flat(a.text)) for name, author in zip(names, authors, strict=True)
                    for a in author.findall(ARXIV + "affiliation") if name and _flat(a.text)]
    if affiliations:
        first = next(a for author in authors for a in author.findall(ARXIV + "affiliation"))
        claims["affiliations"] = ("; ".join(f"{n} ({a})" for n, a in affiliations), tree.line(first, line))

    for field, tag in (("date", ATOM + "published"), ("updated", ATOM + "updated")):
        element = child(tag)
        if element is None:
            continue
        day = _day(element.text)
        if day:
            claims[field] = (day, tree.line(element, line))
        else:
            out.report(tree.line(element, line), "bad-date", f"{tag.split('}')[1]} {_flat(element.text)[:40]!r} "
                                                             "is not an ISO date; left empty")

    doi, doi_line = text_of(ARXIV + "doi")
    if not doi:
        doi_link = next((a for a in entry.findall(ATOM + "link") if a.get("title") == "doi"), None)
        if doi_link is not None:
            doi, doi_line = (doi_link.get("href") or "").strip(), tree.line(doi_link, line)
    if doi:
        # the arXiv field may hold several DOIs separated by spaces: the first is the paper's
        main_doi, *others = doi.split()
        if fields.doi(main_doi):
            claims["doi"] = (fields.doi(main_doi), doi_line)
        else:
            out.report(doi_line, "bad-doi", f"{main_doi[:60]!r} is not a DOI; left out")
        if others:
            claims["other_dois"] = (" ".join(others), doi_line)

    claims["journal_ref"] = text_of(ARXIV + "journal_ref")
    comment, comment_line = text_of(ARXIV + "comment")
    claims["comment"] = (comment, comment_line)

    primary = child(ARXIV + "primary_category")
    categories = [primary] if primary is not None else []
    categories += entry.findall(ATOM + "category")
    terms = list(dict.fromkeys(t for t in ((c.get("term") or "").strip() for c in categories) if t))
    if terms:
        claims["categories"] = (tuple(terms), tree.line(categories[0], line))

    links = _links(entry, comment)
    if links:
        first_link = entry.find(ATOM + "link")
        claims["links"] = (links, tree.line(first_link, comment_line) if first_link is not None else comment_line)
    if retrieved:
        claims["retrieved"] = retrieved
    out.add(line, claims)


def read(text: str, context: ReadContext) -> ReaderOutput:
    """Parse one arXiv API response into records; problems become diagnostics, never exceptions."""
    out = ReaderOutput(context.path)
    tree = _parse(text, out)
    if tree is None or tree.root is None:
        return out
    root = tree.root
    if root.tag != ATOM + "feed":
        out.report(tree.line(root, 1), "not-atom", f"root element is {root.tag!r}, not an Atom <feed>; file not read",
                   severity="error")
        return out
    updated = root.find(ATOM + "updated")
    day = _day(updated.text) if updated is not None else None
    retrieved = (day, tree.line(updated)) if updated is not None and day else None
    for entry in tree.entries:
        error = _error_text(entry)
        if error is not None:
            out.report(tree.line(entry), "api-error", f"the arXiv API answered with an error: {error!r}; no papers "
                                                      "in this response", severity="error")
            continue
        _entry(entry, tree, retrieved, out)
    if not tree.entries:
        total = root.findtext(OPENSEARCH + "totalResults")
        out.report(tree.line(root, 1), "empty-feed",
                   f"the response lists no papers (totalResults {(total or '?').strip()})", severity="info")
    return out
